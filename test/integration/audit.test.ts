import { AuditEntry } from "@kit/audit";
import { pinClock } from "@kit/clock";
import { signedRequest } from "@kit/testing";
import { eligibilityEvent, VENUES_RECEIVE_EVENT } from "@test/support/events";
import { startTestHub, TestHub } from "@test/support/hub";

// Issue 10, point 8: every mutation leaves an entry (who, what, when, outcome) in the audit log of the subgraph that
// owns the data, refusals included, without personal data (DOMAIN §9.3); only federation admins read the logs.

const DEMO_NOW = new Date("2022-03-12T09:00:00+08:00");
// personal data a client puts into free-text arguments: none of it may reach an audit row
const NAME = "王某英";
const PHONE = "139-0551-7788";

let hub: TestHub;
let admin: string;
let leader: string;
let otherLeader: string;

beforeAll(async () => {
  pinClock(DEMO_NOW);
  hub = await startTestHub();
  admin = await hub.token({ sub: "per_t_fa", roles: ["FA"], areaCodes: ["340100"] });
  leader = await hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
  otherLeader = await hub.token({ sub: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] });
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  pinClock(null);
});

const ENTRY = "id at requestId operationName field personId roles service targetIds outcome";
const LOG = (field: string) => `query Audit($filter: AuditLogFilter, $first: Int, $after: String) {
  ${field}(filter: $filter, first: $first, after: $after) { totalCount nodes { ${ENTRY} } pageInfo { hasNextPage endCursor } }
}`;

/** The venues log as a federation admin reads it through the gateway. */
async function venuesLog(filter: Record<string, unknown> = {}, page: { first?: number; after?: string } = {}) {
  const { body } = await hub.query(LOG("venuesAuditLog"), { filter, ...page }, admin);
  expect(body.errors).toBeUndefined();
  return body.data.venuesAuditLog;
}

/** Every stored row of a subgraph's log, as the database holds it. */
const rows = (subgraph: string) => hub.subgraphs[subgraph].db.getRepository(AuditEntry).find({ order: { id: "ASC" } });

function expectNoPersonalData(stored: AuditEntry[]): void {
  const text = JSON.stringify(stored);
  for (const secret of [NAME, PHONE, "生日会", "私人原因"]) expect(text).not.toContain(secret);
}

const BOOK = `mutation BookParty($input: CreateBookingInput!) {
  createBooking(input: $input) { booking { status } conflicts { reason } }
}`;
const CANCEL = `mutation CancelOne($id: ID!, $reason: String!) { cancelBooking(id: $id, reason: $reason) { id status } }`;

