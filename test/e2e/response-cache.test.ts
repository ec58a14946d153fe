import { randomUUID } from "node:crypto";
import { pinClock } from "@kit/clock";
import { TEST_KEYS } from "@kit/testing";
import { EVENTS_PATH } from "@gateway/response-cache";
import { ANONYMOUS_CLAIMS } from "@platform/identity";
import { signedHeaders } from "@platform/request-signing";
import { eventually } from "../support/eventually";
import { GraphQLResponse, startTestHub, TestHub } from "../support/hub";
import { operation } from "../support/operations";
import { ask, BIRTHDAY, DAY, DAY_BOARD, DIRECTORY_VARIABLES, hallBusy, M2, metric, PUBLIC_DIRECTORY } from "../support/response-cache";

// Issue 12, point 5: anonymous and partner reads served from the gateway's response cache, cleared by the events of
// the facts they show. The real gateway and the four subgraphs (their relays deliver to the gateway), on the test's
// store, the cache in the gateway's memory (response-cache-redis.test.ts: in Redis, shared by two gateways).

beforeAll(() => pinClock(new Date("2022-03-12T09:00:00+08:00"))); // the demo's today (DOMAIN §10)
afterAll(() => pinClock(null));

describe("in the gateway's memory", () => {
  let hub: TestHub;
  let leader: string;
  let partner: string;
  let url: string;

  beforeAll(async () => {
    hub = await startTestHub({ gateway: { responseCache: { ttlSeconds: 300, maxEntries: 1000 } } });
    url = hub.gateway.url;
    leader = await hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
    partner = await hub.token({ roles: ["PARTNER"] });
  });
  afterAll(() => hub?.stop());

  test("the anonymous public directory (Q12) asked twice: the second answer comes from the cache, byte for byte", async () => {
    const hits = await metric(url, "hub_response_cache_hits_total", { operation: "PublicDirectory" });
    const fetches = await metric(url, "hub_subgraph_fetch_duration_seconds_count");
    const first = await ask(url, PUBLIC_DIRECTORY, DIRECTORY_VARIABLES);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.area.organizations.nodes.length).toBeGreaterThan(0);
    expect(first.cache).toBe("miss");
    const afterFirst = await metric(url, "hub_subgraph_fetch_duration_seconds_count");
    expect(afterFirst).toBeGreaterThan(fetches);

    const second = await ask(url, PUBLIC_DIRECTORY, DIRECTORY_VARIABLES);
    expect(second.cache).toBe("hit");
    expect(second.text).toBe(first.text);
    expect(await metric(url, "hub_subgraph_fetch_duration_seconds_count")).toBe(afterFirst);
    expect(await metric(url, "hub_response_cache_hits_total", { operation: "PublicDirectory" })).toBe(hits + 1);
  });

  test("other variables are another entry", async () => {
    const other = await ask(url, PUBLIC_DIRECTORY, { ...DIRECTORY_VARIABLES, period: { from: "2020-01-01", to: "2020-12-31" } });
    expect(other.cache).toBe("miss");
  });

  test("a leader's answer is never looked up nor stored", async () => {
    const stores = await metric(url, "hub_response_cache_stores_total");
    for (let i = 0; i < 2; i++) {
      const answer = await ask(url, PUBLIC_DIRECTORY, DIRECTORY_VARIABLES, leader);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.cache).toBeNull();
    }
    expect(await metric(url, "hub_response_cache_stores_total")).toBe(stores);
  });

  test("an anonymous and a partner answer are never shared; partners share theirs", async () => {
    const variables = { facilityId: "fac_cq_incubator", date: "2022-03-16" };
    expect((await ask(url, DAY_BOARD, variables)).cache).toBe("miss");
    expect((await ask(url, DAY_BOARD, variables)).cache).toBe("hit");
    expect((await ask(url, DAY_BOARD, variables, partner)).cache).toBe("miss");
    expect((await ask(url, DAY_BOARD, variables, await hub.token({ roles: ["PARTNER"] }))).cache).toBe("hit");
  });

  test("mutations and answers with errors are not cached", async () => {
    const bad = await ask(url, DAY_BOARD, { facilityId: "fac_zx_center", date: "2022-02-30" });
    expect(bad.body.errors?.[0].extensions?.code).toBeDefined();
    expect((await ask(url, DAY_BOARD, { facilityId: "fac_zx_center", date: "2022-02-30" })).cache).not.toBe("hit");
  });

  test("a booking made through M2 clears that room's day: the next read misses and shows it; another facility's day stays a hit", async () => {
    const here = { facilityId: "fac_zx_center", date: DAY };
    const elsewhere = { facilityId: "fac_sly_center", date: DAY };
    const before = await ask(url, DAY_BOARD, here);
    expect(hallBusy(before)).toBe(false);
    expect((await ask(url, DAY_BOARD, here)).cache).toBe("hit");
    await ask(url, DAY_BOARD, elsewhere);
    const elsewhereCached = await ask(url, DAY_BOARD, elsewhere);
    expect(elsewhereCached.cache).toBe("hit");
    const q1 = operation("FreeRoomsNextTuesday"); // public free/busy: rooms with a free slot
    const near = { area: "340111X01C01", date: DAY };
    expect((await ask(url, q1, near)).body.data.availableRooms.map((r: { room: { id: string } }) => r.room.id)).toEqual(["room_zx_hall"]);
    expect((await ask(url, q1, near)).cache).toBe("hit");
    const invalidations = await metric(url, "hub_response_cache_invalidations_total", { type: "RoomBookingsChanged" });

    const booked = await hub.query(M2, { input: BIRTHDAY }, leader);
    expect(booked.body.errors).toBeUndefined();
    expect(booked.body.data.createBooking.conflicts).toEqual([]);

    await eventually(async () => expect(await metric(url, "hub_response_cache_invalidations_total", { type: "RoomBookingsChanged" })).toBeGreaterThan(invalidations));
    const after = await ask(url, DAY_BOARD, here);
    expect(after.cache).toBe("miss");
    expect(hallBusy(after)).toBe(true);
    const still = await ask(url, DAY_BOARD, elsewhere);
    expect(still.cache).toBe("hit");
    expect(still.text).toBe(elsewhereCached.text);
    const free = await ask(url, q1, near);
    expect([free.cache, free.body.data.availableRooms]).toEqual(["miss", []]);
  });

  test("a filing the street approves clears that organization and its areas' directory pages; free/busy stays", async () => {
    const clerk = await hub.token({ sub: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] });
    const ORG = `query Org($id: ID!) { organization(id: $id) { id legalForm homeArea { code } } }`;
    const team = { id: "org_cq_queue_3" }; // 竹西社区亲子共读站, an informal team in street review (DOMAIN §10.2)
    const first = await ask(url, ORG, team);
    expect(first.body.data.organization.legalForm).toBe("INFORMAL");
    expect((await ask(url, ORG, team)).cache).toBe("hit");
    const community = first.body.data.organization.homeArea.code;
    const page = { ...DIRECTORY_VARIABLES, community };
    await ask(url, PUBLIC_DIRECTORY, page);
    expect((await ask(url, PUBLIC_DIRECTORY, page)).cache).toBe("hit");
    const board = { facilityId: "fac_cq_incubator", date: "2022-03-16" };
    await ask(url, DAY_BOARD, board);
    const invalidations = await metric(url, "hub_response_cache_invalidations_total", { type: "OrganizationListingChanged" });

    const approved = await hub.query(`mutation { transitionFiling(filingId: "fil_cq_0258", action: APPROVE) { status } }`, {}, clerk);
    expect(approved.body.errors).toBeUndefined();

    await eventually(async () => expect(await metric(url, "hub_response_cache_invalidations_total", { type: "OrganizationListingChanged" })).toBeGreaterThan(invalidations));
    const after = await ask(url, ORG, team);
    expect(after.cache).toBe("miss");
    expect(after.body.data.organization.legalForm).toBe("FILED");
    expect((await ask(url, PUBLIC_DIRECTORY, page)).cache).toBe("miss");
    expect((await ask(url, DAY_BOARD, board)).cache).toBe("hit");
  });

  test("the event receiver takes only signed events of the catalog from their producer", async () => {
    const eventsUrl = url.replace(/\/graphql$/, EVENTS_PATH);
    const deliver = async (producer: string, type: string, payload: unknown, version = 1) => {
      const body = JSON.stringify({
        query: "mutation Deliver($id: ID!, $type: String!, $version: Int!, $aggregateId: ID!, $occurredAt: DateTime!, $payload: String!) { gatewayReceiveEvent(id: $id, type: $type, version: $version, aggregateId: $aggregateId, occurredAt: $occurredAt, payload: $payload) }",
        variables: { id: "evt_01JTESTTESTTESTTESTTESTTES", type, version, aggregateId: "room_zx_hall", occurredAt: new Date().toISOString(), payload: JSON.stringify(payload) },
      });
      const headers = signedHeaders({ keyId: producer, key: TEST_KEYS.services[producer] }, { method: "POST", path: EVENTS_PATH, audience: "gateway" }, { ...ANONYMOUS_CLAIMS, service: producer }, `evt-${randomUUID()}`, body);
      const response = await fetch(eventsUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      return { status: response.status, body: (await response.json()) as GraphQLResponse };
    };
    const payload = { roomId: "room_zx_hall", facilityId: "fac_zx_center", days: [DAY] };
    expect(await deliver("venues", "RoomBookingsChanged", payload)).toEqual({ status: 200, body: { data: { gatewayReceiveEvent: true } } });
    expect((await deliver("organizations", "RoomBookingsChanged", payload)).body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await deliver("venues", "RoomBookingsChanged", { roomId: "room_zx_hall" })).body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await deliver("venues", "RoomBookingsChanged", payload, 2)).body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await deliver("venues", "SomethingElse", payload)).body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const unsigned = await fetch(eventsUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(unsigned.status).toBe(401);
    expect(JSON.stringify(await unsigned.json())).not.toMatch(/at .*\.ts|SELECT/);
  });
});
