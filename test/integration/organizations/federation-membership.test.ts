import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { FederationMembership } from "@subgraphs/organizations/federation-membership/federation-membership.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm, OrgStatus } from "@subgraphs/organizations/directory/directory.enums";
import { addFederation, addFederationMembership, addOrganization, addStreet, federationAdmin, leaderOf, streetStaffOf } from "./fixtures";

let subgraph: RunningSubgraph;
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

// A federation of the test's own on its own street, one team of that street that applied, a team of another street
// and an ordinary (non-hub) organization; the demo's 加侨飞扬 → 蜀山经开区 application is checked on its own below.
let FED: string, JQ: string, LZL: string, AGENCY: string, FMEM: string;
let FED_ADMIN: Partial<Claims>, OTHER_FED_ADMIN: Partial<Claims>, SJK_STREET: Partial<Claims>, CQ_STREET: Partial<Claims>;
beforeAll(async () => {
  const db = subgraph.db;
  const fedStreet = await addStreet(db, "FED");
  const otherStreet = await addStreet(db, "OTHER");
  FED = (await addFederation(db, "fed", { homeAreaCode: fedStreet.street })).orgId;
  JQ = (await addOrganization(db, "jq", { homeAreaCode: fedStreet.community })).orgId;
  LZL = (await addOrganization(db, "lzl", { homeAreaCode: otherStreet.community })).orgId;
  AGENCY = (await addOrganization(db, "agency", { legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, homeAreaCode: fedStreet.street })).orgId;
  FMEM = await addFederationMembership(db, "jq_fed", FED, JQ);
  FED_ADMIN = federationAdmin([FED], "per_t_fed_fa");
  OTHER_FED_ADMIN = federationAdmin(["org_t_other_fed"], "per_t_other_fa");
  SJK_STREET = streetStaffOf(fedStreet.street, "per_t_fed_clerk");
  CQ_STREET = streetStaffOf(otherStreet.street, "per_t_other_clerk");
});

const APPLY = `mutation($fed: ID!, $org: ID!) { applyForFederationMembership(federationId: $fed, organizationId: $org) { id status joinedOn federation { id } member { id } } }`;
const DECIDE = `mutation($id: ID!, $status: FederationMembershipStatus!) { decideFederationMembership(id: $id, status: $status) { id status joinedOn } }`;
const apply = (claims: Partial<Claims>, fed: string, org: string) => signedRequest(subgraph.url, APPLY, { fed, org }, claims).then((r) => r.body);
const decide = (claims: Partial<Claims>, id: string, status: string) => signedRequest(subgraph.url, DECIDE, { id, status }, claims).then((r) => r.body);

const rows = () => subgraph.db.getRepository(FederationMembership).count();

test("demo: 加侨飞扬 applied to the 蜀山经开区 federation, seen from both sides", async () => {
  const { body } = await signedRequest(
    subgraph.url,
    `{ jq: organization(id: "org_jiaqiao") { federationMemberships { id status joinedOn federation { name status } member { id } } }
       fed: organization(id: "org_sjk_fed") { federationMemberships { id member { name } } }
       lzl: organization(id: "org_lezhulin") { federationMemberships { id } } }`,
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.jq.federationMemberships).toEqual([
    { id: "fmem_jq_sjk", status: "APPLIED", joinedOn: null, federation: { name: "蜀山经开区社会组织联合会", status: "PREPARING" }, member: { id: "org_jiaqiao" } },
  ]);
  expect(body.data.fed.federationMemberships).toEqual([{ id: "fmem_jq_sjk", member: { name: "加侨飞扬志愿服务队" } }]);
  expect(body.data.lzl.federationMemberships).toEqual([]);
});

test("while the federation is PREPARING nobody can make a member ACTIVE (CONFLICT)", async () => {
  for (const claims of [FED_ADMIN, SJK_STREET]) {
    const body = await decide(claims, FMEM, "ACTIVE");
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT", federationStatus: "PREPARING" }, message: expect.stringContaining("PREPARING") });
  }
  expect((await subgraph.db.getRepository(FederationMembership).findOneByOrFail({ id: FMEM })).status).toBe("APPLIED");
});

test("only the federation's admins or street staff covering it decide; others are FORBIDDEN", async () => {
  for (const claims of [OTHER_FED_ADMIN, CQ_STREET, leaderOf(JQ, "per_t_jq_1"), {}]) {
    const body = await decide(claims, FMEM, "LEFT");
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(body.errors?.[0].message).toContain("FEDERATION_ADMIN");
  }
  expect((await decide(FED_ADMIN, "fmem_nope", "ACTIVE")).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect((await decide(FED_ADMIN, JQ, "ACTIVE")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("applying: only the member's leader, only to a FEDERATION hub, only from inside its area", async () => {
  const before = await rows();
  expect((await apply(leaderOf(JQ), FED, LZL)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  expect((await apply(FED_ADMIN, FED, LZL)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  // the other team is homed on another street, outside the federation's area
  const outside = await apply(leaderOf(LZL), FED, LZL);
  expect(outside.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("outside") });
  const notHub = await apply(leaderOf(JQ), AGENCY, JQ);
  expect(notHub.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("not a federation") });
  const again = await apply(leaderOf(JQ), FED, JQ);
  expect(again.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", id: FMEM, state: "APPLIED" });
  expect((await apply(leaderOf("org_nope"), FED, "org_nope")).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect(await rows()).toBe(before);
});

test("once the federation is ACTIVE: admit, suspend and end; joinedOn is the day of admission; LEFT is final", async () => {
  await subgraph.db.getRepository(Organization).update({ id: FED }, { status: OrgStatus.ACTIVE });
  const admitted = await decide(FED_ADMIN, FMEM, "ACTIVE");
  expect(admitted.errors).toBeUndefined();
  expect(admitted.data.decideFederationMembership).toEqual({ id: FMEM, status: "ACTIVE", joinedOn: "2022-03-12" });
  expect((await decide(SJK_STREET, FMEM, "SUSPENDED")).data.decideFederationMembership.status).toBe("SUSPENDED");
  expect((await decide(FED_ADMIN, FMEM, "LEFT")).data.decideFederationMembership).toMatchObject({ status: "LEFT", joinedOn: "2022-03-12" });
  const final = await decide(FED_ADMIN, FMEM, "ACTIVE");
  expect(final.errors?.[0].extensions).toEqual({ code: "CONFLICT", state: "LEFT", allowed: [] });
  // after leaving, the organization may apply again: a new row
  const reapplied = await apply(leaderOf(JQ), FED, JQ);
  expect(reapplied.errors).toBeUndefined();
  expect(reapplied.data.applyForFederationMembership).toMatchObject({ status: "APPLIED", joinedOn: null, federation: { id: FED }, member: { id: JQ } });
  expect(reapplied.data.applyForFederationMembership.id).toMatch(/^fmem_[0-9A-Z]{26}$/);
});
