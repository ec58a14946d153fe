import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { Membership } from "@subgraphs/organizations/directory/membership.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm, MemberRole, OrgStatus } from "@subgraphs/organizations/directory/directory.enums";
import { addOrganization, addStreet, leaderOf, memberOf, membershipId, personId, rosterRoles, streetStaffOf } from "./fixtures";

let subgraph: RunningSubgraph;
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const db = subgraph.db;
  const cq = await addStreet(db, "CQ");
  // a team preparing to file: leader, deputy, two backbone and seven members, all joined 2021-09-01
  await addOrganization(db, "q1", { status: OrgStatus.PREPARING, members: 11, roles: rosterRoles(11), joinedOn: "2021-09-01", homeAreaCode: cq.community });
  await addOrganization(db, "q2", { status: OrgStatus.PREPARING, homeAreaCode: cq.community });
  // a FILED (备案) team must keep exactly one leader
  await addOrganization(db, "filed", { legalForm: LegalForm.FILED, homeAreaCode: cq.community });
  await addStreet(db, "OTHER");
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

const ORG = "org_t_q1";
const LEADER = leaderOf(ORG, personId("q1", 1));
const STREET = streetStaffOf("990100SCQ");
const CHANGE = `mutation($id: ID!, $role: MemberRole!, $on: Date) { changeMemberRole(membershipId: $id, role: $role, effectiveOn: $on) { id role joinedOn leftOn active person { id } organization { id } } }`;
const LEAVE = `mutation($id: ID!, $on: Date) { leaveOrganization(membershipId: $id, leftOn: $on) { id role joinedOn leftOn active } }`;
const change = (claims: Partial<Claims>, id: string, role: string, on?: string) => signedRequest(subgraph.url, CHANGE, { id, role, on }, claims).then((r) => r.body);
const leave = (claims: Partial<Claims>, id: string, on?: string) => signedRequest(subgraph.url, LEAVE, { id, on }, claims).then((r) => r.body);
const history = (personId: string) => subgraph.db.getRepository(Membership).find({ where: { personId }, order: { joinedOn: "ASC", leftOn: "ASC" } });

test("a role change closes the old row and opens a new one; the person's memberships keep both", async () => {
  const body = await change(LEADER, membershipId("q1", 5), "BACKBONE", "2022-03-01");
  expect(body.errors).toBeUndefined();
  expect(body.data.changeMemberRole).toMatchObject({ role: "BACKBONE", joinedOn: "2022-03-01", leftOn: null, active: true, person: { id: personId("q1", 5) }, organization: { id: ORG } });
  expect((await history(personId("q1", 5))).map((m) => [m.role, m.joinedOn, m.leftOn])).toEqual([
    ["MEMBER", "2021-09-01", "2022-03-01"],
    ["BACKBONE", "2022-03-01", null],
  ]);
  const { body: seen } = await signedRequest(subgraph.url, `query($id: ID!) { _entities(representations: [{ __typename: "Person", id: $id }]) { ... on Person { memberships { role active } } } }`, { id: personId("q1", 5) }, { personId: personId("q1", 5) });
  expect(seen.data._entities[0].memberships).toEqual([{ role: "MEMBER", active: false }, { role: "BACKBONE", active: true }]);
});

test("a new LEADER demotes the old one to DEPUTY in the same transaction: exactly one leader remains", async () => {
  const body = await change(LEADER, membershipId("q1", 2), "LEADER");
  expect(body.errors).toBeUndefined();
  expect(body.data.changeMemberRole).toMatchObject({ role: "LEADER", joinedOn: "2022-03-12" });
  const active = await subgraph.db.getRepository(Membership).find({ where: { organizationId: ORG } });
  const current = active.filter((m) => m.leftOn === null);
  expect(current.filter((m) => m.role === MemberRole.LEADER).map((m) => m.personId)).toEqual([personId("q1", 2)]);
  expect(current.find((m) => m.personId === personId("q1", 1))!.role).toBe(MemberRole.DEPUTY);
  const { body: org } = await signedRequest(subgraph.url, `query($id: ID!) { organization(id: $id) { leader { person { id } } memberCount } }`, { id: ORG });
  expect(org.data.organization).toEqual({ leader: { person: { id: personId("q1", 2) } }, memberCount: 11 });
});