describe("each mutation leaves one entry in the owning subgraph's log", () => {
  test("a booking that succeeds: who, what (operation, field, target ids incl. the new booking's), when, OK", async () => {
    const before = await rows("venues");
    const input = {
      roomId: "room_zx_hall",
      organizationId: "org_lezhulin",
      purpose: "ACTIVITY",
      title: `${NAME}的生日会,联系 ${PHONE}`,
      expectedAttendance: 30,
      startsAt: "2022-03-14T14:00:00+08:00",
      endsAt: "2022-03-14T16:00:00+08:00",
    };
    const response = await fetch(hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${leader}` },
      body: JSON.stringify({ query: BOOK, variables: { input } }),
    });
    const body = (await response.json()) as { data: { createBooking: { booking: { status: string } } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.createBooking.booking.status).toBe("CONFIRMED"); // the client did not select the id: the log has it all the same

    const added = (await rows("venues")).slice(before.length);
    expect(added).toHaveLength(1);
    const [entry] = added;
    expect(entry).toMatchObject({
      requestId: response.headers.get("x-request-id"),
      operationName: "BookParty",
      field: "createBooking",
      personId: "per_zhang_leader",
      roles: ["ORG_LEADER"],
      service: null,
      outcome: "OK",
    });
    expect(entry.at.toISOString()).toBe(DEMO_NOW.toISOString());
    const bookingId = entry.targetIds.find((id) => id.startsWith("bkg_"));
    expect(entry.targetIds.sort()).toEqual([bookingId, "org_lezhulin", "room_zx_hall"].sort());
    const [booking] = await hub.subgraphs.venues.db.query("SELECT title FROM bookings WHERE id = ?", [bookingId]);
    expect(booking.title).toBe(input.title); // the target is the booking just made
    expectNoPersonalData(added);
  });

  test("a refused one (FORBIDDEN) is recorded although its transaction rolled back, and the booking is untouched", async () => {
    const before = await rows("venues");
    const { body } = await hub.query(CANCEL, { id: "bkg_zx_0315_handcraft", reason: `私人原因 ${NAME} ${PHONE}` }, otherLeader);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);

    const added = (await rows("venues")).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ operationName: "CancelOne", field: "cancelBooking", personId: "per_liu_leader", roles: ["ORG_LEADER"], targetIds: ["bkg_zx_0315_handcraft"], outcome: "FORBIDDEN" });
    expectNoPersonalData(added);
    const [booking] = await hub.subgraphs.venues.db.query("SELECT status FROM bookings WHERE id = 'bkg_zx_0315_handcraft'");
    expect(booking.status).toBe("CONFIRMED");
  });

  test("bad input is recorded with its code, whether a resolver or the variables refused it", async () => {
    const before = await rows("venues");
    const wrongKind = await hub.query(CANCEL, { id: "org_lezhulin", reason: `私人原因 ${PHONE}` }, leader);
    expect(wrongKind.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    // the gateway checks variables itself: this one goes to venues directly
    const uncoerced = await signedRequest(hub.subgraphs.venues.url, CANCEL, { id: "bkg_zx_0315_handcraft" }, { personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
    expect(uncoerced.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);

    const added = (await rows("venues")).slice(before.length);
    expect(added.map(({ field, personId, targetIds, outcome }) => ({ field, personId, targetIds, outcome }))).toEqual([
      { field: "cancelBooking", personId: "per_zhang_leader", targetIds: ["org_lezhulin"], outcome: "BAD_USER_INPUT" },
      { field: "cancelBooking", personId: "per_zhang_leader", targetIds: [], outcome: "BAD_USER_INPUT" },
    ]);
    expectNoPersonalData(added);
  });

  test("a call from another subgraph (an event delivered to venues) records the calling service", async () => {
    const before = await rows("venues");
    const event = eligibilityEvent("org_lezhulin");
    const { body } = await signedRequest(hub.subgraphs.venues.url, VENUES_RECEIVE_EVENT, event, { service: "organizations" });
    expect(body.errors).toBeUndefined();
    const added = (await rows("venues")).slice(before.length);
    expect(added).toEqual([expect.objectContaining({ field: "venuesReceiveEvent", personId: null, roles: [], service: "organizations", outcome: "OK" })]);
    expect([...added[0].targetIds].sort()).toEqual([event.id, "org_lezhulin"].sort());
  });

  test("a mutation goes to the log of the subgraph that owns its data; queries leave nothing", async () => {
    const before = { organizations: (await rows("organizations")).length, venues: (await rows("venues")).length };
    const refused = await hub.query(`mutation Scores($id: ID!) { submitRatingScores(evaluationId: $id, scores: [{ indicator: "GOV", score: 10 }]) { id } }`, { id: "rat_2022_jiaqiao" }, otherLeader);
    expect(refused.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const read = await hub.query(`{ organization(id: "org_lezhulin") { name bookings { id } } }`, {}, leader);
    expect(read.body.errors).toBeUndefined();

    const organizations = (await rows("organizations")).slice(before.organizations);
    expect(organizations.map((e) => [e.operationName, e.field, e.targetIds, e.outcome])).toEqual([["Scores", "submitRatingScores", ["rat_2022_jiaqiao"], "FORBIDDEN"]]);
    expect(await rows("venues")).toHaveLength(before.venues);
  });
});

describe("reading the logs", () => {
  test.each([
    ["an org leader", { sub: "per_zhang_leader", roles: ["OL"], orgIds: ["org_lezhulin"] }],
    ["street staff", { sub: "per_t_ss", roles: ["SS"], areaCodes: ["340111X01"] }],
    ["a venue admin", { sub: "per_t_va", roles: ["VA"], facilityIds: ["fac_zx_center"] }],
  ])("%s is refused every subgraph's log", async (_who, payload) => {
    const token = await hub.token(payload);
    for (const field of ["organizationsAuditLog", "academyAuditLog", "venuesAuditLog", "fundingAuditLog"]) {
      const { body } = await hub.query(LOG(field), {}, token);
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(body.data).toBeNull();
    }
  });

  test("an anonymous caller is refused", async () => {
    const { body } = await hub.query(LOG("venuesAuditLog"));
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });

  test("a federation admin reads each log, filtered by person, operation, field, outcome and time, page by page", async () => {
    const all = await venuesLog({}, { first: 100 });
    expect(all.totalCount).toBe(all.nodes.length);
    expect(all.nodes.length).toBeGreaterThanOrEqual(5);

    const refusals = await venuesLog({ outcomes: ["FORBIDDEN"] });
    expect(refusals.nodes.map((e: { field: string; personId: string }) => [e.field, e.personId])).toEqual([["cancelBooking", "per_liu_leader"]]);
    expect(refusals.nodes[0]).toMatchObject({ at: "2022-03-12T09:00:00.000+08:00", roles: ["ORG_LEADER"], targetIds: ["bkg_zx_0315_handcraft"] });

    const zhang = await venuesLog({ personId: "per_zhang_leader" });
    expect(zhang.nodes.map((e: { outcome: string }) => e.outcome)).toEqual(["OK", "BAD_USER_INPUT", "BAD_USER_INPUT"]);
    expect((await venuesLog({ operation: "BookParty" })).nodes.map((e: { field: string }) => e.field)).toEqual(["createBooking"]);
    expect((await venuesLog({ field: "venuesReceiveEvent" })).nodes.map((e: { service: string }) => e.service)).toEqual(["organizations"]);
    expect((await venuesLog({ personId: "per_zhang_leader", outcomes: ["OK", "FORBIDDEN"] })).totalCount).toBe(1);

    expect((await venuesLog({ from: "2022-03-12T09:00:00+08:00", to: "2022-03-12T09:00:01+08:00" })).totalCount).toBe(all.totalCount);
    expect((await venuesLog({ from: "2022-03-12T09:00:01+08:00" })).totalCount).toBe(0);
    expect((await venuesLog({ to: "2022-03-12T09:00:00+08:00" })).totalCount).toBe(0);

    const first = await venuesLog({}, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await venuesLog({}, { first: 2, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((e: { id: string }) => e.id)).toEqual(all.nodes.slice(0, 4).map((e: { id: string }) => e.id));

    const organizations = await hub.query(LOG("organizationsAuditLog"), { filter: { field: "submitRatingScores" } }, admin);
    expect(organizations.body.data.organizationsAuditLog.nodes.map((e: { outcome: string }) => e.outcome)).toEqual(["FORBIDDEN"]);
    for (const field of ["academyAuditLog", "fundingAuditLog"]) {
      const { body } = await hub.query(LOG(field), {}, admin);
      expect(body.errors).toBeUndefined();
      expect(body.data[field]).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }
  });

  test("a backwards period, an over-long filter and a page of 101 are BAD_USER_INPUT", async () => {
    for (const [filter, first] of [
      [{ from: "2022-03-13T00:00:00+08:00", to: "2022-03-12T00:00:00+08:00" }, 20],
      [{ operation: "x".repeat(101) }, 20],
      [{}, 101],
    ] as const) {
      const { body } = await hub.query(LOG("venuesAuditLog"), { filter, first }, admin);
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    }
  });
});
