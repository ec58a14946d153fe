import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FieldDefinitionNode, InputValueDefinitionNode, parse, print } from "graphql";
import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph, testStoreKind } from "@kit/testing";
import { FilingEvent } from "@subgraphs/organizations/filing/filing-event.entity";
import { FilingRecord } from "@subgraphs/organizations/filing/filing-record.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { whereFilingStatus } from "@subgraphs/organizations/filing/filing.queries";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm, OrgForm, OrgStatus } from "@subgraphs/organizations/directory/directory.enums";
import { FilingStatus } from "@subgraphs/organizations/filing/filing.enums";
import {
  PARTNER, addFiling, addPerson, addMembers, addOrganization, addStreet, addSupervision, communityStaffOf, federationAdmin, leaderOf, memberOf, personId, rosterRoles, streetStaffOf, supervisorOf,
} from "./fixtures";

let subgraph: RunningSubgraph;

// One street (测试街道 CQ) with the Q8 shape: three preparing teams in its filing queue (two with the community's opinion,
// one in street review), a filed team with its whole history, a filed team of another street and an informal team.
const STREET_CODE = "990100SCQ";
const COMMUNITY_CODE = "990100SCQC01";
const Q1 = "org_t_q1", Q2 = "org_t_q2", Q3 = "org_t_q3", FILED_ORG = "org_t_filed";
const [FIL_Q1, FIL_Q2, FIL_Q3, FIL_FILED] = ["fil_t_q1", "fil_t_q2", "fil_t_q3", "fil_t_filed"];

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const db = subgraph.db;
  await addStreet(db, "CQ", "测试街道");
  await addPerson(db, "street_clerk", { fullName: "街道某员" }); // the street clerk, named in the events they write
  const other = await addStreet(db, "OTHER");
  const queue: [string, number, FilingStatus][] = [["q1", 11, FilingStatus.COMMUNITY_REVIEWED], ["q2", 12, FilingStatus.COMMUNITY_REVIEWED], ["q3", 10, FilingStatus.STREET_REVIEW]];
  for (const [key, members, status] of queue) {
    const team = await addOrganization(db, key, { name: `队列${key}`, status: OrgStatus.PREPARING, members, roles: rosterRoles(members), homeAreaCode: COMMUNITY_CODE });
    await addFiling(db, key, team.orgId, STREET_CODE, { status, declaredMemberCount: members, submittedBy: team.leaderId });
  }
  const filed = await addOrganization(db, "filed", { legalForm: LegalForm.FILED, members: 7, homeAreaCode: COMMUNITY_CODE });
  await addFiling(db, "filed", filed.orgId, STREET_CODE, { status: FilingStatus.FILED, filingNo: "CQ-BA-2019-0087", filedOn: "2019-12-20", declaredMemberCount: 7, submittedBy: filed.leaderId });
  const elsewhere = await addOrganization(db, "elsewhere", { legalForm: LegalForm.FILED, homeAreaCode: other.community });
  await addFiling(db, "elsewhere", elsewhere.orgId, other.street, { status: FilingStatus.FILED });
  await addOrganization(db, "informal", { homeAreaCode: COMMUNITY_CODE });
  const agency = await addOrganization(db, "agency", { legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, homeAreaCode: STREET_CODE, members: 1 });
  await addSupervision(db, "filed", { organizationId: FILED_ORG, agencyOrgId: agency.orgId, supervisorPersonId: agency.leaderId });
  SUPERVISOR = supervisorOf([FILED_ORG], agency.leaderId);
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

const STREET = streetStaffOf(STREET_CODE, "per_t_street_clerk");
const COMMUNITY = communityStaffOf(COMMUNITY_CODE);
const OTHER_STREET = streetStaffOf("990100SOTHER");
const FED_ADMIN: Partial<Claims> = { ...federationAdmin(["org_t_some_fed"]), areaCodes: [STREET_CODE] };
let SUPERVISOR: Partial<Claims>;

