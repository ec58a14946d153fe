import { join } from "node:path";
import { DataSource } from "typeorm";
import { mintToken } from "@gateway/auth";
import { pinClock } from "@kit/clock";
import { openDataSource } from "@kit/db";
import { TEST_KEYS } from "@kit/testing";
import { exportKey } from "@platform/request-signing";
import { acrossFour } from "@scripts/bench/operations";
import { HubProcess, stopAll } from "@scripts/bench/processes";
import { Peers, startPeers, VARIANTS } from "@scripts/bench/peers/start-peers";
import { ratiosTable, variantsTable } from "@scripts/bench/peers/table";
import { comparePeers, PeerComparison } from "@scripts/bench/peers/variants";
import { stagesOf } from "@scripts/bench/peers/recorder";
import { DEMO_SUBJECTS } from "@scripts/bench/subjects";
import { InProcessHub, startInProcessHub } from "@scripts/in-process-hub";
import { freeSlots, SlotFacts } from "@scripts/bench/free-slots";
import { spawn } from "node:child_process";
import { cpuTicks, parseStat, parseStatus, peakMemoryKib, processTree } from "@scripts/bench/proc";
import { eventually } from "../support/eventually";
import { parseExposition, total } from "@scripts/bench/prometheus";
import { Counters, markdownTable, median, Round, summarize } from "@scripts/bench/report";
import { readSlotFacts } from "@scripts/bench/slot-facts";
import { checkBookingRules } from "@subgraphs/venues/bookings/booking.rules";
import { facilityPolicy, readRuleFacts, roomIdsOf } from "@subgraphs/venues/bookings/rule-facts.service";
import { Booking, BOOKING_DEFAULTS, BookingStatus, OrgEligibility } from "@subgraphs/venues/bookings";
import { BookingPurpose, DEFAULT_POLICY, Facility, Room } from "@subgraphs/venues/facilities";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";

// npm run bench (scripts/bench/): what it reads of /proc and /metrics, its arithmetic, the free slots M2 books, and
// the peers path on the demo data with short rounds. No timings are asserted: speed is the bench's to report.

describe("/proc", () => {
  test("ppid is field 4, utime and stime 14 and 15, the reaped children's 16 and 17, counted from the last ')' (a command may hold spaces and parentheses)", () => {
    const line = "4242 (node (bench) x) S 1 4242 4242 0 -1 4194560 12345 0 12 0 731 96 40 7 20 0 11 0 987654 1300000000 40000 18446744073709551615";
    expect(parseStat(line)).toEqual({ ppid: 1, utime: 731, stime: 96, cutime: 40, cstime: 7 });
  });

  test("a process's tree holds its children and theirs (HUB_WORKERS: a primary and its workers), whose CPU and memory count", async () => {
    // a child that forks a grandchild, both spinning a little, then waiting to be stopped
    const spin = "const t = Date.now(); while (Date.now() - t < 200);";
    const script = `${spin} require("node:child_process").spawn(process.execPath, ["-e", '${spin} setInterval(() => {}, 1000)'], { stdio: "inherit" }); setInterval(() => {}, 1000); console.log("up")`;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      await new Promise((resolve) => child.stdout!.once("data", resolve));
      await eventually(() => expect(processTree(child.pid!)).toHaveLength(2));
      const [, grandchild] = processTree(child.pid!);
      await eventually(() => expect(cpuTicks(grandchild)).toBeGreaterThan(0));
      expect(cpuTicks(child.pid!)).toBeGreaterThan(cpuTicks(grandchild));
      expect(peakMemoryKib(child.pid!)).toBeGreaterThan(peakMemoryKib(grandchild));
    } finally {
      for (const pid of processTree(child.pid!).reverse()) process.kill(pid, "SIGKILL");
    }
  });

  test("peak and current resident memory come from VmHWM and VmRSS", () => {
    const status = "Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  181234 kB\nVmRSS:\t  150000 kB\nThreads:\t11\n";
    expect(parseStatus(status)).toEqual({ peakKib: 181234, rssKib: 150000 });
  });
});