test("the only leader of a FILED organization can neither step down nor leave (CONFLICT); nothing is written", async () => {
  const before = await subgraph.db.getRepository(Membership).count();
  const newLeader = membershipId("filed", 1); // the team is FILED (备案): it must keep exactly one leader
  const claims = leaderOf("org_t_filed", personId("filed", 1));
  expect((await change(claims, newLeader, "MEMBER")).errors?.[0].extensions).toMatchObject({ code: "CONFLICT", legalForm: "FILED" });
  expect((await leave(claims, newLeader)).errors?.[0].extensions).toMatchObject({ code: "CONFLICT", legalForm: "FILED" });
  expect(await subgraph.db.getRepository(Membership).count()).toBe(before);
});

test("leaving closes the row; a left membership is final; bad days are bad input", async () => {
  const body = await leave({ personId: personId("q1", 11) }, membershipId("q1", 11), "2022-03-10");
  expect(body.errors).toBeUndefined();
  expect(body.data.leaveOrganization).toEqual({ id: membershipId("q1", 11), role: "MEMBER", joinedOn: "2021-09-01", leftOn: "2022-03-10", active: false });
  expect((await leave(LEADER, membershipId("q1", 11))).errors?.[0].extensions?.code).toBe("CONFLICT");
  expect((await change(LEADER, membershipId("q1", 10), "BACKBONE", "2022-04-01")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect((await change(LEADER, membershipId("q1", 10), "BACKBONE", "2021-01-01")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect((await change(LEADER, membershipId("q1", 10), "BACKBONE", "2022-02-30")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect((await change(LEADER, "mem_nope", "BACKBONE")).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect((await change(LEADER, personId("q1", 10), "BACKBONE")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("only the organization's leader may change roles or end memberships; members may only leave themselves", async () => {
  const others: Partial<Claims>[] = [
    memberOf(ORG, personId("q1", 10)),
    leaderOf("org_t_q2", personId("q2", 1)),
    streetStaffOf("990100SOTHER"),
    // §9.2 gives staff the roster read-only, even where they cover the organization (they used to be able to write)
    STREET,
    { personId: "per_t_cs", roles: ["COMMUNITY_STAFF"], areaCodes: ["990100SCQC01"] },
    {},
  ];
  for (const claims of others) {
    const body = await change(claims, membershipId("q1", 10), "BACKBONE");
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(body.errors?.[0].message).toContain("ORG_LEADER");
    if (claims.personId !== personId("q1", 10)) expect((await leave(claims, membershipId("q1", 10))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  }
  expect((await leave({ personId: personId("q1", 9) }, membershipId("q1", 10))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  expect((await subgraph.db.getRepository(Membership).findOneByOrFail({ id: membershipId("q1", 10) })).leftOn).toBeNull();
});

describe("ageStructure (§3.2): public, banded, small cells suppressed", () => {
  const AGES = `query($id: ID!) { organization(id: $id) { memberCount ageStructure { suppressed averageAge share60Plus bands { band count } } } }`;
  let AGE_ORG = "";

  beforeAll(async () => {
    // 乐竹邻's bands of §10.2 (ages in 2022): 1 under 40, 2 of 40–59, 12 of 60–69, 6 of 70–79
    const ages = [35, 45, 50, ...Array(12).fill(65), ...Array(6).fill(75)];
    AGE_ORG = (await addOrganization(subgraph.db, "age", { members: ages.length, birthYears: ages.map((age) => 2022 - age), homeAreaCode: "990100SCQC01" })).orgId;
  });

  test("21 members: bands under 5 are null, the rest counted, average and 60+ share shown to anyone", async () => {
    const { body } = await signedRequest(subgraph.url, AGES, { id: AGE_ORG }, { roles: ["PARTNER"] });
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
    const small = await addOrganization(subgraph.db, "age_small", { members: 4, homeAreaCode: "990100SCQC01" });
    const { body } = await signedRequest(subgraph.url, AGES, { id: small.orgId });
    expect(body.data.organization.ageStructure).toMatchObject({ suppressed: true, averageAge: null, share60Plus: null });
    expect(body.data.organization.ageStructure.bands.every((b: { count: number | null }) => b.count === null)).toBe(true);
  });

  test("members who left no longer count", async () => {
    await subgraph.db.getRepository(Membership).update({ organizationId: AGE_ORG, role: MemberRole.MEMBER }, { leftOn: "2022-01-01" });
    const { body } = await signedRequest(subgraph.url, AGES, { id: AGE_ORG });
    expect(body.data.organization).toMatchObject({ memberCount: 1, ageStructure: { suppressed: true } });
  });
});
