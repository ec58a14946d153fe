import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { Membership } from "@subgraphs/organizations/directory/membership.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { Person } from "@subgraphs/organizations/directory/person.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm, MemberRole, OrgCategory, OrgForm, OrgStatus } from "@subgraphs/organizations/directory/directory.enums";

let subgraph: RunningSubgraph;
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

const LEADER: Partial<Claims> = { personId: "per_cqq1_01", roles: ["ORG_LEADER"], orgIds: ["org_cq_queue_1"] };
const STREET: Partial<Claims> = { personId: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] };
const CHANGE = `mutation($id: ID!, $role: MemberRole!, $on: Date) { changeMemberRole(membershipId: $id, role: $role, effectiveOn: $on) { id role joinedOn leftOn active person { id } organization { id } } }`;
const LEAVE = `mutation($id: ID!, $on: Date) { leaveOrganization(membershipId: $id, leftOn: $on) { id role joinedOn leftOn active } }`;
const change = (claims: Partial<Claims>, id: string, role: string, on?: string) => signedRequest(subgraph.url, CHANGE, { id, role, on }, claims).then((r) => r.body);
const leave = (claims: Partial<Claims>, id: string, on?: string) => signedRequest(subgraph.url, LEAVE, { id, on }, claims).then((r) => r.body);
const history = (personId: string) => subgraph.db.getRepository(Membership).find({ where: { personId }, order: { joinedOn: "ASC", leftOn: "ASC" } });

test("a role change closes the old row and opens a new one; the person's memberships keep both", async () => {
  const body = await change(LEADER, "mem_cqq1_05", "BACKBONE", "2022-03-01");
  expect(body.errors).toBeUndefined();
  expect(body.data.changeMemberRole).toMatchObject({ role: "BACKBONE", joinedOn: "2022-03-01", leftOn: null, active: true, person: { id: "per_cqq1_05" }, organization: { id: "org_cq_queue_1" } });
  expect((await history("per_cqq1_05")).map((m) => [m.role, m.joinedOn, m.leftOn])).toEqual([
    ["MEMBER", "2021-09-01", "2022-03-01"],
    ["BACKBONE", "2022-03-01", null],
  ]);
  const { body: seen } = await signedRequest(subgraph.url, `{ _entities(representations: [{ __typename: "Person", id: "per_cqq1_05" }]) { ... on Person { memberships { role active } } } }`, {}, { personId: "per_cqq1_05" });
  expect(seen.data._entities[0].memberships).toEqual([{ role: "MEMBER", active: false }, { role: "BACKBONE", active: true }]);
});

test("a new LEADER demotes the old one to DEPUTY in the same transaction: exactly one leader remains", async () => {
  const body = await change(STREET, "mem_cqq1_02", "LEADER");
  expect(body.errors).toBeUndefined();
  expect(body.data.changeMemberRole).toMatchObject({ role: "LEADER", joinedOn: "2022-03-12" });
  const active = await subgraph.db.getRepository(Membership).find({ where: { organizationId: "org_cq_queue_1" } });
  const current = active.filter((m) => m.leftOn === null);
  expect(current.filter((m) => m.role === MemberRole.LEADER).map((m) => m.personId)).toEqual(["per_cqq1_02"]);
  expect(current.find((m) => m.personId === "per_cqq1_01")!.role).toBe(MemberRole.DEPUTY);
  const { body: org } = await signedRequest(subgraph.url, `{ organization(id: "org_cq_queue_1") { leader { person { id } } memberCount } }`);
  expect(org.data.organization).toEqual({ leader: { person: { id: "per_cqq1_02" } }, memberCount: 11 });
});

test("the only leader of a FILED organization can neither step down nor leave (CONFLICT); nothing is written", async () => {
  const before = await subgraph.db.getRepository(Membership).count();
  const newLeader = "mem_lzl_leader"; // 乐竹邻 is FILED (备案): it must keep exactly one leader
  const claims = { personId: "per_zhang_leader", roles: ["ORG_LEADER" as const], orgIds: ["org_lezhulin"] };
  expect((await change(claims, newLeader, "MEMBER")).errors?.[0].extensions).toMatchObject({ code: "CONFLICT", legalForm: "FILED" });
  expect((await leave(claims, newLeader)).errors?.[0].extensions).toMatchObject({ code: "CONFLICT", legalForm: "FILED" });
  expect(await subgraph.db.getRepository(Membership).count()).toBe(before);
});

