import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking } from "@subgraphs/venues/bookings/booking.entity";
import { Facility } from "@subgraphs/venues/facilities/facility.entity";
import { Room } from "@subgraphs/venues/facilities/room.entity";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { BookingPurpose, FacilityType, RoomKind } from "@subgraphs/venues/facilities/facility.enums";
import { bookingRow, DEMO_NOW, LEZHULIN_LEADER } from "./fixtures";

let subgraph: RunningSubgraph;

beforeAll(async () => {
  pinClock(DEMO_NOW);
  subgraph = await startTestSubgraph(venuesSubgraph, { seed: true });
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

describe("query roots on the demo data", () => {
  test("facility(id) serves the 竹西社区 centre with its rooms, area and a non-hub operator as null", async () => {
    const { body } = await signedRequest(
      subgraph.url,
      `query($id: ID!) { facility(id: $id) { id name type area { code } operator { id } address publicPhone rooms { id name kind capacity bookable features facility { id } } } }`,
      { id: "fac_zx_center" },
    );
    expect(body.errors).toBeUndefined();
    const facility = body.data.facility;
    expect(facility).toMatchObject({ name: "竹西社区党群服务中心", type: "COMMUNITY_SERVICE_CENTER", area: { code: "340111X01C01" }, operator: null });
    expect(facility.publicPhone).toMatch(/^100-0000-\d{4}$/);
    expect(facility.rooms.map((r: { id: string; name: string; kind: string; capacity: number }) => [r.id, r.name, r.kind, r.capacity])).toEqual([
      ["room_zx_a", "活动室A", "ACTIVITY_ROOM", 20],
      ["room_zx_hall", "多功能厅", "MULTIPURPOSE_HALL", 60],
      ["room_zx_meeting", "会议室", "MEETING_ROOM", 12],
    ]);
    expect(facility.rooms.every((r: { facility: { id: string } }) => r.facility.id === "fac_zx_center")).toBe(true);
  });

  test("facility(id) names a hub organization as operator, and is null for an unknown facility", async () => {
    const { body } = await signedRequest(subgraph.url, `{ sws: facility(id: "fac_cq_sws") { operator { id } } nope: facility(id: "fac_nope") { id } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ sws: { operator: { id: "org_ailin" } }, nope: null });
  });

  test("the incubation base has six desks let by tenancy, not bookable by the hour", async () => {
    const { body } = await signedRequest(subgraph.url, `{ facility(id: "fac_cq_incubator") { rooms { id kind capacity bookable } } }`);
    const desks = body.data.facility.rooms.filter((r: { kind: string }) => r.kind === "INCUBATION_DESK");
    expect(desks).toHaveLength(6);
    expect(desks.every((d: { capacity: number; bookable: boolean }) => d.capacity === 4 && !d.bookable)).toBe(true);
  });

  test("facilities(areaCode) covers the whole subtree of a street, and a city covers its districts", async () => {
    const query = `query($area: ID, $types: [FacilityType!]) { facilities(areaCode: $area, types: $types) { totalCount nodes { id } } }`;
    const street = await signedRequest(subgraph.url, query, { area: "340111X01" });
    expect(street.body.errors).toBeUndefined();
    expect(ids(street.body.data.facilities.nodes)).toEqual(["fac_cq_incubator", "fac_cq_sws", "fac_zx_center"]);

    const hefei = await signedRequest(subgraph.url, query, { area: "340100" });
    expect(hefei.body.data.facilities.totalCount).toBe(7);
    expect(ids(hefei.body.data.facilities.nodes)).not.toContain("fac_tl_square");

    const centres = await signedRequest(subgraph.url, query, { area: "340100", types: ["COMMUNITY_SERVICE_CENTER", "NEIGHBORHOOD_POINT"] });
    expect(ids(centres.body.data.facilities.nodes)).toEqual(["fac_jq_point", "fac_sly_center", "fac_zx_center"]);
  });

  test("facilities pages on with the end cursor", async () => {
    const query = `query($after: String) { facilities(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
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
          { __typename: "Facility", id: "fac_tl_square" },
          { __typename: "Room", id: "room_cq_sws_training" },
          { __typename: "Booking", id: "bkg_lzl_202203_birthday" },
          { __typename: "Facility", id: "fac_nope" },
          { __typename: "Room", id: "fac_zx_center" },
          { __typename: "Booking", id: "not an id; DROP TABLE bookings" },
          { __typename: "Equipment", id: "eqp_jq_hair" },
          { __typename: "Equipment", id: "room_zx_hall" },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: "fac_tl_square", name: "铜陵某小区广场" },
      { id: "room_cq_sws_training", name: "培训室", capacity: 40, facility: { id: "fac_cq_sws" } },
      {
        id: "bkg_lzl_202203_birthday",
        title: "二月集体生日会",
        status: "COMPLETED",
        expectedAttendance: 45,
        startsAt: "2022-02-22T09:00:00.000+08:00",
        endsAt: "2022-02-22T11:00:00.000+08:00",
        holdExpiresAt: null,
        purpose: "ACTIVITY",
        room: { id: "room_zx_hall" },
        organization: { id: "org_lezhulin" },
        requestedBy: null, // anonymous: who asked for it is not public (DOMAIN §9.2)
      },
      null,
      null,
      null,
      { id: "eqp_jq_hair", type: "HAIRDRESSING_KIT", quantity: 1, movable: true, installedIn: null },
      null,
    ]);
  });

  test("the booking organization's leader sees who requested a booking; the public sees only its public title", async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Booking { id title requestedBy { id } } } }`;
    const reps = [{ __typename: "Booking", id: "bkg_lzl_202203_birthday" }, { __typename: "Booking", id: "bkg_jq_202203_meeting" }];
    const leader = await signedRequest(subgraph.url, query, { reps }, LEZHULIN_LEADER);
    expect(leader.body.data._entities).toEqual([
      { id: "bkg_lzl_202203_birthday", title: "二月集体生日会", requestedBy: { id: "per_zhang_leader" } },
      { id: "bkg_jq_202203_meeting", title: "已预约", requestedBy: null },
    ]);
  });

  test("Organization.bookings lists the academy's course bookings in a March range, on the Shanghai calendar", async () => {
    const { body } = await signedRequest(subgraph.url, ORG_BOOKINGS, {
      reps: orgs("org_ailin", "org_jiaqiao", "org_nope", "per_zhang_leader"),
      range: { from: "2022-03-01", to: "2022-03-31" },
    });
    expect(body.errors).toBeUndefined();
    const [ailin, jiaqiao, unknown, wrongKind] = body.data._entities;
    expect(ids(ailin.bookings)).toEqual(["bkg_zx_0315_supervision", "bkg_zx_0315_lecture", "bkg_bs2022s1_1", "bkg_bs2022s1_2"]);
    expect(ailin.bookings[2]).toMatchObject({
      status: "CONFIRMED",
      title: "骨干培养与团队传承",
      startsAt: "2022-03-22T13:30:00.000+08:00",
      endsAt: "2022-03-22T16:30:00.000+08:00",
      room: { name: "培训室", facility: { name: "常青街道社工站" } },
      organization: { id: "org_ailin" },
      requestedBy: null,
    });
    expect(ids(jiaqiao.bookings)).toEqual(["bkg_zx_0311_noshow", "bkg_jq_202203_meeting", "bkg_zx_0315_cancelled"]);
    expect(jiaqiao.bookings[1].title).toBe("已预约"); // a private booking seen by the public is a busy block
    expect(unknown.bookings).toEqual([]);
    expect(wrongKind.bookings).toEqual([]);
  });

  test("Organization.bookings filters by status and returns everything without a range", async () => {
    const completed = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_lezhulin"), status: ["COMPLETED"] });
    expect(completed.body.data._entities[0].bookings).toHaveLength(12); // eleven 2021 birthday parties and February's
    expect(ids(completed.body.data._entities[0].bookings).at(-1)).toBe("bkg_lzl_202203_birthday");
    const confirmed = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_lezhulin", "org_ailin"), status: ["CONFIRMED"] });
    expect(ids(confirmed.body.data._entities[0].bookings)).toEqual(["bkg_zx_0315_handcraft"]);
    expect(ids(confirmed.body.data._entities[1].bookings)).toEqual(["bkg_zx_0315_supervision", "bkg_bs2022s1_1", "bkg_bs2022s1_2", "bkg_bs2022s1_3", "bkg_bs2022s1_4"]);
  });

  test("a booking at 00:30 in Shanghai belongs to that business day, not to the UTC day before", async () => {
    await subgraph.db.getRepository(Booking).insert(
      bookingRow({
        id: "bkg_tz_early",
        roomId: "room_zx_a",
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
    const { body } = await signedRequest(subgraph.url, AREA_FACILITIES, { reps: areas("340104Z01", "340111X01C01", "340700", "not-a-code") });
    expect(body.errors).toBeUndefined();
    const [zone, community, tongling, malformed] = body.data._entities;
    expect(ids(zone.facilities)).toEqual(["fac_jq_point", "fac_sjk_sws", "fac_sly_center"]);
    expect(ids(community.facilities)).toEqual(["fac_zx_center"]);
    expect(ids(tongling.facilities)).toEqual(["fac_tl_square"]);
    expect(malformed.facilities).toEqual([]);

    const typed = await signedRequest(subgraph.url, AREA_FACILITIES, { reps: areas("340100"), types: ["SOCIAL_WORK_STATION"] });
    expect(ids(typed.body.data._entities[0].facilities)).toEqual(["fac_cq_sws", "fac_sjk_sws"]);
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
      const areaCode = `340111X01C01P${pad(i)}`;
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
        const reps = areas(...Array.from({ length: n }, (_, i) => `340111X01C01P${pad(i + 1)}`));
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
    const { body } = await signedRequest(subgraph.url, `{ facility(id: "room_zx_hall") { id } }`);
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
    const backwards = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_ailin"), range: { from: "2022-03-31", to: "2022-03-01" } });
    expect(codeOf(backwards.body)).toBe("BAD_USER_INPUT");
    expect(backwards.body.errors![0].message).toMatch(/^range:/);
    const leapYear = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_ailin"), range: { from: "2024-01-01", to: "2024-12-31" } });
    expect(leapYear.body.errors).toBeUndefined();
    const tooLong = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_ailin"), range: { from: "2022-01-01", to: "2023-01-02" } });
    expect(codeOf(tooLong.body)).toBe("BAD_USER_INPUT");
  });

  test("a range day that is not a calendar date", async () => {
    const { body } = await signedRequest(subgraph.url, ORG_BOOKINGS, { reps: orgs("org_ailin"), range: { from: "2022-02-30", to: "2022-03-01" } });
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
  });
});
