import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { MapperKind, mapSchema, printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLEnumType, GraphQLSchema, lexicographicSortSchema, parse } from "graphql";
import { buildSchema, createResolversMap, NonEmptyArray } from "type-graphql";
import { DateTimeScalar, SafeIntScalar } from "./scalars";
import { HubContext } from "./context";
import { IdType, typeOfId } from "./ids";

/** The one federation version every subgraph links. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible", "@tag"])';

/**
 * Resolves an entity representation sent by the gateway. The gateway sends one per entity and does not
 * deduplicate, so every one goes through a DataLoader.
 */
export type ReferenceResolver = (reference: Record<string, unknown>, context: HubContext) => unknown;

/** Resolves a representation of `type` through its loader; an id of another kind or a malformed one is null, never SQL. */
export function referenceById(type: IdType, loader: (ctx: HubContext) => { load(id: string): Promise<unknown> }): ReferenceResolver {
  return (ref, ctx) => (typeOfId(String(ref.id)) === type ? loader(ctx).load(String(ref.id)) : null);
}

/** An entity owned elsewhere that this subgraph only adds fields to: the checked representation is the root. */
export function keyOnlyReference(type: IdType): ReferenceResolver {
  return (ref) => (typeOfId(String(ref.id)) === type ? { id: String(ref.id) } : null);
}

export interface SubgraphDefinition {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a root field that must still be in the schema (entity stubs). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type this subgraph owns. */
  references?: Record<string, ReferenceResolver>;
}

const scalarsMap = [
  { type: Date, scalar: DateTimeScalar },
  { type: BigInt, scalar: SafeIntScalar },
];

/**
 * Types, fields and arguments in name order, so the SDL does not depend on the order in which the features'
 * resolver modules happen to load. Enum values keep their declared order: it is meaningful (a lifecycle, a scale).
 */
function sortedSchema(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(lexicographicSortSchema(schema), {
    [MapperKind.ENUM_TYPE]: (type) => new GraphQLEnumType((schema.getType(type.name) as GraphQLEnumType).toConfig()),
  });
}

/** The subgraph SDL (with its federation @link) and resolvers built from type-graphql classes. */
export async function buildSubgraphParts(definition: SubgraphDefinition): Promise<{ sdl: string; resolvers: GraphQLResolverMap<HubContext> }> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    scalarsMap,
    skipCheck: true, // federation directives are declared by buildSubgraphSchema, not type-graphql
    validate: false,
    emitSchemaFile: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(sortedSchema(schema))}\n`;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<HubContext>;
  for (const [typeName, resolveReference] of Object.entries(definition.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as never;
  }
  return { sdl, resolvers };
}

/** The executable federated schema of a subgraph. */
export async function buildFederatedSchema(definition: SubgraphDefinition): Promise<{ sdl: string; schema: GraphQLSchema }> {
  const { sdl, resolvers } = await buildSubgraphParts(definition);
  return { sdl, schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]) };
}
