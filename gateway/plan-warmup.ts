import { createHash } from "node:crypto";
import { ApolloGateway } from "@apollo/gateway";
import { operationFromDocument, Schema } from "@apollo/federation-internals";
import { parse } from "graphql";
import { log } from "../platform/log";

/**
 * The parts of @apollo/gateway 2.14 that plan an operation and keep the plan: private in its typings, used here
 * exactly as its executor uses them (gateway/plan-warmup.test checks they are still there).
 */
interface PlanningInternals {
  apiSchema?: Schema;
  queryPlanStore?: { set(key: string, plan: unknown): Promise<void> };
  queryPlanner?: { buildQueryPlan(operation: unknown, options: { recursiveSelectionsLimitDisabled: boolean; nonLocalSelectionsLimitDisabled: boolean }): unknown };
  recursiveSelectionsLimitDisabled?: boolean;
  nonLocalSelectionsLimitDisabled?: boolean;
}

const sha256 = (...parts: string[]) => parts.reduce((hash, part) => hash.update(part), createHash("sha256")).digest("hex");

/**
 * Plans the hub's known operations (the trusted-document manifest) at start-up, so their first request does not
 * wait for the query planner (issue 12, point 4). Keys as the gateway's executor computes them: the document's
 * sha256, and with the operation name when a client sends one. Returns how many plans it stored.
 */
export async function warmQueryPlans(gateway: ApolloGateway, operations: readonly { name: string; body: string }[]): Promise<number> {
  const internals = gateway as unknown as PlanningInternals;
  const { apiSchema, queryPlanStore, queryPlanner } = internals;
  if (!apiSchema || !queryPlanStore || !queryPlanner) {
    log.warn("the query-plan warm-up found no planner in @apollo/gateway (a new version?); plans are made on first use");
    return 0;
  }
  let stored = 0;
  for (const { name, body } of operations) {
    try {
      const operation = operationFromDocument(apiSchema, parse(body), { operationName: name });
      const plan = queryPlanner.buildQueryPlan(operation, {
        recursiveSelectionsLimitDisabled: internals.recursiveSelectionsLimitDisabled ?? false,
        nonLocalSelectionsLimitDisabled: internals.nonLocalSelectionsLimitDisabled ?? false,
      });
      const queryHash = sha256(body);
      await queryPlanStore.set(queryHash, plan);
      await queryPlanStore.set(sha256(queryHash, name), plan);
      stored += 1;
    } catch (error) {
      // an operation the current supergraph no longer plans is refused when it is sent, as before
      log.warn({ operation: name, err: error }, "could not plan a known operation at start-up");
    }
  }
  return stored;
}
