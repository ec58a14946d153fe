import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking, BookingStatus } from "@subgraphs/venues/bookings";
import { ExceptionKind, Facility, FacilityType, OpeningRule, Room, RoomKind, Weekday } from "@subgraphs/venues/facilities";
import { Tenancy, TenancyStatus } from "@subgraphs/venues/tenancies";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { addTestFacility, addTestTenancy, at, bookingRow, codeOf, DEMO_NOW } from "./fixtures";

// Area.bookingStats (the venue part of Q6) and Organization.incubationTenancy (孵化入驻).
let subgraph: RunningSubgraph;
/** An incubation base of the test's own with six desks (孵化工位1…6), let by tenancy. */
let incubator: { facilityId: string; roomIds: string[] };

beforeAll(async () => {
  pinClock(DEMO_NOW);
  subgraph = await startTestSubgraph(venuesSubgraph, { seed: true });
  incubator = await addTestFacility(subgraph.db, "incubator", {
    type: FacilityType.INCUBATION_BASE,
    name: "测试孵化基地",
    rooms: [1, 2, 3, 4, 5, 6].map((n) => ({ name: `孵化工位${n}`, kind: RoomKind.INCUBATION_DESK, capacity: 4, bookable: false })),
  });
});
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

const STATS = `query($reps: [_Any!]!, $period: DateRangeInput!) {
  _entities(representations: $reps) { ... on Area { code bookingStats(period: $period) { bookings bookedMinutes utilization noShows } } }
}`;
const TENANCY = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Organization { id incubationTenancy { id from to status facility { name } room { name } organization { id } } } }
}`;
const areas = (...codes: string[]) => codes.map((code) => ({ __typename: "Area", code }));
const orgs = (...ids: string[]) => ids.map((id) => ({ __typename: "Organization", id }));
const YEAR_2021 = { from: "2021-01-01", to: "2021-12-31" };

describe("Q6: venue use by street", () => {
  test("demo: 常青街道 in 2021: the eleven birthday parties and the agency's supervision meetings, two of them no-shows", async () => {
    const { body } = await signedRequest(subgraph.url, STATS, { reps: areas("340111X01", "340104Z01", "not a code"), period: YEAR_2021 });
    expect(body.errors).toBeUndefined();
    const [changqing, shujingkai, malformed] = body.data._entities;
    // open: 竹西 3 rooms × (261 weekdays × 450 min + 52 Saturdays × 150 min) + 社工站 2 rooms and 路演厅 × 261 × 450 = 728,100 min
    expect(changqing.bookingStats).toEqual({ bookings: 23, bookedMinutes: 21 * 120, utilization: 0.0035, noShows: 2 });
    expect(shujingkai.bookingStats).toEqual({ bookings: 0, bookedMinutes: 0, utilization: 0, noShows: 0 });
    expect(malformed.bookingStats).toEqual({ bookings: 0, bookedMinutes: 0, utilization: 0, noShows: 0 });
  });

  test("the 春节 week has no open minutes, and a period over 366 days is BAD_USER_INPUT", async () => {
    const festival = ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04", "2022-02-05", "2022-02-06"];
    await addTestFacility(subgraph.db, "festival", { areaCode: "349901S01C01", exceptions: festival.map((date) => ({ date, kind: ExceptionKind.HOLIDAY_CLOSED, note: "春节" })) });
    const closed = await signedRequest(subgraph.url, STATS, { reps: areas("349901S01"), period: { from: "2022-01-31", to: "2022-02-06" } });
    expect(closed.body.data._entities[0].bookingStats).toEqual({ bookings: 0, bookedMinutes: 0, utilization: 0, noShows: 0 });
    const tooLong = await signedRequest(subgraph.url, STATS, { reps: areas("349901S01"), period: { from: "2021-01-01", to: "2022-03-01" } });
    expect(codeOf(tooLong.body)).toBe("BAD_USER_INPUT");
  });
});

describe("incubation tenancies", () => {
  test("an organization with an active desk at an incubation base has it; others have none", async () => {
    const desk = { facilityId: incubator.facilityId, roomId: incubator.roomIds[0], organizationId: "org_t_incubated" };
    const tenancy = await addTestTenancy(subgraph.db, "incubated", desk, { from: "2021-09-01", to: "2022-08-31" });
    const { body } = await signedRequest(subgraph.url, TENANCY, { reps: orgs("org_t_incubated", "org_t_no_desk", "per_t_incubated_leader") });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      {
        id: "org_t_incubated",
        incubationTenancy: { id: tenancy, from: "2021-09-01", to: "2022-08-31", status: "ACTIVE", facility: { name: "测试孵化基地" }, room: { name: "孵化工位1" }, organization: { id: "org_t_incubated" } },
      },
      { id: "org_t_no_desk", incubationTenancy: null },
      { id: "per_t_incubated_leader", incubationTenancy: null },
    ]);
  });

  test("an active tenancy wins over an application and a graduated one", async () => {
    const desk = (n: number) => ({ facilityId: incubator.facilityId, roomId: incubator.roomIds[n - 1], organizationId: "org_t_tenant" });
    await addTestTenancy(subgraph.db, "old", desk(2), { from: "2020-01-01", to: "2020-12-31", status: TenancyStatus.GRADUATED });
    await addTestTenancy(subgraph.db, "new", desk(3), { from: "2022-04-01", to: null, status: TenancyStatus.APPLIED });
    const { body } = await signedRequest(subgraph.url, TENANCY, { reps: orgs("org_t_tenant") });
    expect(body.data._entities[0].incubationTenancy).toMatchObject({ id: "ten_t_new", status: "APPLIED", to: null });
  });
});

describe("batching", () => {
  const count = 50;
  const pad = (i: number) => String(i).padStart(2, "0");

  beforeAll(async () => {
    const facilities: Facility[] = [];
    const rooms: Room[] = [];
    const rules: Partial<OpeningRule>[] = [];
    const bookings: Booking[] = [];
    const tenancies: Tenancy[] = [];
    for (let i = 1; i <= count; i += 1) {
      facilities.push({ id: `fac_st_${pad(i)}`, name: `统计场地${i}`, type: FacilityType.NEIGHBORHOOD_POINT, areaCode: `349901S09C01P${pad(i)}`, operatorOrgId: null, operatorName: null, address: "统计地址", publicPhone: null });
      rooms.push({ id: `room_st_${pad(i)}`, facilityId: `fac_st_${pad(i)}`, name: "统计室", kind: RoomKind.ACTIVITY_ROOM, capacity: 10, bookable: true, features: [] });
      rules.push({ facilityId: `fac_st_${pad(i)}`, days: [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI], opens: "09:00", closes: "11:00" });
      bookings.push(bookingRow({ id: `bkg_st_${pad(i)}`, roomId: `room_st_${pad(i)}`, organizationId: `org_st_${pad(i)}`, startsAt: at("2021-06-01", "09:00"), endsAt: at("2021-06-01", "10:00"), status: BookingStatus.COMPLETED }));
      tenancies.push({ id: `ten_st_${pad(i)}`, facilityId: incubator.facilityId, roomId: incubator.roomIds[3], organizationId: `org_st_${pad(i)}`, from: "2021-01-01", to: null, status: TenancyStatus.ACTIVE });
    }
    await subgraph.db.getRepository(Facility).insert(facilities);
    await subgraph.db.getRepository(Room).insert(rooms);
    await subgraph.db.getRepository(OpeningRule).insert(rules);
    await subgraph.db.getRepository(Booking).insert(bookings);
    await subgraph.db.getRepository(Tenancy).insert(tenancies);
  });

  test("Area.bookingStats costs as many statements for 50 areas as for 5", async () => {
    const run = async (n: number) => {
      let entities: { bookingStats: { bookings: number; utilization: number } }[] = [];
      const statements = await countStatements(subgraph.db, async () => {
        const { body } = await signedRequest(subgraph.url, STATS, { reps: areas(...Array.from({ length: n }, (_, i) => `349901S09C01P${pad(i + 1)}`)), period: { from: "2021-06-01", to: "2021-06-30" } });
        expect(body.errors).toBeUndefined();
        entities = body.data._entities;
      });
      // June 2021 has 22 weekdays × 120 open minutes; one 60-minute booking
      expect(entities.every((e) => e.bookingStats.bookings === 1 && e.bookingStats.utilization === Math.round((60 / (22 * 120)) * 10_000) / 10_000)).toBe(true);
      return statements;
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(fifty).toBe(five);
    expect(five).toBe(5); // facilities, rooms, opening rules, exceptions, bookings
  });

  test("Organization.incubationTenancy with its facility and room costs as many statements for 50 organizations as for 5", async () => {
    const run = async (n: number) =>
      countStatements(subgraph.db, async () => {
        const { body } = await signedRequest(subgraph.url, TENANCY, { reps: orgs(...Array.from({ length: n }, (_, i) => `org_st_${pad(i + 1)}`)) });
        expect(body.data._entities.every((e: { incubationTenancy: { room: { name: string } } }) => e.incubationTenancy.room.name === "孵化工位4")).toBe(true);
      });
    const five = await run(5);
    expect(await run(50)).toBe(five);
    expect(five).toBe(3); // tenancies, facilities, rooms
  });
});
