import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, GraphQLNamedType, GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from "graphql";
import { buildFederatedSchema } from "@kit/schema";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";

// The supervision and rating part of the client contract, checked on the subgraph before the supergraph is composed.
const contract = buildSchema(readFileSync(join(__dirname, "..", "..", "contract", "composed-api.graphql"), "utf8"));
const TYPES = [
  "SupervisionVisitType", "SupervisionVisit", "SupervisionAssignment", "StarLevel", "RatingStatus", "RatingAction",
  "RatingResult", "IndicatorScore", "IndicatorScoreInput", "RatingEvaluation", "AGrade", "AGradeRecord",
];
const FIELDS: [string, string][] = [
  ["Organization", "supervision"], ["Organization", "currentRating"], ["Organization", "ratingHistory"], ["Organization", "aGrade"],
  ["Query", "ratingEvaluations"], ["Mutation", "submitRatingScores"], ["Mutation", "transitionRating"],
];

type Fielded = { getFields(): Record<string, { type: unknown; args?: readonly { name: string; type: unknown; defaultValue?: unknown }[] }> };

function fieldDifferences(ours: GraphQLNamedType | null | undefined, theirs: GraphQLNamedType, only?: string): string[] {
  if (!ours) return [`${theirs.name}: missing`];
  if (isEnumType(theirs)) {
    const [a, b] = [isEnumType(ours) ? ours.getValues().map((v) => v.name).join(" ") : "?", theirs.getValues().map((v) => v.name).join(" ")];
    return a === b ? [] : [`enum ${theirs.name}: ${a} ≠ ${b}`];
  }
  const found: string[] = [];
  const mine = (ours as unknown as Fielded).getFields();
  for (const [name, field] of Object.entries((theirs as unknown as Fielded).getFields())) {
    if (only && name !== only) continue;
    const other = mine[name];
    if (!other) found.push(`${theirs.name}.${name}: missing`);
    else {
      if (String(other.type) !== String(field.type)) found.push(`${theirs.name}.${name}: ${other.type} ≠ ${field.type}`);
      for (const arg of field.args ?? []) {
        const ourArg = other.args?.find((a) => a.name === arg.name);
        if (!ourArg || String(ourArg.type) !== String(arg.type) || ourArg.defaultValue !== arg.defaultValue) found.push(`${theirs.name}.${name}(${arg.name}) differs`);
      }
    }
  }
  return found;
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = (await buildFederatedSchema(organizationsSubgraph.definition)).schema;
});

test("supervision and rating types carry every contract field, argument and enum value, with the contract's types", () => {
  const problems = TYPES.flatMap((name) => fieldDifferences(schema.getType(name), contract.getType(name)!));
  problems.push(...FIELDS.flatMap(([type, field]) => fieldDifferences(schema.getType(type), contract.getType(type)!, field)));
  expect(problems).toEqual([]);
  expect(isObjectType(schema.getType("RatingResult")) && isInputObjectType(schema.getType("IndicatorScoreInput"))).toBe(true);
});

test("recordSupervisionVisit is the one addition, with shareWithLeader defaulting to false", () => {
  const field = schema.getMutationType()!.getFields().recordSupervisionVisit;
  expect(String(field.type)).toBe("SupervisionVisit!");
  // argument order is not part of a GraphQL signature (type-graphql emits decorated parameters last to first)
  expect(field.args.map((a) => `${a.name}: ${a.type}${a.defaultValue === undefined ? "" : ` = ${a.defaultValue}`}`).sort()).toEqual([
    "assignmentId: ID!", "date: Date!", "notes: String", "shareWithLeader: Boolean = false", "type: SupervisionVisitType!",
  ]);
});