const TRANSITION = `mutation($id: ID!, $action: FilingAction!, $comment: String) {
  transitionFiling(filingId: $id, action: $action, comment: $comment) { id status filingNo filedOn submittedAt declaredMemberCount events { from to comment actor { id } } organization { id status legalForm } }
}`;

const transition = (claims: Partial<Claims>, id: string, action: string, comment?: string) =>
  signedRequest(subgraph.url, TRANSITION, { id, action, comment }, claims).then((r) => r.body);

/** The filing row and its event count straight from the store: proof of what was (not) written. */
async function stored(id: string) {
  const filing = await subgraph.db.getRepository(FilingRecord).findOneByOrFail({ id });
  return { status: filing.status, filingNo: filing.filingNo, events: await subgraph.db.getRepository(FilingEvent).countBy({ filingId: id }) };
}

// argument order is not compared: type-graphql prints arguments last-first across the whole schema
test("the filing types, fields and arguments match the client contract", () => {
  const fields = (sdl: string) => {
    const found = new Map<string, string>();
    for (const def of parse(sdl).definitions) {
      if (!("fields" in def) || !def.fields || !("name" in def) || !def.name) continue;
      for (const field of def.fields as readonly (FieldDefinitionNode | InputValueDefinitionNode)[]) {
        const args = "arguments" in field ? (field.arguments ?? []).map((a) => `${a.name.value}: ${print(a.type)}`).sort().join(", ") : "";
        found.set(`${def.name.value}.${field.name.value}`, `(${args}) ${print(field.type)}`);
      }
    }
    return found;
  };
  const ours = fields(subgraph.sdl);
  const contract = fields(readFileSync(join(__dirname, "..", "..", "contract", "composed-api.graphql"), "utf8"));
  const mine = [...contract.keys()].filter((key) =>
    /^(FilingRecord|FilingEvent|FederationMembership|AgeStructure|AgeBandCount)\.|^Organization\.(filing|federationMemberships|ageStructure)$|^Mutation\.transitionFiling$/.test(key),
  );
  expect(mine.length).toBeGreaterThan(20);
  for (const key of mine) expect(`${key} ${ours.get(key)}`).toBe(`${key} ${contract.get(key)}`);
  for (const added of ["applyForFederationMembership", "decideFederationMembership", "changeMemberRole", "leaveOrganization"]) expect(ours.has(`Mutation.${added}`)).toBe(true);
});

describe("Q8: street staff review the filing queue, then accept one", () => {
  const QUEUE = `query FilingQueue($street: ID!) {
    organizations(filter: { areaCode: $street }, first: 50) {
      nodes { id name category filing { id status submittedAt declaredMemberCount charterDocumentUrl events { at to comment } } leader { person { displayName } } }
    }
  }`;

  test("the queue shows three organizations with their filing details and history to the street", async () => {
    const { body } = await signedRequest(subgraph.url, QUEUE, { street: STREET_CODE }, STREET);
    expect(body.errors).toBeUndefined();
    type Node = { id: string; filing: { status: string; charterDocumentUrl: string; events: { to: string; comment: string | null }[] } | null };
    const queue = (body.data.organizations.nodes as Node[]).filter((o) => o.filing && ["COMMUNITY_REVIEWED", "STREET_REVIEW"].includes(o.filing.status));
    expect(queue.map((o) => [o.id, o.filing!.status])).toEqual([
      [Q1, "COMMUNITY_REVIEWED"],
      [Q2, "COMMUNITY_REVIEWED"],
      [Q3, "STREET_REVIEW"],
    ]);
    const first = queue[0].filing!;
    expect(first.charterDocumentUrl).toBe(`https://docs.hub.example/charters/${Q1}.pdf`);
    expect(first.events.map((e) => e.to)).toEqual(["SUBMITTED", "COMMUNITY_REVIEWED"]);
  });

  test("the filingStatus condition (for OrgFilter.filingStatus) finds exactly the queue, in one statement", async () => {
    const query = whereFilingStatus(subgraph.db.getRepository(Organization).createQueryBuilder("o"), "o", [FilingStatus.COMMUNITY_REVIEWED, FilingStatus.STREET_REVIEW]);
    let ids: string[] = [];
    const count = await countStatements(subgraph.db, async () => {
      ids = (await query.orderBy("o.id").getMany()).map((o) => o.id);
    });
    expect(ids).toEqual([Q1, Q2, Q3]);
    expect(count).toBe(1);
    const filed = await whereFilingStatus(subgraph.db.getRepository(Organization).createQueryBuilder("o"), "o", [FilingStatus.FILED]).orderBy("o.id").getMany();
    expect(filed.map((o) => o.id)).toEqual(["org_t_elsewhere", FILED_ORG]);
  });

  test("AcceptFiling moves the first filing of the queue to STREET_REVIEW and logs who did it and why", async () => {
    const { body } = await signedRequest(
      subgraph.url,
      `mutation AcceptFiling($filingId: ID!) {
        transitionFiling(filingId: $filingId, action: STREET_ACCEPT, comment: "材料齐全,进入公示") { id status events { at from to } }
      }`,
      { filingId: FIL_Q1 },
      STREET,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.transitionFiling.status).toBe("STREET_REVIEW");
    const events = body.data.transitionFiling.events;
    expect(events).toHaveLength(3);
    expect(events[2]).toEqual({ at: "2022-03-12T09:00:00.000+08:00", from: "COMMUNITY_REVIEWED", to: "STREET_REVIEW" });
    const row = await subgraph.db.getRepository(FilingEvent).findOneByOrFail({ filingId: FIL_Q1, to: FilingStatus.STREET_REVIEW });
    expect(row).toMatchObject({ actorPersonId: "per_t_street_clerk", actorRole: "STREET_STAFF", comment: "材料齐全,进入公示" });
  });
});

