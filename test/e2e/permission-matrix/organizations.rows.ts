import { Actor, MatrixRow, Probe } from "./matrix";

/** Callers of the organizations rows; scopes name demo data (DOMAIN.md §10). */
export const ORGANIZATIONS_ACTORS = {
  FA: { column: "FA", who: "federation admin", token: { sub: "per_t_fa", roles: ["FA"], areaCodes: ["340100"] } },
  SS: { column: "SS/CS", who: "street staff of 常青街道", token: { sub: "per_t_ss", roles: ["SS"], areaCodes: ["340111X01"] } },
  SUP: { column: "SUP", who: "supervisor of no organization", token: { sub: "per_t_sup", roles: ["SUP"], orgIds: [] } },
  OL: { column: "OL", who: "OL of another organization", token: { sub: "per_liu_leader", roles: ["OL"], orgIds: ["org_jiaqiao"] } },
  OM: { column: "OM", who: "OM of another organization", token: { sub: "per_t_om", roles: ["OM"], orgIds: ["org_jiaqiao"] } },
  AC: { column: "AC", who: "academy staff", token: { sub: "per_t_ac", roles: ["AC"], academyIds: ["aca_t_other"] } },
  RV: { column: "RV", who: "reviewer assigned nothing", token: { sub: "per_t_rv", roles: ["RV"], applicationIds: [] } },
  PO: { column: "PO", who: "PO of another programme", token: { sub: "per_t_po", roles: ["PO"], programIds: ["prg_t_other"] } },
  VA: { column: "VA", who: "VA of another facility", token: { sub: "per_t_va", roles: ["VA"], facilityIds: ["fac_t_other"] } },
  PT: { column: "PT", who: "anonymous partner", token: null },
} satisfies Record<string, Actor>;

const everyone = (probe: Omit<Probe, "as">): Probe[] => Object.values(ORGANIZATIONS_ACTORS).map((as) => ({ ...probe, as }));

const FINAL_RATING = `{ organization(id: "org_jiaqiao") { currentRating { stars cycle } } }`;

export const rows: MatrixRow[] = [
  {
    data: "Rating final result",
    probes: everyone({
      does: "reads 加侨悦山's final pilot rating",
      query: FINAL_RATING,
      expect: { outcome: "allowed", check: (data) => expect(data.organization.currentRating).toEqual({ stars: "THREE", cycle: 2021 }) },
    }),
  },
];
