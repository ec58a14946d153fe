import { GraphQLScalarType, Kind, ValueNode } from "graphql";
import { SafeIntResolver } from "graphql-scalars";
import { BadInputError } from "../../platform/errors";
import { toBusinessIso } from "./clock";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadInputError(
      `DateTime: "${String(value).slice(0, 40)}" is not a date-time; use ISO-8601 with an offset, e.g. 2022-03-15T09:00:00+08:00.`,
    );
  }
  return new Date(value);
}

/** Checks a calendar day and returns it unchanged (days are stored as `YYYY-MM-DD` text). */
export function parseCalendarDate(value: unknown, argument = "Date"): string {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d) return value as string;
  }
  throw new BadInputError(`${argument}: "${String(value).slice(0, 40)}" is not a calendar date; use YYYY-MM-DD, e.g. 2022-03-15.`);
}

function literal(ast: ValueNode): unknown {
  return ast.kind === Kind.STRING ? ast.value : undefined;
}

/** `DateTime`: an instant, ISO-8601 with offset; served in the +08:00 business offset. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "An instant, ISO-8601 with offset (e.g. 2022-03-15T09:00:00+08:00); stored as UTC.",
  serialize: (value) => toBusinessIso(value instanceof Date ? value : parseDateTime(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literal(ast)),
});

/** `Date`: a calendar day on the Asia/Shanghai calendar, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar day (Asia/Shanghai), YYYY-MM-DD.",
  serialize: (value) => parseCalendarDate(value),
  parseValue: (value) => parseCalendarDate(value),
  parseLiteral: (ast) => parseCalendarDate(literal(ast)),
});

/** `SafeInt`: integers within ±(2^53−1), used for every amount in fen. */
export const SafeIntScalar = SafeIntResolver;

/** `Decimal`: a string-encoded decimal such as "1629.5" (volunteer hours). */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: "Decimal",
  description: 'A string-encoded decimal, e.g. "1629.5".',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== "string" || !/^-?\d+(\.\d+)?$/.test(value)) throw new BadInputError(`Decimal: "${String(value)}" is not a decimal string such as "1629.5".`);
    return value;
  },
});

/** Formats integer minutes as decimal hours ("1629.5"), exact to the minute. */
export function minutesToHours(minutes: number): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) ? String(hours) : String(Number(hours.toFixed(4)));
}
