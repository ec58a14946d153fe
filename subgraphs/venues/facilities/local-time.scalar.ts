import { GraphQLScalarType, Kind } from "graphql";
import { BadInputError } from "../../../platform/errors";
import { localTimeMinutes } from "./local-time.rules";

function parseLocalTime(value: unknown): string {
  if (typeof value === "string" && localTimeMinutes(value) !== null) return value;
  throw new BadInputError(`LocalTime: "${String(value).slice(0, 20)}" is not a wall-clock time; use HH:mm from 00:00 to 24:00, e.g. 08:30.`);
}

/** `LocalTime`: a wall-clock time HH:mm on the Asia/Shanghai calendar (24:00 ends a day); kept as text. */
export const LocalTimeScalar = new GraphQLScalarType<string, string>({
  name: "LocalTime",
  description: "A wall-clock time HH:mm (Asia/Shanghai), e.g. 08:30; 24:00 is the end of the day.",
  serialize: (value) => parseLocalTime(value),
  parseValue: parseLocalTime,
  parseLiteral: (ast) => parseLocalTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
