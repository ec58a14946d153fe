import { DataSource, EntitySchema, MixedList } from "typeorm";
import { auditFeature } from "./audit";
import { EventHandler, eventsFeature } from "./events";
import { mergePublicReads, PublicReads } from "./public-reads";
import { ReferenceResolver } from "./schema";
import { ServiceCalls } from "./request-auth";
import { SubgraphModule } from "./server";

/* eslint-disable @typescript-eslint/no-unsafe-function-type -- type-graphql and TypeORM take classes as Function */

/**
 * What one feature folder (`subgraphs/<name>/<feature>/index.ts`) gives its subgraph: its tables, its GraphQL
 * classes, the entity references it resolves and its part of the demo data.
 */
export interface Feature {
  /** The folder's name, used in messages (`filing`, `bookings`). */
  name: string;
  entities?: Function[];
  resolvers?: Function[];
  /** Types not reachable from a root field that must still be in the schema (stubs of others' entities). */
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type the feature owns. */
  references?: Record<string, ReferenceResolver>;
  /** Writes the feature's demo data; seeds run in the order the features are listed, only into an empty store. */
  seed?: (db: DataSource) => Promise<void>;
  /** The feature's internal mutations other subgraphs may call with their service identity, by calling service. */
  serviceCalls?: ServiceCalls;
  /** How the feature applies the events of other subgraphs it consumes (kit/events catalog). */
  eventHandlers?: EventHandler[];
  /** Its reads the gateway may cache for anonymous and partner callers, and their tags (kit/public-reads). */
  publicReads?: PublicReads;
}

/** A subgraph as `subgraph.ts` declares it: its name, port, migrations and the features it is made of. */
export interface SubgraphDeclaration {
  name: string;
  defaultPort: number;
  migrations: MixedList<Function | string | EntitySchema>;
  features: Feature[];
}

/** Puts a subgraph's features together into what the kit serves; two features may not claim one reference. */
export function defineSubgraph({ name, defaultPort, migrations, features: own }: SubgraphDeclaration): SubgraphModule {
  // every subgraph keeps an audit log of its mutations, and an outbox and inbox for the events it sends and applies
  const handlers = own.flatMap((feature) => feature.eventHandlers ?? []);
  const features = [...own, auditFeature(name), eventsFeature(name, handlers)];
  const references: Record<string, ReferenceResolver> = {};
  for (const feature of features) {
    for (const [typeName, resolve] of Object.entries(feature.references ?? {})) {
      if (references[typeName]) throw new Error(`Two features of ${name} resolve references of ${typeName}; one entity has one owner.`);
      references[typeName] = resolve;
    }
  }
  const entities = features.flatMap((feature) => feature.entities ?? []);
  const resolvers = features.flatMap((feature) => feature.resolvers ?? []);
  const serviceCalls: Record<string, string[]> = {};
  for (const feature of features) {
    for (const [service, fields] of Object.entries(feature.serviceCalls ?? {})) (serviceCalls[service] ??= []).push(...fields);
  }
  if (resolvers.length === 0) throw new Error(`The ${name} subgraph has no resolvers.`);
  return {
    name,
    defaultPort,
    entities,
    migrations: migrations as MixedList<Function | string>,
    definition: {
      resolvers: resolvers as [Function, ...Function[]],
      orphanedTypes: features.flatMap((feature) => feature.orphanedTypes ?? []),
      references,
    },
    serviceCalls,
    consumes: handlers.map((handler) => handler.contract.type),
    publicReads: mergePublicReads(name, features.map((feature) => feature.publicReads)),
    // the demo data goes only into a store with no rows at all: a restart never seeds twice
    seed: async (db) => {
      for (const entity of entities) if ((await db.getRepository(entity).count()) > 0) return;
      for (const feature of features) await feature.seed?.(db);
    },
  };
}
