import { Experimental_DidResolveQueryPlanCallback } from "@apollo/gateway";
import { Claims } from "../platform/identity";
import { isStaff, QueryLimits, tooComplex } from "./limits";

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]["queryPlan"];
type Node = NonNullable<QueryPlan["node"]>;

/**
 * The HTTP requests a query plan makes to each subgraph. A fetch node is one request however many entities it
 * carries (the gateway batches them); both branches of an @include/@skip condition count, so this is the most
 * the plan can send, known before any of it is.
 */
export function fetchesBySubgraph(plan: QueryPlan): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: Node | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case "Fetch":
        counts.set(node.serviceName, (counts.get(node.serviceName) ?? 0) + 1);
        return;
      case "Sequence":
      case "Parallel":
        return node.nodes.forEach(visit);
      case "Flatten":
        return visit(node.node);
      case "Condition":
        visit(node.ifClause);
        return visit(node.elseClause);
      case "Defer":
        visit(node.primary.node);
        return node.deferred.forEach((deferred) => visit(deferred.node));
      case "Subscription":
        visit(node.primary);
        return visit(node.rest);
    }
  };
  visit(plan.node);
  return counts;
}

/**
 * The gateway's experimental_didResolveQueryPlan: refuses, before the plan runs, an operation whose plan would
 * fetch from one subgraph more often than the caller's limit allows (OPERATION_TOO_COMPLEX, limit
 * "subgraphFetches"). Apollo answers what this throws as the request's error, and nothing is fetched.
 */
export function subgraphFetchLimit(limits: QueryLimits): Experimental_DidResolveQueryPlanCallback {
  return ({ queryPlan, requestContext }) => {
    const claims = (requestContext.context as { claims?: Claims }).claims;
    const staff = isStaff(claims);
    const max = staff ? limits.staff.subgraphFetches : limits.public.subgraphFetches;
    for (const [subgraph, fetches] of fetchesBySubgraph(queryPlan)) {
      if (fetches > max) throw tooComplex("subgraphFetches", fetches, max, staff, subgraph);
    }
  };
}
