import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { HubContext } from "../context";
import { AuditEntryConnection, AuditLogFilter } from "./audit-log.type";
import { readAuditLog } from "./audit-log.service";

const resolvers = new Map<string, Function>(); // eslint-disable-line @typescript-eslint/no-unsafe-function-type

/**
 * The resolver of `<subgraph>AuditLog`: each subgraph owns its log, so each serves its own root field, and the
 * names keep them apart in the supergraph. One class per subgraph name, made once.
 */
export function auditLogResolver(subgraph: string): Function { // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  const made = resolvers.get(subgraph);
  if (made) return made;

  @Resolver()
  class AuditLogResolver {
    @Query(() => AuditEntryConnection, {
      name: `${subgraph}AuditLog`,
      description: `Who ran which mutation on the ${subgraph} subgraph's data, when, and how it ended (oldest first; federation admins only).`,
    })
    auditLog(
      @Ctx() ctx: HubContext,
      @Arg("filter", () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter,
      @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
      @Arg("after", () => String, { nullable: true }) after?: string,
    ) {
      return readAuditLog(ctx, filter, { first, after });
    }
  }
  resolvers.set(subgraph, AuditLogResolver);
  return AuditLogResolver;
}
