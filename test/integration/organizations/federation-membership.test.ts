import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { FederationMembership } from "@subgraphs/organizations/federation-membership/federation-membership.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { OrgStatus } from "@subgraphs/organizations/directory/directory.enums";

let subgraph: RunningSubgraph;
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

const FED_ADMIN: Partial<Claims> = { personId: "per_sjk_fa", roles: ["FEDERATION_ADMIN"], orgIds: ["org_sjk_fed"] };
const OTHER_FED_ADMIN: Partial<Claims> = { personId: "per_other_fa", roles: ["FEDERATION_ADMIN"], orgIds: ["org_other_fed"] };
const SJK_STREET: Partial<Claims> = { personId: "per_sjk_clerk", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] };
const leaderOf = (orgId: string, personId = "per_leader"): Partial<Claims> => ({ personId, roles: ["ORG_LEADER"], orgIds: [orgId] });

const APPLY = `mutation($fed: ID!, $org: ID!) { applyForFederationMembership(federationId: $fed, organizationId: $org) { id status joinedOn federation { id } member { id } } }`;
const DECIDE = `mutation($id: ID!, $status: FederationMembershipStatus!) { decideFederationMembership(id: $id, status: $status) { id status joinedOn } }`;
const apply = (claims: Partial<Claims>, fed: string, org: string) => signedRequest(subgraph.url, APPLY, { fed, org }, claims).then((r) => r.body);
const decide = (claims: Partial<Claims>, id: string, status: string) => signedRequest(subgraph.url, DECIDE, { id, status }, claims).then((r) => r.body);

const rows = () => subgraph.db.getRepository(FederationMembership).count();

test("the demo: 加侨飞扬 applied to the 蜀山经开区 federation, seen from both sides", async () => {
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
    const body = await decide(claims, "fmem_jq_sjk", "ACTIVE");
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT", federationStatus: "PREPARING" }, message: expect.stringContaining("PREPARING") });
  }
  expect((await subgraph.db.getRepository(FederationMembership).findOneByOrFail({ id: "fmem_jq_sjk" })).status).toBe("APPLIED");
});

test("only the federation's admins or street staff covering it decide; others are FORBIDDEN", async () => {
  const street = { personId: "per_cq_street_clerk", roles: ["STREET_STAFF" as const], areaCodes: ["340111X01"] };
  for (const claims of [OTHER_FED_ADMIN, street, leaderOf("org_jiaqiao", "per_liu_leader"), {}]) {
    const body = await decide(claims, "fmem_jq_sjk", "LEFT");
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(body.errors?.[0].message).toContain("FEDERATION_ADMIN");
  }
  expect((await decide(FED_ADMIN, "fmem_nope", "ACTIVE")).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect((await decide(FED_ADMIN, "org_jiaqiao", "ACTIVE")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("applying: only the member's leader, only to a FEDERATION hub, only from inside its area", async () => {
  const before = await rows();
  expect((await apply(leaderOf("org_jiaqiao"), "org_sjk_fed", "org_lezhulin")).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  expect((await apply(FED_ADMIN, "org_sjk_fed", "org_lezhulin")).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  // 乐竹邻 is in 常青街道 (包河区), outside 蜀山经开区
  const outside = await apply(leaderOf("org_lezhulin"), "org_sjk_fed", "org_lezhulin");
  expect(outside.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("outside") });
  const notHub = await apply(leaderOf("org_jiaqiao"), "org_ailin", "org_jiaqiao");
  expect(notHub.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("not a federation") });
  const again = await apply(leaderOf("org_jiaqiao"), "org_sjk_fed", "org_jiaqiao");
  expect(again.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", id: "fmem_jq_sjk", state: "APPLIED" });
  expect((await apply(leaderOf("org_nope"), "org_sjk_fed", "org_nope")).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect(await rows()).toBe(before);
});

test("once the federation is ACTIVE: admit, suspend and end; joinedOn is the day of admission; LEFT is final", async () => {
  await subgraph.db.getRepository(Organization).update({ id: "org_sjk_fed" }, { status: OrgStatus.ACTIVE });
  const admitted = await decide(FED_ADMIN, "fmem_jq_sjk", "ACTIVE");
  expect(admitted.errors).toBeUndefined();
  expect(admitted.data.decideFederationMembership).toEqual({ id: "fmem_jq_sjk", status: "ACTIVE", joinedOn: "2022-03-12" });
  expect((await decide(SJK_STREET, "fmem_jq_sjk", "SUSPENDED")).data.decideFederationMembership.status).toBe("SUSPENDED");
  expect((await decide(FED_ADMIN, "fmem_jq_sjk", "LEFT")).data.decideFederationMembership).toMatchObject({ status: "LEFT", joinedOn: "2022-03-12" });
  const final = await decide(FED_ADMIN, "fmem_jq_sjk", "ACTIVE");
  expect(final.errors?.[0].extensions).toEqual({ code: "CONFLICT", state: "LEFT", allowed: [] });
  // after leaving, the organization may apply again: a new row
  const reapplied = await apply(leaderOf("org_jiaqiao"), "org_sjk_fed", "org_jiaqiao");
  expect(reapplied.errors).toBeUndefined();
  expect(reapplied.data.applyForFederationMembership).toMatchObject({ status: "APPLIED", joinedOn: null, federation: { id: "org_sjk_fed" }, member: { id: "org_jiaqiao" } });
  expect(reapplied.data.applyForFederationMembership.id).toMatch(/^fmem_[0-9A-Z]{26}$/);
});
