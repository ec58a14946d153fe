import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { MapperKind, mapSchema, printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLEnumType, GraphQLSchema, lexicographicSortSchema, parse } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage, NonEmptyArray } from "type-graphql";
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

/**
 * Per object type, the fields type-graphql reads as a plain property through its middleware wrapper (a resolver data
 * object and a call per field and row) though nothing wraps them: no middleware, no field resolver, no other name.
 * graphql's default resolver reads those directly. A type name declared by two classes (a stub in each subgraph) or
 * a class extending another object type keeps every field as type-graphql built it.
 */
function plainPropertyFields(): Map<string, Set<string>> {
  const storage = getMetadataStorage();
  const classes = new Map<string, number>();
  for (const type of storage.objectTypes) classes.set(type.name, (classes.get(type.name) ?? 0) + 1);
  const plain = new Map<string, Set<string>>();
  for (const type of storage.objectTypes) {
    if (classes.get(type.name) !== 1 || storage.objectTypes.some((other) => other !== type && type.target.prototype instanceof other.target)) continue;
    const resolved = new Set(storage.fieldResolvers.filter((r) => r.getObjectType?.() === type.target).map((r) => r.methodName));
    const fields = (type.fields ?? []).filter((f) => !f.middlewares?.length && !f.roles && f.simple === undefined && f.name === f.schemaName && !resolved.has(f.name));
    plain.set(type.name, new Set(fields.map((f) => f.schemaName)));
  }
  return plain;
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
  for (const [typeName, fields] of plainPropertyFields()) {
    const typeResolvers = resolvers[typeName] as Record<string, unknown> | undefined;
    if (typeResolvers) for (const field of fields) delete typeResolvers[field];
  }
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
