import { ApolloServerPlugin } from "@apollo/server";
import { defaultFieldResolver, GraphQLSchema } from "graphql";
import { CACHE_TAGS_HEADER, isPublicView, PUBLIC_MARK } from "../../platform/public-facts";
import { HubContext } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any -- arguments and results of any root field */

/**
 * What a feature lets the gateway cache for anonymous and partner callers (issue 12, point 5), with the tags of the
 * facts each answer shows (platform/public-facts): root query fields by name (tags from their arguments and result)
 * and entity types the gateway fetches through `_entities` (tags from the representation). Anything not declared
 * makes the whole answer uncacheable; a fact with no event behind its tag is stale for at most the gateway's TTL.
 */
export interface PublicReads {
  queries?: Record<string, (args: any, result: any) => string[]>;
  entities?: Record<string, (representation: any) => string[]>;
}

interface Collected {
  tags: Set<string>;
  undeclared: boolean;
}

/** Beyond this many tags an answer is not worth a header: it is served uncached. */
const MAX_TAGS = 200;

/** Joins the features' declarations; one root field or entity type has one owner. */
export function mergePublicReads(subgraph: string, reads: readonly (PublicReads | undefined)[]): PublicReads {
  const merged: Required<PublicReads> = { queries: {}, entities: {} };
  for (const read of reads) {
    for (const kind of ["queries", "entities"] as const) {
      for (const [name, tags] of Object.entries(read?.[kind] ?? {})) {
        if (merged[kind][name]) throw new Error(`Two features of ${subgraph} declare the public read ${name}.`);
        merged[kind][name] = tags;
      }
    }
  }
  return merged;
}

/**
 * Wraps every root query field of `schema` so that a request records the tags of what it read, or that it read
 * something undeclared; the plugin it returns then marks the answer. Declarations naming no field fail at start.
 */
export function trackPublicReads(subgraph: string, schema: GraphQLSchema, reads: PublicReads): ApolloServerPlugin<HubContext> {
  const collected = new WeakMap<object, Collected>();
  const of = (context: object) => collected.get(context) ?? collected.set(context, { tags: new Set(), undeclared: false }).get(context)!;
  const fields = schema.getQueryType()?.getFields() ?? {};
  for (const name of Object.keys(reads.queries ?? {})) if (!fields[name]) throw new Error(`${subgraph} declares the public read ${name}, which its Query type does not have.`);
  for (const field of Object.values(fields)) {
    const resolve = field.resolve ?? defaultFieldResolver;
    const tagsOf = reads.queries?.[field.name];
    if (field.name === "_entities") {
      field.resolve = (source, args, context, info) => {
        const state = of(context);
        for (const representation of args.representations as { __typename: string }[]) {
          const entityTags = reads.entities?.[representation.__typename];
          if (entityTags) for (const tag of entityTags(representation)) state.tags.add(tag);
          else state.undeclared = true;
        }
        return resolve(source, args, context, info);
      };
    } else if (tagsOf) {
      field.resolve = async (source, args, context, info) => {
        const result = await resolve(source, args, context, info);
        const state = of(context);
        for (const tag of tagsOf(args, result)) state.tags.add(tag);
        return result;
      };
    } else {
      field.resolve = (source, args, context, info) => {
        of(context).undeclared = true;
        return resolve(source, args, context, info);
      };
    }
  }
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response }) {
          const state = collected.get(contextValue);
          if (!state || state.undeclared || operation?.operation !== "query" || !isPublicView(contextValue.viewer)) return;
          if (response.body.kind !== "single" || response.body.singleResult.errors?.length || state.tags.size > MAX_TAGS) return;
          response.http.headers.set(CACHE_TAGS_HEADER, [PUBLIC_MARK, ...state.tags].join(" "));
        },
      };
    },
  };
}
