import { pinClock } from "@kit/clock";
import { IMPORT_OPERATION } from "@scripts/org-sheets/import-sheet";
import { GraphQLResponse, startTestHub, TestHub } from "../support/hub";
import { answerWhen } from "../support/eventually";
import { operation } from "../support/operations";

// Issue 11, points 5 and 6, through the real gateway with every relay running: what a street office decides about an
// organization reaches venues by itself, within seconds, with no manual sync. The demo's 竹西社区亲子共读站
// (org_cq_queue_3, an informal team whose filing is in street review, DOMAIN §10.2) is unknown to venues until filed.
let hub: TestHub;
let clerk: string;
let leader: string;
let venueAdmin: string;

const ORG = "org_cq_queue_3";
const FILING = "fil_cq_0258";

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10)
  hub = await startTestHub();
  clerk = await hub.token({ sub: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] });
  leader = await hub.token({ sub: "per_cqq3_leader", roles: ["ORG_LEADER"], orgIds: [ORG] });
  venueAdmin = await hub.token({ sub: "per_zx_admin", roles: ["VENUE_ADMIN"], facilityIds: ["fac_zx_center"] });
});
afterAll(async () => {
  pinClock(null);
  await hub?.stop();
});

const BOOK = operation("BookBirthdayParty"); // M2's createBooking, as the leader's client sends it
const TRANSITION = `mutation DecideFiling($filingId: ID!, $action: FilingAction!) {
  transitionFiling(filingId: $filingId, action: $action) { id status organization { id status legalForm } }
}`;
const BOARD = `query DayBoard($facilityId: ID!, $date: Date!) {
  roomDayBoard(facilityId: $facilityId, date: $date) { room { id } bookings { id status statusReason organization { name } } }
}`;

type Payload = { booking: { id: string; status: string } | null; conflicts: { reason: string; message: string }[] };

/** 活动室A of 竹西社区党群服务中心 (capacity 20) on `day` from–to. */
const roomA = (day: string, from: string, to: string, expectedAttendance = 12) => ({
  roomId: "room_zx_a",
  organizationId: ORG,
  purpose: "ACTIVITY",
  title: "亲子共读会",
  expectedAttendance,
  startsAt: `${day}T${from}:00+08:00`,
  endsAt: `${day}T${to}:00+08:00`,
});

async function book(input: ReturnType<typeof roomA>): Promise<Payload> {
  const { body } = await hub.query(BOOK, { input }, leader);
  expect(body.errors).toBeUndefined();
  return body.data.createBooking;
}

async function decide(action: string): Promise<GraphQLResponse> {
  const { body } = await hub.query(TRANSITION, { filingId: FILING, action }, clerk);
  expect(body.errors).toBeUndefined();
  return body;
}

const reasonsOf = (payload: Payload) => payload.conflicts.map((c) => c.reason);

async function board(date: string) {
  const { body } = await hub.query(BOARD, { facilityId: "fac_zx_center", date }, venueAdmin);
  expect(body.errors).toBeUndefined();
  return (body.data.roomDayBoard as { room: { id: string }; bookings: { id: string; status: string; statusReason: string | null }[] }[]).flatMap((r) => r.bookings);
}

test("filed → books within seconds; suspended → NOT_ELIGIBLE; deregistered → its future bookings are cancelled with the reason", async () => {
  // before: venues has never heard of the team (C7)
  const before = await book(roomA("2022-03-14", "09:00", "10:00"));
  expect(reasonsOf(before)).toEqual(["NOT_ELIGIBLE"]);

  // the street approves the filing: the team becomes FILED and ACTIVE, and venues learns it from the event
  expect((await decide("APPROVE")).data!.transitionFiling).toMatchObject({ status: "FILED", organization: { id: ORG, status: "ACTIVE", legalForm: "FILED" } });
  // an attempt refused NOT_ELIGIBLE writes nothing, so asking again until it passes books exactly once
  const monday = await answerWhen(() => book(roomA("2022-03-14", "09:00", "10:00")), (p) => p.booking !== null);
  expect(monday).toMatchObject({ booking: { status: "CONFIRMED" }, conflicts: [] });
  const tuesday = await book(roomA("2022-03-15", "14:00", "15:00"));
  expect(tuesday).toMatchObject({ booking: { status: "CONFIRMED" }, conflicts: [] });

  // suspended (暂停): the probe asks for 25 people in a room for 20, so it can never book while waiting for the event
  await decide("SUSPEND");
  const probe = await answerWhen(() => book(roomA("2022-03-14", "14:00", "15:00", 25)), (p) => reasonsOf(p).includes("NOT_ELIGIBLE"));
  expect(reasonsOf(probe).sort()).toEqual(["CAPACITY", "NOT_ELIGIBLE"]);
  const refused = await book(roomA("2022-03-14", "14:00", "15:00"));
  expect(refused.booking).toBeNull();
  expect(reasonsOf(refused)).toEqual(["NOT_ELIGIBLE"]);
  expect(refused.conflicts[0].message).toContain("SUSPENDED");

  // Monday noon: the Monday booking lies in the past when the street deregisters the team (注销)
  pinClock(new Date("2022-03-14T12:00:00+08:00"));
  await decide("DEREGISTER");
  const reason = "Cancelled: the organization was deregistered on 2022-03-14 (注销).";
  const tuesdayBoard = await answerWhen(() => board("2022-03-15"), (bookings) => bookings.some((b) => b.id === tuesday.booking!.id && b.status === "CANCELLED"));
  expect(tuesdayBoard.find((b) => b.id === tuesday.booking!.id)).toEqual({ id: tuesday.booking!.id, status: "CANCELLED", statusReason: reason, organization: { name: "竹西社区亲子共读站" } });
  // the demo's other bookings that day are untouched
  expect(tuesdayBoard.find((b) => b.id === "bkg_zx_0315_handcraft")).toMatchObject({ status: "CONFIRMED", statusReason: null });
  expect((await board("2022-03-14")).find((b) => b.id === monday.booking!.id)).toMatchObject({ status: "CONFIRMED", statusReason: null });
}, 60_000);

test("an organization imported from the street's sheet can book within seconds", async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  const row = {
    name: "竹西社区太极队", orgForm: "队", category: "文体娱乐类", homeAreaCode: "340111X01C01", foundedOn: "2018-04-01",
    filingNo: "CQ-BA-2018-0042", filedOn: "2018-09-01", leaderFullName: "孙某平", leaderPhone: "100-0000-3201", declaredMemberCount: "14",
  };
  const { body } = await hub.query(IMPORT_OPERATION, { streetCode: "340111X01", rows: [row], dryRun: false }, clerk);
  expect(body.errors).toBeUndefined();
  expect(body.data.importFiledOrganizations).toMatchObject({ written: true, created: 1 });
  const organizationId = body.data.importFiledOrganizations.rows[0].organization.id;
  const taiji = await hub.token({ sub: "per_taiji_leader", roles: ["ORG_LEADER"], orgIds: [organizationId] });
  const input = { ...roomA("2022-03-14", "15:00", "16:00"), organizationId, title: "太极晨练交流" };
  const booked = await answerWhen(
    () => hub.query(BOOK, { input }, taiji).then((r) => r.body.data.createBooking as Payload),
    (p) => p.booking !== null,
  );
  expect(booked).toMatchObject({ booking: { status: "CONFIRMED" }, conflicts: [] });
});