test("/metrics samples are summed over labels as PromQL's sum()", () => {
  const samples = parseExposition(
    [
      "# HELP hub_subgraph_fetch_duration_seconds x",
      'hub_subgraph_fetch_duration_seconds_count{subgraph="organizations"} 120',
      'hub_subgraph_fetch_duration_seconds_count{subgraph="venues"} 30',
      'hub_graphql_errors_total{service="gateway",code="FORBIDDEN"} 2',
      'hub_graphql_errors_total{service="organizations",code="FORBIDDEN"} 5',
    ].join("\n"),
  );
  expect(total(samples, "hub_subgraph_fetch_duration_seconds_count")).toBe(150);
  expect(total(samples, "hub_graphql_errors_total", { service: "gateway" })).toBe(2);
});

describe("report maths", () => {
  const round = (requests: number, seconds: number, p50: number, p99: number): Round => ({ requests, seconds, p50, p99, non2xx: 0, transportErrors: 0, conflicts: 0, booked: 0 });
  const counters = (gateway: number, organizations: number, venues: number, fetches: number, sql: number, errors: number, requests: number): Counters => ({
    cpuTicks: { organizations, venues, gateway },
    subgraphFetches: fetches,
    sqlStatements: sql,
    graphqlErrors: errors,
    gatewayRequests: requests,
  });

  test("the median of an odd count is the middle one; of an even count, the lower middle", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });

  test("CPU per request is each process's tick delta in ms over the requests the gateway answered; rates and latencies are medians of rounds", () => {
    const rounds = [round(1000, 10, 5, 20), round(1200, 10, 4, 30), round(900, 10, 6, 25)];
    // 3,100 requests answered; 100 ticks per second: 1 tick = 10 ms
    const report = summarize("directory", "anonymous", rounds, counters(1000, 500, 200, 0, 0, 0, 50), counters(1620, 1120, 200, 3100, 9300, 4, 3150), 100);
    expect(report.requestsPerSecond).toBe(100);
    expect(report.p50Ms).toBe(5);
    expect(report.p99Ms).toBe(25);
    expect(report.gatewayCpuMsPerRequest).toBeCloseTo(2, 10);
    expect(report.cpuMsPerRequest).toEqual({ organizations: 2, venues: 0, gateway: 2 });
    expect(report.subgraphsCpuMsPerRequest).toBeCloseTo(2, 10);
    expect(report.subgraphCallsPerRequest).toBe(1);
    expect(report.sqlStatementsPerRequest).toBe(3);
    expect(report.errors).toBe(4);
    expect(markdownTable([report]).split("\n")[2]).toBe("| directory | anonymous | 100 | 5.0 | 25.0 | 4 | 2.00 | 2.00 | 1.0 | 3.0 |");
  });

  test("errors add non-2xx answers and requests without an answer to GraphQL errors; conflicts are counted apart", () => {
    const rounds = [{ ...round(10, 1, 1, 1), non2xx: 2, transportErrors: 1, conflicts: 3, booked: 7 }];
    const report = summarize("M2", "leader", rounds, counters(0, 0, 0, 0, 0, 0, 0), counters(0, 0, 0, 10, 10, 1, 10), 100);
    expect(report).toMatchObject({ errors: 4, graphqlErrors: 1, conflicts: 3, booked: 7 });
  });
});