test("leaving closes the row; a left membership is final; bad days are bad input", async () => {
  const body = await leave({ personId: "per_cqq1_11" }, "mem_cqq1_11", "2022-03-10");
  expect(body.errors).toBeUndefined();
  expect(body.data.leaveOrganization).toEqual({ id: "mem_cqq1_11", role: "MEMBER", joinedOn: "2021-09-01", leftOn: "2022-03-10", active: false });
  expect((await leave(LEADER, "mem_cqq1_11")).errors?.[0].extensions?.code).toBe("CONFLICT");
  expect((await change(LEADER, "mem_cqq1_10", "BACKBONE", "2022-04-01")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect((await change(LEADER, "mem_cqq1_10", "BACKBONE", "2021-01-01")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect((await change(LEADER, "mem_cqq1_10", "BACKBONE", "2022-02-30")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect((await change(LEADER, "mem_nope", "BACKBONE")).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect((await change(LEADER, "per_cqq1_10", "BACKBONE")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("only the organization's leader or staff covering it may change roles; members may only leave themselves", async () => {
  const others: Partial<Claims>[] = [
    { personId: "per_cqq1_10", roles: ["ORG_MEMBER"], orgIds: ["org_cq_queue_1"] },
    { personId: "per_cqq2_01", roles: ["ORG_LEADER"], orgIds: ["org_cq_queue_2"] },
    { personId: "per_sjk_clerk", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] },
    {},
  ];
  for (const claims of others) {
    const body = await change(claims, "mem_cqq1_10", "BACKBONE");
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(body.errors?.[0].message).toContain("ORG_LEADER");
  }
  expect((await leave({ personId: "per_cqq1_09" }, "mem_cqq1_10")).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  expect((await subgraph.db.getRepository(Membership).findOneByOrFail({ id: "mem_cqq1_10" })).leftOn).toBeNull();
});

describe("ageStructure (§3.2): public, banded, small cells suppressed", () => {
  const AGES = `query($id: ID!) { organization(id: $id) { memberCount ageStructure { suppressed averageAge share60Plus bands { band count } } } }`;
  const ORG = "org_age_test";

  beforeAll(async () => {
    await subgraph.db.getRepository(Organization).insert({
      id: ORG, name: "年龄结构测试队", legalForm: LegalForm.INFORMAL, orgForm: OrgForm.TEAM, category: OrgCategory.CULTURE_SPORTS, secondaryCategories: [],
      hubType: null, status: OrgStatus.ACTIVE, foundedOn: null, homeAreaCode: "340111X01C01", serviceAreaCodes: [], unifiedSocialCreditCode: null,
    });
    // 乐竹邻's bands of §10.2 (ages in 2022): 1 under 40, 2 of 40–59, 12 of 60–69, 6 of 70–79
    const ages = [35, 45, 50, ...Array(12).fill(65), ...Array(6).fill(75)];
    await subgraph.db.getRepository(Person).insert(
      ages.map((age, i) => ({ id: `per_age_${i}`, fullName: `测试${i}`, phone: null, birthYear: 2022 - age, residentAreaCode: null, consentPublicName: false })),
    );
    await subgraph.db.getRepository(Membership).insert(
      ages.map((_, i) => ({ id: `mem_age_${i}`, organizationId: ORG, personId: `per_age_${i}`, role: i === 0 ? MemberRole.LEADER : MemberRole.MEMBER, joinedOn: "2021-01-01", leftOn: null })),
    );
  });

  test("21 members: bands under 5 are null, the rest counted, average and 60+ share shown to anyone", async () => {
    const { body } = await signedRequest(subgraph.url, AGES, { id: ORG }, { roles: ["PARTNER"] });
    expect(body.errors).toBeUndefined();
    expect(body.data.organization).toEqual({
      memberCount: 21,
      ageStructure: {
        suppressed: false,
        averageAge: 65,
        share60Plus: 0.857,
        bands: [
          { band: "UNDER_40", count: null },
          { band: "FROM_40_TO_59", count: null },
          { band: "FROM_60_TO_69", count: 12 },
          { band: "FROM_70_TO_79", count: 6 },
          { band: "FROM_80", count: null },
          { band: "UNKNOWN", count: null },
        ],
      },
    });
  });

  test("below 5 active members everything is suppressed", async () => {
    await subgraph.db.getRepository(Organization).insert({
      id: "org_age_small", name: "四人小队", legalForm: LegalForm.INFORMAL, orgForm: OrgForm.TEAM, category: OrgCategory.HOBBY, secondaryCategories: [],
      hubType: null, status: OrgStatus.ACTIVE, foundedOn: null, homeAreaCode: "340111X01C01", serviceAreaCodes: [], unifiedSocialCreditCode: null,
    });
    await subgraph.db.getRepository(Membership).insert(
      [0, 1, 2, 3].map((i) => ({ id: `mem_age_small_${i}`, organizationId: "org_age_small", personId: `per_age_${i + 3}`, role: MemberRole.MEMBER, joinedOn: "2021-01-01", leftOn: null })),
    );
    const { body } = await signedRequest(subgraph.url, AGES, { id: "org_age_small" });
    expect(body.data.organization.ageStructure).toMatchObject({ suppressed: true, averageAge: null, share60Plus: null });
    expect(body.data.organization.ageStructure.bands.every((b: { count: number | null }) => b.count === null)).toBe(true);
  });

  test("members who left no longer count", async () => {
    await subgraph.db.getRepository(Membership).update({ organizationId: ORG, role: MemberRole.MEMBER }, { leftOn: "2022-01-01" });
    const { body } = await signedRequest(subgraph.url, AGES, { id: ORG });
    expect(body.data.organization).toMatchObject({ memberCount: 1, ageStructure: { suppressed: true } });
  });
});
