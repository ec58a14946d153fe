import { ApolloServerPlugin } from "@apollo/server";
import { FragmentDefinitionNode, Kind } from "graphql";
import { log } from "../../../platform/log";
import { now } from "../clock";
import { HubContext } from "../context";
import { writeOutsideTransactions } from "../transaction";
import { AuditEntry } from "./audit-entry.entity";
import { auditEntries, ResolvedField, RootField, rootFieldsOf } from "./audit.record";

/**
 * Records every mutation this subgraph runs in its own audit log (issue 10, point 8): one entry per root field,
 * written after the response is known and outside the mutation's transaction, so refusals and rolled-back writes
 * are recorded too. Queries are left alone: the plugin listens to fields only in a mutation. (The first mutation
 * makes Apollo wrap every resolver for such listeners; for a query the wrapper is one property check per field.)
 */
export function auditPlugin(subgraph: string): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      let fields: RootField[] | null = null; // null: not a mutation
      const resolved = new Map<string, ResolvedField>();
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation !== "mutation") return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          fields = rootFieldsOf(operation.selectionSet, fragments);
        },
        async executionDidStart() {
          if (!fields) return;
          return {
            willResolveField({ info, args }) {
              if (info.path.prev !== undefined) return;
              const key = String(info.path.key);
              return (error, result) => resolved.set(key, { args, result: error ? undefined : result });
            },
          };
        },
        async willSendResponse({ response, contextValue, operationName, request }) {
          if (!fields) return;
          const errors = (response.body.kind === "single" ? response.body.singleResult.errors : response.body.initialResult.errors) ?? [];
          const { viewer, requestId, db } = contextValue;
          const entries = auditEntries({ subgraph, viewer, requestId, operationName: operationName ?? request.operationName, fields, resolved, errors, at: now() });
          if (!entries.length) return;
          try {
            await writeOutsideTransactions(db, () => db.getRepository(AuditEntry).insert(entries));
          } catch (error) {
            // the mutation has already answered (and may have committed): the entry goes to the log instead
            log.error({ component: subgraph, requestId, err: error, audit: entries }, "audit entry not written");
          }
        },
      };
    },
  };
}