describe("free slots for M2", () => {
  const NOW = new Date("2022-03-12T09:00:00+08:00");
  let db: DataSource;

  beforeAll(async () => {
    pinClock(NOW);
    db = await openDataSource({ kind: "sqlite", file: ":memory:" }, venuesSubgraph);
    await venuesSubgraph.seed(db);
  });
  afterAll(async () => {
    pinClock(null);
    await db?.destroy();
  });

  test("on the demo data every slot is distinct and passes C1–C8 as venues checks them, after the ones before it are booked", async () => {
    const slots = freeSlots(await readSlotFacts(db, NOW));
    expect(slots.length).toBeGreaterThan(100);
    expect(new Set(slots.map((s) => `${s.roomId}|${s.startsAt.toISOString()}`)).size).toBe(slots.length);
    for (const [i, slot] of slots.entries()) {
      const room = (await db.getRepository(Room).findOneBy({ id: slot.roomId }))!;
      const facility = (await db.getRepository(Facility).findOneBy({ id: room.facilityId }))!;
      const organization = await db.getRepository(OrgEligibility).findOneBy({ organizationId: slot.organizationId });
      const request = { roomId: slot.roomId, organizationId: slot.organizationId, purpose: BookingPurpose.ACTIVITY, expectedAttendance: slot.expectedAttendance, startsAt: slot.startsAt, endsAt: slot.endsAt, equipment: [] };
      const target = { room, facility, organization, sponsored: false, policy: await facilityPolicy(db.manager, facility.id), facilityRoomIds: await roomIdsOf(db.manager, facility.id) };
      const { conflicts } = checkBookingRules(await readRuleFacts(db.manager, target, request, NOW));
      expect({ slot: i, conflicts }).toEqual({ slot: i, conflicts: [] });
      await db.getRepository(Booking).insert({
        id: `bkg_bench_${i}`,
        ...request,
        ...BOOKING_DEFAULTS,
        equipment: undefined,
        requestedById: "per_bench",
        title: "bench",
        status: BookingStatus.CONFIRMED,
      } as never);
    }
  });

  test("an organization gets no more slots at a venue than its active-booking quota allows, and an ineligible one none", () => {
    const policy = { ...DEFAULT_POLICY, perOrgMaxActiveBookings: 2, perOrgMonthlyMinutesCap: null, maxAdvanceDays: 7 };
    const facts: SlotFacts = {
      now: NOW,
      rooms: [{ id: "room_a", facilityId: "fac_a", capacity: 20, policy }],
      hoursOn: () => [{ from: 8 * 60, to: 18 * 60 }],
      bookings: [{ roomId: "room_a", facilityId: "fac_a", organizationId: "org_one", startsAt: new Date("2022-03-14T09:00:00+08:00"), endsAt: new Date("2022-03-14T10:00:00+08:00"), blocking: true, countsForQuota: true }],
      organizations: [
        { id: "org_one", legalForm: "FILED", status: "ACTIVE" },
        { id: "org_two", legalForm: "SOCIAL_GROUP", status: "ACTIVE" },
        { id: "org_gone", legalForm: "FILED", status: "DEREGISTERED" },
        { id: "org_team", legalForm: "INFORMAL", status: "ACTIVE" },
      ],
    };
    const slots = freeSlots(facts);
    expect(slots.map((s) => s.organizationId).sort()).toEqual(["org_one", "org_two", "org_two"]);
    // the stored booking 09:00–10:00 keeps its buffer: nothing starts before 10:15 or ends after 08:45 that day
    for (const s of slots.filter((s) => s.startsAt.toISOString().startsWith("2022-03-14"))) {
      expect(s.endsAt <= new Date("2022-03-14T08:45:00+08:00") || s.startsAt >= new Date("2022-03-14T10:15:00+08:00")).toBe(true);
    }
  });
});

test("the floor replays calls that ran at once as one stage, and a call that starts after they all ended as the next", () => {
  const call = (subgraph: string, startedAt: number, endedAt: number) => ({ subgraph, url: "", identity: "", body: "", answer: "", startedAt, endedAt });
  const stages = stagesOf([call("venues", 12, 20), call("organizations", 0, 10), call("funding", 11, 14), call("academy", 10.5, 13)]);
  expect(stages.map((stage) => stage.map((c) => c.subgraph))).toEqual([["organizations"], ["academy", "funding", "venues"]]);
});

