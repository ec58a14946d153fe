import { pinClock } from "@kit/clock";
import { statementCounter } from "@kit/db";
import { log, logTo } from "@platform/log";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { GraphQLResponse, startTestHub, TestHub } from "../support/hub";
import { Sample, scrape, total } from "../support/prometheus";

// What an operator sees of the hub: /metrics, the JSON log lines, /health and /ready, on the gateway and each subgraph.
let hub: TestHub;
const FIFTY = 50;

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today: the booking below is bookable then
  hub = await startTestHub();
  // the outbox relays poll on their own; their statements count in hub_sql_statements_total but not in a request's
  // counter, so they would make the exact comparisons below race with a timer
  for (const subgraph of Object.values(hub.subgraphs)) await subgraph.relay?.stop();
  const organizations = hub.subgraphs.organizations.db.getRepository(Organization);
  const template = await organizations.findOneByOrFail({ id: "org_jiaqiao" });
  await organizations.insert(Array.from({ length: FIFTY }, (_, i) => ({ ...template, id: `org_obs${String(i).padStart(3, "0")}`, name: `指标观测组织${i}` })));
});
afterAll(async () => {
  pinClock(null);
  await hub?.stop();
});

/** Scrapes `url` around `action` and returns how much a metric moved, as `increase()` would. */
async function around(urls: string[], action: () => Promise<unknown>): Promise<(url: string, name: string, labels?: Record<string, string>) => number> {
  const before = new Map<string, Sample[]>();
  for (const url of urls) before.set(url, await scrape(url));
  await action();
  const after = new Map<string, Sample[]>();
  for (const url of urls) after.set(url, await scrape(url));
  return (url, name, labels = {}) => total(after.get(url)!, name, labels) - total(before.get(url)!, name, labels);
}

test("a request is counted and timed under its operation name at the gateway and at each subgraph it reached", async () => {
  const { gateway, subgraphs } = hub;
  const urls = [gateway.url, subgraphs.organizations.url, subgraphs.venues.url];
  const delta = await around(urls, async () => {
    const named = await hub.query("query DirectoryPage { organizations(first: 3) { nodes { name bookings { id } } } }");
    expect(named.body.errors).toBeUndefined();
    const anonymous = await hub.query("{ organizations(first: 1) { totalCount } }");
    expect(anonymous.body.errors).toBeUndefined();
  });

  expect(delta(gateway.url, "hub_graphql_requests_total", { service: "gateway", operation: "DirectoryPage" })).toBe(1);
  expect(delta(gateway.url, "hub_graphql_request_duration_seconds_count", { service: "gateway", operation: "DirectoryPage" })).toBe(1);
  expect(delta(gateway.url, "hub_graphql_request_duration_seconds_sum", { service: "gateway", operation: "DirectoryPage" })).toBeGreaterThan(0);
  expect(delta(gateway.url, "hub_graphql_requests_total", { service: "gateway", operation: "anonymous" })).toBe(1);
  // the gateway names its subgraph operations after the client's, so they stay recognizable in each subgraph
  expect(delta(subgraphs.organizations.url, "hub_graphql_requests_total", { service: "organizations", operation: "DirectoryPage__organizations__0" })).toBe(1);
  expect(delta(subgraphs.venues.url, "hub_graphql_requests_total", { service: "venues", operation: "DirectoryPage__venues__1" })).toBe(1);
  expect(delta(gateway.url, "hub_subgraph_fetch_duration_seconds_count", { subgraph: "organizations" })).toBe(2);
  expect(delta(gateway.url, "hub_subgraph_fetch_duration_seconds_count", { subgraph: "venues" })).toBe(1);
  expect(delta(gateway.url, "hub_graphql_errors_total")).toBe(0);
});

