/** The variables the partner page sends with its operations (web/partner/app.tsx: a community, last year, a day of its venues). */
export const PARTNER_VARIABLES: Record<string, Record<string, unknown>> = {
  PartnerCommunities: {},
  PartnerDirectory: { community: "340111X01C01", period: { from: "2021-01-01", to: "2021-12-31" } },
  PartnerDayBoard: { facilityId: "fac_zx_center", date: "2022-03-15" },
};
