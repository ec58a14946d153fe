import { Feature } from "../feature";
import { AuditEntry } from "./audit-entry.entity";
import { auditLogResolver } from "./audit-log.resolver";

export { auditPlugin } from "./audit.plugin";
export { AuditEntry, AuditOutcome } from "./audit-entry.entity";

/** Every subgraph's audit log (issue 10, point 8): its table and its `<subgraph>AuditLog` query; defineSubgraph adds it. */
export function auditFeature(subgraph: string): Feature {
  return { name: "audit", entities: [AuditEntry], resolvers: [auditLogResolver(subgraph)] };
}
