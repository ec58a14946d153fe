import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking, BookingStatus, BookingVisibility } from "@subgraphs/venues/bookings";
import { BookingPurpose, EquipmentType, Facility, FacilityType, Room, RoomKind } from "@subgraphs/venues/facilities";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { addTestBooking, addTestFacility, bookingRow, DEMO_NOW, leaderOf } from "./fixtures";

let subgraph: RunningSubgraph;

beforeAll(async () => {
  pinClock(DEMO_NOW);
  subgraph = await startTestSubgraph(venuesSubgraph, { seed: true });
  // a directory of the test's own in the made-up city 349700: district 349701 with a station on street S01, a centre and
  // its neighbourhood point in community S01C01 and a centre on street S02; district 349702 with another station;
  // and a square in the made-up city 349600
  const { SOCIAL_WORK_STATION, COMMUNITY_SERVICE_CENTER, NEIGHBORHOOD_POINT, OUTDOOR_SQUARE } = FacilityType;
  const tree: [string, string, FacilityType][] = [
    ["tree_street", "349701S01", SOCIAL_WORK_STATION],
    ["tree_centre", "349701S01C01", COMMUNITY_SERVICE_CENTER],
    ["tree_point", "349701S01C01P01", NEIGHBORHOOD_POINT],
    ["tree_other", "349701S02C01", COMMUNITY_SERVICE_CENTER],
    ["tree_district", "349702S01", SOCIAL_WORK_STATION],
    ["tree_far", "349601S01C01", OUTDOOR_SQUARE],
  ];
  for (const [key, areaCode, type] of tree) await addTestFacility(subgraph.db, key, { areaCode, type });
});
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

const ids = (list: { id: string }[]) => list.map((item) => item.id);

const ORG_BOOKINGS = `query($reps: [_Any!]!, $range: DateRangeInput, $status: [BookingStatus!]) {
  _entities(representations: $reps) {
    ... on Organization { id bookings(range: $range, status: $status) { id status title startsAt endsAt room { name facility { name } } organization { id } requestedBy { id } } }
  }
}`;

const AREA_FACILITIES = `query($reps: [_Any!]!, $types: [FacilityType!]) {
  _entities(representations: $reps) { ... on Area { code facilities(types: $types) { id rooms { id } } } }
}`;

const orgs = (...orgIds: string[]) => orgIds.map((id) => ({ __typename: "Organization", id }));
const areas = (...codes: string[]) => codes.map((code) => ({ __typename: "Area", code }));

