import { CAST } from "./cast";
import { Actor, MatrixRow, Probe } from "./matrix";

/** Callers of the audit-log and outbox rows: everyone but the federation admin is refused, whatever their scope. */
const AUDIT_ACTORS = {
  FA: CAST.federationAdmin,
  SS: CAST.streetStaffChangqing,
  SUP: { column: "SUP", who: "supervisor of 乐竹邻", token: { sub: "per_t_sup", roles: ["SUP"], orgIds: ["org_lezhulin"] } },
  OL: CAST.leaderOfLezhulin,
  OM: { column: "OM", who: "OM of 乐竹邻", token: { sub: "per_t_om", roles: ["OM"], orgIds: ["org_lezhulin"] } },
  AC: { column: "AC", who: "staff of the city academy", token: { sub: "per_t_ac", roles: ["AC"], academyIds: ["acad_hf"] } },
  RV: CAST.reviewerOfNothing,
  PO: { column: "PO", who: "PO of a programme", token: { sub: "per_t_po", roles: ["PO"], programIds: ["prg_t_other"] } },
  VA: { column: "VA", who: "VA of the 竹西 centre", token: { sub: "per_t_va", roles: ["VA"], facilityIds: ["fac_zx_center"] } },
  PT: CAST.anonymousPartner,
} satisfies Record<string, Actor>;

/** One row per subgraph's log (issue 10, point 8): federation admins read it; every other column gets FORBIDDEN. */
function auditLogRow(subgraph: string): MatrixRow {
  const field = `${subgraph}AuditLog`;
  const query = `{ ${field}(first: 5) { totalCount nodes { id at field personId roles outcome targetIds } } }`;
  const probe = (as: Actor): Probe =>
    as.column === "FA"
      ? { as, does: `reads the ${subgraph} audit log`, query, expect: { outcome: "allowed", check: (data) => expect(data[field]).toEqual({ totalCount: expect.any(Number), nodes: expect.any(Array) }) } }
      : { as, does: `reads the ${subgraph} audit log`, query, expect: { outcome: "refused", check: (data) => expect(data).toBeNull() } };
  return { data: `Audit log of ${subgraph} (FA only)`, probes: Object.values(AUDIT_ACTORS).map(probe) };
}

/** One row per subgraph's outbox (issue 11): federation admins list deliveries and retry parked ones; nobody else. */
function outboxRows(subgraph: string): MatrixRow[] {
  const list = `${subgraph}Outbox`;
  const retry = `${subgraph}RetryDelivery`;
  const read = `{ ${list}(statuses: [PENDING, PARKED, DELIVERED], first: 5) { totalCount nodes { id eventId type aggregateId consumer status attempts } } }`;
  // no parked delivery exists in the demo: an admin's retry gets as far as NOT_FOUND, everyone else stops at FORBIDDEN
  const write = `mutation { ${retry}(id: "dlv_999999") { id status } }`;
  return [
    {
      data: `Outbox of ${subgraph} (FA only)`,
      probes: Object.values(AUDIT_ACTORS).map((as): Probe =>
        as.column === "FA"
          ? { as, does: `lists the ${subgraph} outbox`, query: read, expect: { outcome: "allowed", check: (data) => expect(data[list]).toEqual({ totalCount: expect.any(Number), nodes: expect.any(Array) }) } }
          : { as, does: `lists the ${subgraph} outbox`, query: read, expect: { outcome: "refused", check: (data) => expect(data).toBeNull() } },
      ),
    },
    {
      data: `Retry of a parked ${subgraph} event (FA only)`,
      probes: Object.values(AUDIT_ACTORS).map((as): Probe =>
        as.column === "FA"
          ? { as, does: `retries a delivery of the ${subgraph} outbox that does not exist`, query: write, expect: { outcome: "refused", code: "NOT_FOUND" } }
          : { as, does: `retries a delivery of the ${subgraph} outbox`, query: write, expect: { outcome: "refused", code: "FORBIDDEN" } },
      ),
    },
  ];
}

const SUBGRAPHS = ["organizations", "academy", "venues", "funding"];

export const rows: MatrixRow[] = [...SUBGRAPHS.map(auditLogRow), ...SUBGRAPHS.flatMap(outboxRows)];
