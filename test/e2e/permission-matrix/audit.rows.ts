import { CAST } from "./cast";
import { Actor, MatrixRow, Probe } from "./matrix";

/** Callers of the audit-log rows: everyone but the federation admin is refused, whatever their scope. */
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

export const rows: MatrixRow[] = ["organizations", "academy", "venues", "funding"].map(auditLogRow);