describe("query roots", () => {
  test("facility(id) serves a community centre with its rooms, area and a non-hub operator as null", async () => {
    const { facilityId } = await addTestFacility(subgraph.db, "centre", {
      name: "测试社区党群服务中心",
      areaCode: "349901S01C01",
      operatorName: "测试社区居委会",
      publicPhone: "100-0000-0199",
      rooms: [
        { name: "活动室A", kind: RoomKind.ACTIVITY_ROOM, capacity: 20 },
        { name: "多功能厅", kind: RoomKind.MULTIPURPOSE_HALL, capacity: 60 },
        { name: "会议室", kind: RoomKind.MEETING_ROOM, capacity: 12 },
      ],
    });
    const { body } = await signedRequest(
      subgraph.url,
      `query($id: ID!) { facility(id: $id) { id name type area { code } operator { id } address publicPhone rooms { id name kind capacity bookable features facility { id } } } }`,
      { id: facilityId },
    );
    expect(body.errors).toBeUndefined();
    const facility = body.data.facility;
    expect(facility).toMatchObject({ name: "测试社区党群服务中心", type: "COMMUNITY_SERVICE_CENTER", area: { code: "349901S01C01" }, operator: null, publicPhone: "100-0000-0199" });
    expect(facility.rooms.map((r: { id: string; name: string; kind: string; capacity: number }) => [r.id, r.name, r.kind, r.capacity])).toEqual([
      ["room_t_centre_1", "活动室A", "ACTIVITY_ROOM", 20],
      ["room_t_centre_2", "多功能厅", "MULTIPURPOSE_HALL", 60],
      ["room_t_centre_3", "会议室", "MEETING_ROOM", 12],
    ]);
    expect(facility.rooms.every((r: { facility: { id: string } }) => r.facility.id === facilityId)).toBe(true);
  });

  test("facility(id) names a hub organization as operator, and is null for an unknown facility", async () => {
    const { facilityId } = await addTestFacility(subgraph.db, "station", { type: FacilityType.SOCIAL_WORK_STATION, operatorOrgId: "org_t_station_agency" });
    const { body } = await signedRequest(subgraph.url, `query($id: ID!) { station: facility(id: $id) { operator { id } } nope: facility(id: "fac_t_nope") { id } }`, { id: facilityId });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ station: { operator: { id: "org_t_station_agency" } }, nope: null });
  });

  test("demo: the incubation base has six desks let by tenancy, not bookable by the hour", async () => {
    const { body } = await signedRequest(subgraph.url, `{ facility(id: "fac_cq_incubator") { rooms { id kind capacity bookable } } }`);
    const desks = body.data.facility.rooms.filter((r: { kind: string }) => r.kind === "INCUBATION_DESK");
    expect(desks).toHaveLength(6);
    expect(desks.every((d: { capacity: number; bookable: boolean }) => d.capacity === 4 && !d.bookable)).toBe(true);
  });

  test("facilities(areaCode) covers the whole subtree of a street, and a city covers its districts", async () => {
    const query = `query($area: ID, $types: [FacilityType!]) { facilities(areaCode: $area, types: $types) { totalCount nodes { id } } }`;
    const street = await signedRequest(subgraph.url, query, { area: "349701S01" });
    expect(street.body.errors).toBeUndefined();
    expect(ids(street.body.data.facilities.nodes)).toEqual(["fac_t_tree_centre", "fac_t_tree_point", "fac_t_tree_street"]);

    const city = await signedRequest(subgraph.url, query, { area: "349700" });
    expect(city.body.data.facilities.totalCount).toBe(5);
    expect(ids(city.body.data.facilities.nodes)).not.toContain("fac_t_tree_far");

    const centres = await signedRequest(subgraph.url, query, { area: "349700", types: ["COMMUNITY_SERVICE_CENTER", "NEIGHBORHOOD_POINT"] });
    expect(ids(centres.body.data.facilities.nodes)).toEqual(["fac_t_tree_centre", "fac_t_tree_other", "fac_t_tree_point"]);
  });

  test("facilities pages on with the end cursor", async () => {
    for (let i = 1; i <= 8; i += 1) await addTestFacility(subgraph.db, `page_${i}`, { areaCode: `349901S11C0${i}` });
    const query = `query($after: String) { facilities(areaCode: "349901S11", first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const first = await signedRequest(subgraph.url, query);
    expect(first.body.data.facilities.totalCount).toBe(8);
    expect(first.body.data.facilities.pageInfo.hasNextPage).toBe(true);
    const second = await signedRequest(subgraph.url, query, { after: first.body.data.facilities.pageInfo.endCursor });
    expect(second.body.data.facilities.pageInfo.hasNextPage).toBe(false);
    const all = [...ids(first.body.data.facilities.nodes), ...ids(second.body.data.facilities.nodes)];
    expect(new Set(all).size).toBe(8);
  });
});

describe("federation references", () => {
  // a social-work station of the test's own: an agency's supervision, lecture and course sessions, and a club's
  // bookings from 2021 to March 2022 in every state
  const agency = "org_t_fed_agency";
  const club = "org_t_fed_club";
  const clubLeader = leaderOf(club).personId;
  let roomIds: string[];

  beforeAll(async () => {
    ({ roomIds } = await addTestFacility(subgraph.db, "fed", {
      name: "测试社工站",
      type: FacilityType.SOCIAL_WORK_STATION,
      rooms: [{ name: "培训室", kind: RoomKind.CLASSROOM, capacity: 40 }, { name: "督导室", kind: RoomKind.MEETING_ROOM, capacity: 8 }],
      equipment: [{ type: EquipmentType.HAIRDRESSING_KIT, quantity: 1 }],
    }));
    const [training, supervision] = roomIds;
    const add = (key: string, roomId: string, organizationId: string, day: string, from: string, to: string, changes: Partial<Booking> = {}) =>
      addTestBooking(subgraph.db, key, { roomId, organizationId, day, from, to }, changes);
    const course = { purpose: BookingPurpose.COURSE_SESSION, title: "骨干培养与团队传承", expectedAttendance: 30, visibility: BookingVisibility.PUBLIC };
    await add("fed_supervision", supervision, agency, "2022-03-15", "10:00", "11:30", { title: "骨干督导" });
    await add("fed_lecture", training, agency, "2022-03-15", "14:00", "16:00", { title: "老年人防诈骗讲座", status: BookingStatus.PENDING_APPROVAL, approvalRequired: true, visibility: BookingVisibility.PUBLIC });
    await add("fed_course_1", training, agency, "2022-03-22", "13:30", "16:30", course);
    await add("fed_course_2", training, agency, "2022-03-29", "13:30", "16:30", course);
    await add("fed_course_3", training, agency, "2022-04-12", "13:30", "16:30", course);
    for (const [n, day] of [[1, "2021-05-25"], [2, "2021-06-22"], [3, "2021-07-27"]] as const) {
      await add(`fed_club_2021_${n}`, training, club, day, "09:00", "11:00", { status: BookingStatus.COMPLETED, visibility: BookingVisibility.PUBLIC });
    }
    await add("fed_club_feb", training, club, "2022-02-22", "09:00", "11:00", { title: "二月集体生日会", expectedAttendance: 35, status: BookingStatus.COMPLETED, visibility: BookingVisibility.PUBLIC, requestedById: clubLeader });
    await add("fed_club_noshow", supervision, club, "2022-03-11", "14:00", "15:30", { status: BookingStatus.NO_SHOW });
    await add("fed_club_meeting", supervision, club, "2022-03-14", "14:00", "15:00", { title: "巡逻排班会", requestedById: clubLeader });
    await add("fed_club_cancelled", training, club, "2022-03-15", "09:00", "10:30", { status: BookingStatus.CANCELLED });
  });

  test("_entities resolves facilities, rooms, bookings and equipment; unknown, malformed and wrong-kind ids are null", async () => {
    const { body } = await signedRequest(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Facility { id name }
        ... on Room { id name capacity facility { id } }
        ... on Booking { id title status expectedAttendance startsAt endsAt holdExpiresAt purpose room { id } organization { id } requestedBy { id } }
        ... on Equipment { id type quantity movable installedIn: room { id } }
      } }`,
      {
        reps: [
          { __typename: "Facility", id: "fac_t_fed" },
          { __typename: "Room", id: roomIds[0] },
          { __typename: "Booking", id: "bkg_t_fed_club_feb" },
          { __typename: "Facility", id: "fac_t_nope" },
          { __typename: "Room", id: "fac_t_fed" },
          { __typename: "Booking", id: "not an id; DROP TABLE bookings" },
          { __typename: "Equipment", id: "eqp_t_fed_1" },
          { __typename: "Equipment", id: roomIds[0] },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: "fac_t_fed", name: "测试社工站" },
      { id: roomIds[0], name: "培训室", capacity: 40, facility: { id: "fac_t_fed" } },
      {
        id: "bkg_t_fed_club_feb",
        title: "二月集体生日会",
        status: "COMPLETED",
        expectedAttendance: 35,
        startsAt: "2022-02-22T09:00:00.000+08:00",
        endsAt: "2022-02-22T11:00:00.000+08:00",
        holdExpiresAt: null,
        purpose: "ACTIVITY",
        room: { id: roomIds[0] },
        organization: { id: club },
        requestedBy: null, // anonymous: who asked for it is not public (DOMAIN §9.2)
      },
      null,
      null,
      null,
      { id: "eqp_t_fed_1", type: "HAIRDRESSING_KIT", quantity: 1, movable: true, installedIn: null },
      null,
    ]);
  });

  test("the booking organization's leader sees who requested a booking; the public sees only its public title", async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Booking { id title requestedBy { id } } } }`;
    const reps = [{ __typename: "Booking", id: "bkg_t_fed_club_feb" }, { __typename: "Booking", id: "bkg_t_fed_supervision" }];
    const leader = await signedRequest(subgraph.url, query, { reps }, leaderOf(club));
    expect(leader.body.data._entities).toEqual([
      { id: "bkg_t_fed_club_feb", title: "二月集体生日会", requestedBy: { id: clubLeader } },
      { id: "bkg_t_fed_supervision", title: "已预约", requestedBy: null },
    ]);
  });

  test("Organization.bookings lists an agency's course bookings in a March range, on the Shanghai calendar", async () => {
    const { body } = await signedRequest(subgraph.url, ORG_BOOKINGS, {
      reps: orgs(agency, club, "org_t_nope", "per_t_fed_club_leader"),
      range: { from: "2022-03-01", to: "2022-03-31" },
    });
    expect(body.errors).toBeUndefined();
    const [agencyRow, clubRow, unknown, wrongKind] = body.data._entities;
    expect(ids(agencyRow.bookings)).toEqual(["bkg_t_fed_supervision", "bkg_t_fed_lecture", "bkg_t_fed_course_1", "bkg_t_fed_course_2"]);
    expect(agencyRow.bookings[2]).toMatchObject({
      status: "CONFIRMED",
      title: "骨干培养与团队传承",
      startsAt: "2022-03-22T13:30:00.000+08:00",
      endsAt: "2022-03-22T16:30:00.000+08:00",
      room: { name: "培训室", facility: { name: "测试社工站" } },
      organization: { id: agency },
      requestedBy: null,
    });
    expect(ids(clubRow.bookings)).toEqual(["bkg_t_fed_club_noshow", "bkg_t_fed_club_meeting", "bkg_t_fed_club_cancelled"]);
    expect(clubRow.bookings[1].title).toBe("已预约"); // a private booking seen by the public is a busy block
    expect(unknown.bookings).toEqual([]);
    expect(wrongKind.bookings).toEqual([]);
  });

  test("Organization.bookings filters by status and returns everything without a range", async () => {
    const completed = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs(club), status: ["COMPLETED"] });
    expect(completed.body.data._entities[0].bookings).toHaveLength(4); // three in 2021 and February's
    expect(ids(completed.body.data._entities[0].bookings).at(-1)).toBe("bkg_t_fed_club_feb");
    const confirmed = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs(club, agency), status: ["CONFIRMED"] });
    expect(ids(confirmed.body.data._entities[0].bookings)).toEqual(["bkg_t_fed_club_meeting"]);
    expect(ids(confirmed.body.data._entities[1].bookings)).toEqual(["bkg_t_fed_supervision", "bkg_t_fed_course_1", "bkg_t_fed_course_2", "bkg_t_fed_course_3"]);
  });

  test("a booking at 00:30 in Shanghai belongs to that business day, not to the UTC day before", async () => {
    await subgraph.db.getRepository(Booking).insert(
      bookingRow({
        id: "bkg_tz_early",
        roomId: roomIds[0],
        organizationId: "org_tz_probe",
        purpose: BookingPurpose.OTHER,
        title: "清晨测试",
        expectedAttendance: 1,
        startsAt: new Date("2022-06-02T00:30:00+08:00"),
        endsAt: new Date("2022-06-02T01:00:00+08:00"),
      }),
    );
    const sameDay = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_tz_probe"), range: { from: "2022-06-02", to: "2022-06-02" } });
    expect(ids(sameDay.body.data._entities[0].bookings)).toEqual(["bkg_tz_early"]);
    const dayBefore = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_tz_probe"), range: { from: "2022-06-01", to: "2022-06-01" } });
    expect(dayBefore.body.data._entities[0].bookings).toEqual([]);
  });

  test("Area.facilities covers the area's subtree, filters by type, and is empty for a malformed code", async () => {
    const { body } = await signedRequest(subgraph.url, AREA_FACILITIES, { reps: areas("349701S01", "349701S02C01", "349600", "not-a-code") });
    expect(body.errors).toBeUndefined();
    const [street, community, otherCity, malformed] = body.data._entities;
    expect(ids(street.facilities)).toEqual(["fac_t_tree_centre", "fac_t_tree_point", "fac_t_tree_street"]);
    expect(ids(community.facilities)).toEqual(["fac_t_tree_other"]);
    expect(ids(otherCity.facilities)).toEqual(["fac_t_tree_far"]);
    expect(malformed.facilities).toEqual([]);

    const typed = await signedRequest(subgraph.url, AREA_FACILITIES, { reps: areas("349700"), types: ["SOCIAL_WORK_STATION"] });
    expect(ids(typed.body.data._entities[0].facilities)).toEqual(["fac_t_tree_district", "fac_t_tree_street"]);
  });
});

describe("batching", () => {
  const count = 50;
  const pad = (i: number) => String(i).padStart(2, "0");

  beforeAll(async () => {
    const facilities: Facility[] = [];
    const rooms: Room[] = [];
    const bookings: Booking[] = [];
    for (let i = 1; i <= count; i += 1) {
      const areaCode = `349901S21C01P${pad(i)}`;
      facilities.push({ id: `fac_batch_${pad(i)}`, name: `批量场地${i}`, type: FacilityType.NEIGHBORHOOD_POINT, areaCode, operatorOrgId: null, operatorName: null, address: `批量地址${i}`, publicPhone: null });
      rooms.push({ id: `room_batch_${pad(i)}`, facilityId: `fac_batch_${pad(i)}`, name: `批量活动室${i}`, kind: RoomKind.ACTIVITY_ROOM, capacity: 10, bookable: true, features: [] });
      for (const day of ["2022-05-10", "2022-05-17"]) {
        bookings.push(
          bookingRow({
            id: `bkg_batch_${pad(i)}_${day.slice(-2)}`,
            roomId: `room_batch_${pad(i)}`,
            organizationId: `org_batch_${pad(i)}`,
            title: `批量活动${i}`,
            startsAt: new Date(`${day}T09:00:00+08:00`),
            endsAt: new Date(`${day}T10:00:00+08:00`),
          }),
        );
      }
    }
    await subgraph.db.getRepository(Facility).insert(facilities);
    await subgraph.db.getRepository(Room).insert(rooms);
    await subgraph.db.getRepository(Booking).insert(bookings);
  });

  test("Organization.bookings with rooms and facilities costs as many statements for 50 organizations as for 5", async () => {
    const run = async (n: number) => {
      let entities: { bookings: { room: { facility: { name: string } } }[] }[] = [];
      const statements = await countStatements(subgraph.db, async () => {
        const reps = orgs(...Array.from({ length: n }, (_, i) => `org_batch_${pad(i + 1)}`));
        const { body } = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps, range: { from: "2022-05-01", to: "2022-05-31" }, status: ["CONFIRMED"] });
        expect(body.errors).toBeUndefined();
        entities = body.data._entities;
      });
      expect(entities).toHaveLength(n);
      expect(entities.every((e) => e.bookings.length === 2 && e.bookings[0].room.facility.name.startsWith("批量场地"))).toBe(true);
      return statements;
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(fifty).toBe(five);
    expect(five).toBe(3); // bookings, rooms, facilities: one batch each
  });

  test("Area.facilities with rooms costs as many statements for 50 areas as for 5", async () => {
    const run = async (n: number) => {
      let entities: { facilities: { id: string; rooms: { id: string }[] }[] }[] = [];
      const statements = await countStatements(subgraph.db, async () => {
        const reps = areas(...Array.from({ length: n }, (_, i) => `349901S21C01P${pad(i + 1)}`));
        const { body } = await signedRequest(subgraph.url, AREA_FACILITIES, { reps });
        expect(body.errors).toBeUndefined();
        entities = body.data._entities;
      });
      expect(entities.map((e) => ids(e.facilities))).toEqual(Array.from({ length: n }, (_, i) => [`fac_batch_${pad(i + 1)}`]));
      expect(entities.every((e) => e.facilities[0].rooms.length === 1)).toBe(true);
      return statements;
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(fifty).toBe(five);
    expect(five).toBe(2); // facilities, rooms
  });
});

describe("bad input is BAD_USER_INPUT with the argument named", () => {
  const codeOf = (body: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions?.code;

  test("a malformed facility id", async () => {
    const { body } = await signedRequest(subgraph.url, `{ facility(id: "fac zx; --") { id } }`);
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
    expect(body.errors![0].message).toMatch(/^id:/);
  });

  test("an id of the wrong kind", async () => {
    const { body } = await signedRequest(subgraph.url, `{ facility(id: "room_t_any") { id } }`);
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
    expect(body.errors![0].extensions).toMatchObject({ expectedType: "Facility", actualType: "Room" });
  });

  test("first: 10000", async () => {
    const { body } = await signedRequest(subgraph.url, `{ facilities(first: 10000) { totalCount } }`);
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
    expect(body.errors![0].message).toMatch(/^first:/);
  });

  test("a malformed areaCode and a foreign cursor", async () => {
    const area = await signedRequest(subgraph.url, `{ facilities(areaCode: "340111%") { totalCount } }`);
    expect(codeOf(area.body)).toBe("BAD_USER_INPUT");
    const cursor = await signedRequest(subgraph.url, `{ facilities(after: "bm9wZQ") { totalCount } }`);
    expect(codeOf(cursor.body)).toBe("BAD_USER_INPUT");
  });

  test("a booking range that runs backwards or spans more than 366 days", async () => {
    const backwards = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_t_any"), range: { from: "2022-03-31", to: "2022-03-01" } });
    expect(codeOf(backwards.body)).toBe("BAD_USER_INPUT");
    expect(backwards.body.errors![0].message).toMatch(/^range:/);
    const leapYear = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_t_any"), range: { from: "2024-01-01", to: "2024-12-31" } });
    expect(leapYear.body.errors).toBeUndefined();
    const tooLong = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_t_any"), range: { from: "2022-01-01", to: "2023-01-02" } });
    expect(codeOf(tooLong.body)).toBe("BAD_USER_INPUT");
  });

  test("a range day that is not a calendar date", async () => {
    const { body } = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_t_any"), range: { from: "2022-02-30", to: "2022-03-01" } });
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
  });
});