test("errors are counted under their code where they happen and at the gateway that passes them on", async () => {
  const { gateway, subgraphs } = hub;
  const delta = await around([gateway.url, subgraphs.organizations.url], async () => {
    const wrongKind = await hub.query('query OneOrganization { organization(id: "room_zx_hall") { name } }');
    expect(wrongKind.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    const badToken = await hub.query("query OneOrganization { organizations { totalCount } }", {}, "not-a-token");
    expect(badToken.status).toBe(401);
  });

  expect(delta(subgraphs.organizations.url, "hub_graphql_errors_total", { service: "organizations", code: "BAD_USER_INPUT" })).toBe(1);
  expect(delta(gateway.url, "hub_graphql_errors_total", { service: "gateway", code: "BAD_USER_INPUT" })).toBe(1);
  // refused before any GraphQL ran: counted all the same
  expect(delta(gateway.url, "hub_graphql_errors_total", { service: "gateway", code: "UNAUTHENTICATED" })).toBe(1);
  expect(delta(gateway.url, "hub_graphql_requests_total", { service: "gateway" })).toBe(2);
});

test("SQL statements and their durations are counted for the subgraph that ran them", async () => {
  const { venues, organizations } = hub.subgraphs;
  const ran = { venues: statementCounter(venues.db).count, organizations: statementCounter(organizations.db).count };
  const delta = await around([venues.url], async () => {
    const { body } = await hub.query('query DayBoard { roomDayBoard(facilityId: "fac_zx_center", date: "2022-03-15") { room { name } bookings { startsAt } } }');
    expect(body.errors).toBeUndefined();
  });
  const venuesRan = statementCounter(venues.db).count - ran.venues;

  expect(venuesRan).toBeGreaterThan(0);
  expect(delta(venues.url, "hub_sql_statements_total", { subgraph: "venues" })).toBe(venuesRan);
  expect(delta(venues.url, "hub_sql_statement_duration_seconds_count", { subgraph: "venues" })).toBe(venuesRan);
  expect(delta(venues.url, "hub_sql_statement_duration_seconds_sum", { subgraph: "venues" })).toBeGreaterThan(0);
  expect(delta(venues.url, "hub_sql_statements_total", { subgraph: "organizations" })).toBe(statementCounter(organizations.db).count - ran.organizations);
  expect(statementCounter(organizations.db).count - ran.organizations).toBe(0);
});

test("a list of 50 organizations shows as one DataLoader batch of 50 in the subgraph that adds their bookings", async () => {
  const { venues } = hub.subgraphs;
  const loader = { subgraph: "venues", loader: "bookingsByOrganization" };
  const delta = await around([venues.url], async () => {
    const { body } = await hub.query(`query FiftyOrganizations { organizations(filter: { search: "指标观测组织" }, first: ${FIFTY}) { nodes { id bookings { id } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.organizations.nodes).toHaveLength(FIFTY);
  });

  expect(delta(venues.url, "hub_dataloader_batch_size_count", loader)).toBe(1);
  expect(delta(venues.url, "hub_dataloader_batch_size_sum", loader)).toBe(FIFTY);
  expect(delta(venues.url, "hub_dataloader_batch_size_bucket", { ...loader, le: "20" })).toBe(0);
  expect(delta(venues.url, "hub_dataloader_batch_size_bucket", { ...loader, le: "50" })).toBe(1);
});

test("every process serves its memory and the Node.js runtime's metrics in Prometheus' format", async () => {
  for (const running of [hub.gateway, ...Object.values(hub.subgraphs)]) {
    const response = await fetch(running.url.replace(/\/graphql$/, "/metrics"));
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = await scrape(running.url);
    expect(total(samples, "hub_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(total(samples, "hub_nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  }
});

test("one JSON log line per request on each process, under the request id the gateway passed on, without personal data", async () => {
  const name = "王某英";
  const phone = "139-0551-1234";
  const lines: string[] = [];
  const restore = logTo({ write: (line: string) => lines.push(line) });
  const level = log.level;
  log.level = "info";
  let requestId: string | null = null;
  let leader = "";
  try {
    leader = await hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
    const booking = {
      query: "mutation BookBirthdayParty($input: CreateBookingInput!) { createBooking(input: $input) { booking { id status } conflicts { reason } } }",
      variables: {
        input: {
          roomId: "room_zx_hall",
          organizationId: "org_lezhulin",
          purpose: "ACTIVITY",
          title: `${name}的生日会,联系 ${phone}`,
          expectedAttendance: 30,
          startsAt: "2022-03-14T14:00:00+08:00",
          endsAt: "2022-03-14T16:00:00+08:00",
        },
      },
    };
    const response = await fetch(hub.gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${leader}` }, body: JSON.stringify(booking) });
    requestId = response.headers.get("x-request-id");
    const body = (await response.json()) as GraphQLResponse;
    expect(body.errors).toBeUndefined();
    expect(body.data.createBooking.booking.status).toBe("CONFIRMED");

    // a person's name and phone in a response, to the person themself, stay out of the logs too
    const people = await hub.query('query Leader { organization(id: "org_lezhulin") { leader { person { displayName phone } } } }', {}, leader);
    expect(people.body.data.organization.leader.person).toEqual({ displayName: "张某琴", phone: "100-0000-0001" });
  } finally {
    restore();
    log.level = level;
  }

  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const followed = entries.filter((e) => e.requestId === requestId);
  expect(followed).toEqual([
    expect.objectContaining({ msg: "graphql request", service: "venues", operationName: expect.stringMatching(/^BookBirthdayParty__venues__/), status: 200, level: 30 }),
    expect.objectContaining({ msg: "graphql request", service: "gateway", operationName: "BookBirthdayParty", status: 200, durationMs: expect.any(Number) }),
  ]);
  expect(entries.filter((e) => e.msg === "graphql request" && e.service === "gateway")).toHaveLength(2);
  const written = JSON.stringify(entries);
  for (const secret of [name, phone, leader, "张某琴", "100-0000-0001", "生日会", "room_zx_hall"]) expect(written).not.toContain(secret);
});

test("/health is alive; /ready says what is loaded and reachable, and the gateway's names the subgraphs that are not ready", async () => {
  const get = async (url: string, path: string) => {
    const response = await fetch(url.replace(/\/graphql$/, path));
    return { status: response.status, body: await response.json() };
  };
  const { gateway, subgraphs } = hub;
  expect(await get(subgraphs.funding.url, "/ready")).toEqual({ status: 200, body: { status: "ready", database: "reachable", schema: "loaded" } });
  expect(await get(gateway.url, "/ready")).toEqual({ status: 200, body: { status: "ready", supergraph: "loaded" } });

  await subgraphs.funding.db.destroy(); // its database goes away: alive, not ready
  expect(await get(subgraphs.funding.url, "/health")).toEqual({ status: 200, body: { status: "ok" } });
  expect(await get(subgraphs.funding.url, "/ready")).toEqual({ status: 503, body: { status: "not ready", database: "unreachable", schema: "loaded" } });
  expect(await get(gateway.url, "/ready")).toEqual({ status: 503, body: { status: "not ready", supergraph: "loaded", subgraphsDown: ["funding"] } });

  await subgraphs.funding.db.initialize(); // and comes back
  expect(await get(gateway.url, "/ready")).toEqual({ status: 200, body: { status: "ready", supergraph: "loaded" } });

  await subgraphs.venues.stop(); // a subgraph that stopped (last test: the hub is not whole after this)
  expect(await get(gateway.url, "/ready")).toEqual({ status: 503, body: { status: "not ready", supergraph: "loaded", subgraphsDown: ["venues"] } });
  expect((await get(gateway.url, "/health")).status).toBe(200);
});