describe("actors (§8.1): the wrong one is FORBIDDEN and nothing is written", () => {
  const cases: [string, Partial<Claims>, string, string][] = [
    ["community staff trying a street step", COMMUNITY, "STREET_ACCEPT", "STREET_STAFF"],
    ["street staff of another street", OTHER_STREET, "STREET_ACCEPT", "STREET_STAFF"],
    ["a federation admin", FED_ADMIN, "STREET_ACCEPT", "STREET_STAFF"],
    ["the organization's own leader", leaderOf(Q2, personId("q2", 1)), "STREET_ACCEPT", "STREET_STAFF"],
    ["an anonymous partner", {}, "REJECT", "STREET_STAFF"],
    ["street staff submitting for the organization", STREET, "SUBMIT", "ORG_LEADER"],
    ["street staff giving the community's opinion", STREET, "COMMUNITY_APPROVE", "COMMUNITY_STAFF"],
  ];
  test.each(cases)("%s", async (_label, claims, action, needed) => {
    const before = await stored(FIL_Q2);
    const body = await transition(claims, FIL_Q2, action, "理由");
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(body.errors?.[0].message).toContain(needed);
    expect(await stored(FIL_Q2)).toEqual(before);
  });

  test("a street staffer who is a member of the organization may not decide on its filing (§9.2)", async () => {
    const body = await transition(streetStaffOf(STREET_CODE, personId("q2", 3)), FIL_Q2, "STREET_ACCEPT");
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringContaining("member") });
    expect((await stored(FIL_Q2)).status).toBe(FilingStatus.COMMUNITY_REVIEWED);
  });

  test("a staff token without a person cannot decide either: the separation-of-duty check needs someone to check", async () => {
    const before = await stored(FIL_Q2);
    const body = await transition({ roles: ["STREET_STAFF"], areaCodes: [STREET_CODE] }, FIL_Q2, "STREET_ACCEPT");
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringContaining("sign in as a person") });
    expect(await stored(FIL_Q2)).toEqual(before);
  });
});