// needs dist/ (npm run -s build): the peers and the hub-off gateway run from there, as the bench starts them
describe("the peers in one run, alternating (demo data, rounds of 20 requests)", () => {
  const JWT_SECRET = "bench-peers-test-secret-0123456789abcdef";
  const SUPERGRAPH_PATH = join(__dirname, "..", "..", "schema", "supergraph.graphql");
  const processes: HubProcess[] = [];
  let hub: InProcessHub;
  let peers: Peers;
  let comparisons: PeerComparison[];

  beforeAll(async () => {
    hub = await startInProcessHub({ jwtSecret: JWT_SECRET, supergraphPath: SUPERGRAPH_PATH });
    const subgraphUrls = Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url]));
    const gatewayEnv = (dedupe?: "on" | "off") => ({
      LOG_LEVEL: "warn",
      APOLLO_TELEMETRY_DISABLED: "1",
      HUB_JWT_SECRET: JWT_SECRET,
      HUB_GATEWAY_SIGNING_KEY: exportKey(TEST_KEYS.gateway),
      SUPERGRAPH_PATH,
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url])),
      ...(dedupe ? { HUB_DEDUPE_READS: dedupe } : {}),
    });
    // the subgraphs and the hub-on gateway run in this process: their CPU is jest's, which nothing here asserts
    const inProcess = (name: string, url: string) => ({ name, pid: process.pid, url });
    peers = await startPeers({
      hubOn: inProcess("gateway", hub.gateway.url),
      subgraphs: Object.values(hub.subgraphs).map((s) => inProcess(s.name, s.url)),
      metricsToken: "unused: /metrics is open without HUB_METRICS_TOKEN",
      gatewayKey: TEST_KEYS.gateway,
      gatewayEnv,
      subgraphUrls,
      processes,
    });
    // one read that crosses the four subgraphs (the floor replays a plan of stages), as a signed-in caller (every
    // peer verifies the token and signs the identity): one operation keeps this file quick
    const leader = { sub: DEMO_SUBJECTS.leader.personId, roles: ["ORG_LEADER"], orgIds: [DEMO_SUBJECTS.leader.organizationId] };
    const read = { name: "across four", caller: "OL", body: JSON.stringify({ query: acrossFour(DEMO_SUBJECTS.leader.organizationId), variables: {} }), bearer: await mintToken(JWT_SECRET, leader, "1h") };
    comparisons = [await comparePeers(read, peers, { rounds: 1, round: { requests: 20 }, warmup: { requests: 10 } }, 100, () => undefined)];
  }, 120_000);

  afterAll(async () => {
    await peers?.close();
    await stopAll(processes);
    await hub?.stop();
  });

  test("every variant answers what the hub answers, without errors, and the floor replays the hub's calls", () => {
    const [comparison] = comparisons;
    expect(comparison.notes).toEqual([]);
    for (const variant of VARIANTS) {
      const report = comparison.variants[variant]!;
      const { non2xx, transportErrors, mismatches = 0 } = report.rounds[0];
      expect({ variant, errors: report.errors, non2xx, transportErrors, mismatches, answered: report.rounds[0].requests > 0 }).toEqual({ variant, errors: 0, non2xx: 0, transportErrors: 0, mismatches: 0, answered: true });
    }
    // the floor replays the hub's plan, one call per subgraph (by the subgraphs' own count: its operations end
    // within the round, where a gateway's requests still in flight at the end make its count inexact)
    expect(comparison.variants.floor!.subgraphCallsPerRequest).toBe(4);
  });

  test("the tables list every variant of every operation and the ratios of each", () => {
    expect(variantsTable(comparisons).split("\n")).toHaveLength(2 + comparisons.length * VARIANTS.length);
    const ratios = ratiosTable(comparisons).split("\n");
    expect(ratios).toHaveLength(2 + comparisons.length);
    expect(ratios[2]).toMatch(/^\| across four( \| \d+\.\d\d){8} \|$/);
  });
});