test("an illegal transition is a CONFLICT naming the state and the allowed actions", async () => {
  const before = await stored(FIL_Q2);
  const body = await transition(STREET, FIL_Q2, "APPROVE");
  expect(body.errors?.[0].extensions).toEqual({ code: "CONFLICT", state: "COMMUNITY_REVIEWED", allowed: ["STREET_ACCEPT", "RETURN", "REJECT"] });
  expect(body.errors?.[0].message).toContain("COMMUNITY_REVIEWED");
  expect(body.errors?.[0].message).toContain("STREET_ACCEPT, RETURN, REJECT");
  expect(await stored(FIL_Q2)).toEqual(before);
  const filed = await transition(STREET, FIL_FILED, "REINSTATE");
  expect(filed.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "FILED", allowed: ["SUSPEND", "DEREGISTER"] });
});

test("RETURN and REJECT without a comment are bad input; unknown and malformed ids are NOT_FOUND and BAD_USER_INPUT", async () => {
  const before = await stored(FIL_Q2);
  for (const action of ["RETURN", "REJECT"]) {
    const body = await transition(STREET, FIL_Q2, action, "  ");
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "comment" } });
  }
  expect(await stored(FIL_Q2)).toEqual(before);
  expect((await transition(STREET, "fil_nope", "APPROVE")).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  expect((await transition(STREET, FILED_ORG, "APPROVE")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("APPROVE files the organization: the authority's next number, today's date, status ACTIVE, an informal team becomes FILED", async () => {
  const body = await transition(STREET, FIL_Q3, "APPROVE");
  expect(body.errors).toBeUndefined();
  expect(body.data.transitionFiling).toMatchObject({
    status: "FILED",
    filingNo: `${STREET_CODE}-BA-2022-0001`, // a test street has no demo prefix: its area code
    filedOn: "2022-03-12",
    organization: { id: Q3, status: "ACTIVE", legalForm: "FILED" },
  });
  expect(body.data.transitionFiling.events.at(-1)).toEqual({ from: "STREET_REVIEW", to: "FILED", comment: null, actor: { id: "per_t_street_clerk" } });
});

test("a failure inside the transaction keeps nothing: no status, no number, no event", async () => {
  const sqlite = testStoreKind() === "sqlite";
  await subgraph.db.query(
    sqlite
      ? "CREATE TRIGGER fail_filing_events BEFORE INSERT ON filing_events BEGIN SELECT RAISE(ABORT, 'forced failure'); END"
      : "CREATE TRIGGER fail_filing_events BEFORE INSERT ON filing_events FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'forced failure'",
  );
  try {
    const before = await stored(FIL_Q1);
    expect(before.status).toBe(FilingStatus.STREET_REVIEW);
    const body = await transition(STREET, FIL_Q1, "APPROVE");
    expect(body.errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(await stored(FIL_Q1)).toEqual(before);
    expect((await subgraph.db.getRepository(Organization).findOneByOrFail({ id: Q1 })).status).toBe(OrgStatus.PREPARING);
  } finally {
    await subgraph.db.query("DROP TRIGGER fail_filing_events");
  }
});

describe("SUBMIT (§8.1 guards)", () => {
  const ORG = "org_t_draft";
  const DRAFT_FILING = "fil_t_draft";
  const LEADER = leaderOf(ORG, personId("draft", 1));

  beforeAll(async () => {
    const draft = await addOrganization(subgraph.db, "draft", { name: "测试社区合唱协会", legalForm: LegalForm.FILED, orgForm: OrgForm.ASSOCIATION, status: OrgStatus.PREPARING, members: 3, homeAreaCode: COMMUNITY_CODE });
    await addFiling(subgraph.db, "draft", draft.orgId, STREET_CODE, { charterDocumentUrl: null });
  });

  test("an association with 3 members and no charter cannot submit; the CONFLICT lists what to fix", async () => {
    const body = await transition(LEADER, DRAFT_FILING, "SUBMIT");
    expect(body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "DRAFT" });
    expect((body.errors?.[0].extensions?.problems as { code: string }[]).map((p) => p.code)).toEqual(["CHARTER", "MEMBERS"]);
    expect(await stored(DRAFT_FILING)).toEqual({ status: FilingStatus.DRAFT, filingNo: null, events: 0 });
  });

  test("with a charter and 10 members the leader submits; the member count is declared, then the community gives its opinion", async () => {
    await subgraph.db.getRepository(FilingRecord).update({ id: DRAFT_FILING }, { charterDocumentUrl: `https://docs.hub.example/charters/${ORG}.pdf` });
    await addMembers(subgraph.db, ORG, "draft", 4, 10);
    const body = await transition(LEADER, DRAFT_FILING, "SUBMIT");
    expect(body.errors).toBeUndefined();
    expect(body.data.transitionFiling).toMatchObject({ status: "SUBMITTED", submittedAt: "2022-03-12T09:00:00.000+08:00", declaredMemberCount: 10 });
    const opinion = await transition(COMMUNITY, DRAFT_FILING, "COMMUNITY_APPROVE", "居委会意见:同意");
    expect(opinion.data.transitionFiling.status).toBe("COMMUNITY_REVIEWED");
    const returned = await transition(STREET, DRAFT_FILING, "RETURN", "请补充场地证明");
    expect(returned.data.transitionFiling.events.map((e: { to: string }) => e.to)).toEqual(["SUBMITTED", "COMMUNITY_REVIEWED", "RETURNED"]);
  });
});

describe("read rule (§9.2)", () => {
  const FILING = `query($id: ID!) { organization(id: $id) { filing { id filingNo status filedOn declaredMemberCount charterDocumentUrl authority { code name } organization { id } events { from to actor { id } } } } }`;

  test("partners see that it is filed and its number, not the history or the charter", async () => {
    for (const claims of [{}, PARTNER, memberOf(FILED_ORG, personId("filed", 2)), OTHER_STREET]) {
      const { body } = await signedRequest(subgraph.url, FILING, { id: FILED_ORG }, claims);
      expect(body.errors).toBeUndefined();
      expect(body.data.organization.filing).toEqual({
        id: FIL_FILED, filingNo: "CQ-BA-2019-0087", status: "FILED", filedOn: "2019-12-20", declaredMemberCount: 7, charterDocumentUrl: null,
        authority: { code: STREET_CODE, name: "测试街道" }, organization: { id: FILED_ORG }, events: [],
      });
    }
  });

  test("the leader, the supervisor, staff in scope and federation admins see the history and the charter", async () => {
    const insiders: Partial<Claims>[] = [
      leaderOf(FILED_ORG, personId("filed", 1)),
      SUPERVISOR,
      STREET,
      COMMUNITY,
      FED_ADMIN,
    ];
    for (const claims of insiders) {
      const { body } = await signedRequest(subgraph.url, FILING, { id: FILED_ORG }, claims);
      expect(body.data.organization.filing.charterDocumentUrl).toBe(`https://docs.hub.example/charters/${FILED_ORG}.pdf`);
      expect(body.data.organization.filing.events.map((e: { to: string }) => e.to)).toEqual(["SUBMITTED", "COMMUNITY_REVIEWED", "STREET_REVIEW", "FILED"]);
    }
  });

  test("a filing without a number is not the public's to see: partners and academy staff get null, staff and the team its status", async () => {
    const STATUS = `query($id: ID!) { organization(id: $id) { filing { status filingNo } } }`;
    for (const claims of [{}, PARTNER, { personId: "per_t_nobody" }, { personId: "per_t_ac", roles: ["ACADEMY_STAFF"] }] as Partial<Claims>[]) {
      expect((await signedRequest(subgraph.url, STATUS, { id: Q2 }, claims)).body.data.organization.filing).toBeNull();
    }
    for (const claims of [STREET, OTHER_STREET, memberOf(Q2, personId("q2", 5)), { personId: "per_t_va", roles: ["VENUE_ADMIN"] }] as Partial<Claims>[]) {
      expect((await signedRequest(subgraph.url, STATUS, { id: Q2 }, claims)).body.data.organization.filing).toMatchObject({ filingNo: null });
    }
  });

  test("an informal team has no filing", async () => {
    const { body } = await signedRequest(subgraph.url, `{ organization(id: "org_t_informal") { filing { id } } }`, {}, FED_ADMIN);
    expect(body.data.organization.filing).toBeNull();
  });
});
