import "reflect-metadata";
import { randomBytes, createPublicKey } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { mintToken } from "../../gateway/auth";
import { exportKey, newSigningKey } from "../../platform/request-signing";
import { pinClock } from "../../subgraphs/kit/clock";
import { openDataSource } from "../../subgraphs/kit/db";
import { venuesSubgraph } from "../../subgraphs/venues/subgraph";
import { SUBGRAPHS } from "../subgraphs";
import { freeSlots, SlotRequest } from "./free-slots";
import { eventBurst, EventBurst, signingCost, SigningCost } from "./kit-costs";
import { bookingRound, CONNECTIONS, Extent, readRound } from "./load";
import { BenchOperation, benchOperations, ReadOperation } from "./operations";
import { CACHE_GATEWAY, RECORDING_GATEWAY, startPeers } from "./peers/start-peers";
import { comparePeers, PeerComparison } from "./peers/variants";
import { peersSection, ratiosOf } from "./peers/table";
import { freePort, HubProcess, ROOT, startHubProcess, stopAll } from "./processes";
import { cpuTicks, peakMemoryKib, ticksPerSecond } from "./proc";
import { scrape, total } from "./prometheus";
import { Counters, markdownTable, memoryLine, OperationReport, Round, summarize } from "./report";
import { benchSubjects } from "./subjects";
import { organizationsSubgraph } from "../../subgraphs/organizations/subgraph";
import { BenchRefusal, checkData, DataKind, freshStores, loadData, StoreKind } from "./stores";
import { readSlotFacts } from "./slot-facts";

// npm run bench: the hub as deployed (each subgraph and the gateway its own process from dist/, on MySQL unless
// --store sqlite) over a dataset, driven through the gateway by autocannon from this process, which serves nothing.

const usage = `Usage: npm run bench [-- --store mysql|sqlite] [--data demo|synthetic] [--only <name>,…] [--peers on|off] [--cpu-prof]

  --store   mysql (default: DATABASE_URL, else mysql://root@127.0.0.1:3306; databases BENCH_DATABASE_PREFIX<subgraph>,
            default bench_<subgraph>, dropped and recreated) or sqlite (fresh files in a temp folder, removed after)
  --data    demo (default: DOMAIN §10's demo data) or synthetic (npm run seed:synthetic's generator, when it lands)
  --scale, --seed   the synthetic dataset's scale and seed (default 1 and 1)
  --only    run only the operations whose names contain one of these words (e.g. --only Q1,M2)
  --peers   on (default): each read also through the hub's gateway with deduplication off, stock @apollo/gateway,
            Hive Gateway with deduplication off and on, and the subgraph calls alone (the floor), rounds alternating;
            off: the hub's gateway alone (HUB_DEDUPE_READS as set), for quick runs
  --cpu-prof (or BENCH_CPU_PROF=1)   every hub process writes a V8 CPU profile into
            bench-results/profiles/<time>/<process>/ (read one with npm run -s bench:profile-top -- <file>)

  BENCH_SECONDS (10) and BENCH_ROUNDS (3): measured rounds per operation, after a warm-up of
  BENCH_WARMUP_SECONDS (the smaller of 5 and BENCH_SECONDS). Reports medians of the rounds; writes
  bench-results/<time>.json.`;

/** The demo's today (DOMAIN §10): the operations' dates are relative to it. */
const HUB_NOW = "2022-03-12T09:00:00+08:00";

interface Options {
  store: StoreKind;
  data: DataKind;
  scale: number;
  seed: number;
  only: string[];
  peers: boolean;
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  cpuProf: boolean;
}

function parseOptions(allArgs: string[], env: NodeJS.ProcessEnv): Options {
  const argv = allArgs.filter((arg) => arg !== "--cpu-prof"); // the one flag without a value
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const known = new Set(["--store", "--data", "--scale", "--seed", "--only", "--peers"]);
  for (let i = 0; i < argv.length; i += 2) if (!known.has(argv[i])) throw new BenchRefusal(`Unexpected argument ${argv[i]}\n\n${usage}`);
  const store = value("--store") ?? "mysql";
  const data = value("--data") ?? "demo";
  if (store !== "mysql" && store !== "sqlite") throw new BenchRefusal(`--store ${store}: mysql or sqlite\n\n${usage}`);
  if (data !== "demo" && data !== "synthetic") throw new BenchRefusal(`--data ${data}: demo or synthetic\n\n${usage}`);
  const peers = value("--peers") ?? "on";
  if (peers !== "on" && peers !== "off") throw new BenchRefusal(`--peers ${peers}: on or off\n\n${usage}`);
  const positive = (name: string, text: string | undefined, fallback: number) => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new BenchRefusal(`${name}=${text}: a positive number`);
    return n;
  };
  const seconds = positive("BENCH_SECONDS", env.BENCH_SECONDS, 10);
  return {
    store,
    data,
    scale: positive("--scale", value("--scale"), 1),
    seed: positive("--seed", value("--seed"), 1),
    only: (value("--only") ?? "").split(",").filter(Boolean),
    peers: peers === "on",
    seconds,
    rounds: Math.round(positive("BENCH_ROUNDS", env.BENCH_ROUNDS, 3)),
    warmupSeconds: positive("BENCH_WARMUP_SECONDS", env.BENCH_WARMUP_SECONDS, Math.min(5, seconds)),
    cpuProf: allArgs.includes("--cpu-prof") || env.BENCH_CPU_PROF === "1",
  };
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Keys, secrets and ports of one bench run: generated here, handed to the processes by env, never written down. */
function deployment(ports: Record<string, number>) {
  const gatewayKey = newSigningKey();
  const serviceKeys = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, newSigningKey()]));
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`]));
  const urls = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]));
  // HUB_WORKERS forks every process into workers; more than 1 needs REDIS_URL (README "Workers"), passed on with its prefix
  const passed = Object.fromEntries(["HUB_WORKERS", "REDIS_URL", "REDIS_KEY_PREFIX"].flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
  const serviceKeysList = Object.entries(serviceKeys)
    .map(([service, key]) => `${service}:${exportKey(createPublicKey(key))}`)
    .join(",");
  const common = { NODE_ENV: "production", LOG_LEVEL: "warn", APOLLO_TELEMETRY_DISABLED: "1", HUB_METRICS_TOKEN: randomBytes(24).toString("hex"), ...urls, ...passed };
  return {
    gatewayKey,
    subgraphUrls,
    jwtSecret: randomBytes(32).toString("hex"),
    metricsToken: common.HUB_METRICS_TOKEN,
    subgraphEnv: (name: string, storeEnv: Record<string, string>) => ({
      ...common,
      ...storeEnv,
      HUB_NOW,
      // the events that clear cached answers go to the gateway variant that caches (peers/start-peers.ts)
      ...(ports[CACHE_GATEWAY] ? { GATEWAY_EVENTS_URL: `http://127.0.0.1:${ports[CACHE_GATEWAY]}/internal/events` } : {}),
      HUB_GATEWAY_PUBLIC_KEY: exportKey(createPublicKey(gatewayKey)),
      HUB_SERVICE_PUBLIC_KEYS: serviceKeysList,
      HUB_SERVICE_SIGNING_KEY: exportKey(serviceKeys[name]),
    }),
    gatewayEnv: (jwtSecret: string) => ({
      ...common,
      HUB_JWT_SECRET: jwtSecret,
      HUB_GATEWAY_SIGNING_KEY: exportKey(gatewayKey),
      SUPERGRAPH_PATH: join(ROOT, "schema", "supergraph.graphql"),
      // like for like with other gateways (issue 12): any query from any caller, and no rate limits unless
      // HUB_RATE_LIMIT=on (with its HUB_RATE_LIMIT_* limits) says so, as the README's configuration table promises
      HUB_TRUSTED_DOCUMENTS: "off",
      HUB_RATE_LIMIT: "off",
      // nor a response cache, unless HUB_RESPONSE_CACHE=on says so: the peers' hub-cache variant measures it apart
      HUB_RESPONSE_CACHE: process.env.HUB_RESPONSE_CACHE ?? "off",
      HUB_SERVICE_PUBLIC_KEYS: serviceKeysList,
      ...Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith("HUB_RATE_LIMIT") && entry[1] !== undefined)),
      // HUB_DEDUPE_READS=off measures the gateway without in-flight deduplication (like for like with stock gateways)
      ...(process.env.HUB_DEDUPE_READS ? { HUB_DEDUPE_READS: process.env.HUB_DEDUPE_READS } : {}),
    }),
  };
}

/** CPU of every process and the gateway's and subgraphs' counters, now. */
async function readCounters(processes: HubProcess[], metricsToken: string): Promise<Counters> {
  const cpu = Object.fromEntries(processes.map((p) => [p.name, cpuTicks(p.pid)]));
  const gateway = processes.find((p) => p.name === "gateway")!;
  const gatewaySamples = await scrape(gateway.url, metricsToken);
  let sql = 0;
  for (const p of processes.filter((p) => p.name !== "gateway")) sql += total(await scrape(p.url, metricsToken), "hub_sql_statements_total");
  return {
    cpuTicks: cpu,
    subgraphFetches: total(gatewaySamples, "hub_subgraph_fetch_duration_seconds_count"),
    sqlStatements: sql,
    graphqlErrors: total(gatewaySamples, "hub_graphql_errors_total", { service: "gateway" }),
    gatewayRequests: total(gatewaySamples, "hub_graphql_requests_total", { service: "gateway" }),
  };
}

async function measure(
  operation: BenchOperation,
  gatewayUrl: string,
  processes: HubProcess[],
  metricsToken: string,
  options: Options,
  bearerFor: (payload: NonNullable<BenchOperation["caller"]["token"]>) => Promise<string>,
  slots: SlotRequest[],
  ticks: number,
): Promise<OperationReport> {
  let runRound: (how: Extent) => Promise<Round>;
  let note: string | undefined;
  let warmup: Extent = { seconds: options.warmupSeconds };
  let measured: Extent[] = Array.from({ length: options.rounds }, () => ({ seconds: options.seconds }));
  if (operation.kind === "read") {
    const body = readBody(operation);
    const bearer = operation.caller.token ? await bearerFor(operation.caller.token) : null;
    runRound = (how) => readRound(gatewayUrl, body, bearer, how);
  } else {
    // every request a slot of its own, never one taken before: the free slots are shared out among the warm-up
    // and the rounds, so a round lasts as long as its share (the demo data has a few hundred; the synthetic set more)
    const bearers = new Map<string, string>();
    for (const orgId of new Set(slots.map((s) => s.organizationId))) bearers.set(orgId, await bearerFor(operation.callerFor(orgId)));
    let taken = 0;
    const next = () => {
      const slot = slots[taken++];
      if (!slot) throw new Error("ran out of free slots");
      return { body: JSON.stringify({ query: operation.query, variables: operation.variables(slot) }), bearer: bearers.get(slot.organizationId)! };
    };
    // at most MAX_BOOKINGS_PER_ROUND: the synthetic set has tens of thousands of free slots
    const share = Math.min(MAX_BOOKINGS_PER_ROUND, Math.floor(slots.length / (options.rounds + 1)));
    if (share < CONNECTIONS) throw new Error(`only ${slots.length} free slots: too few for a warm-up and ${options.rounds} rounds`);
    note = `${slots.length} free slots, ${share} requests per round (warm-up included)`;
    runRound = (how) => bookingRound(gatewayUrl, next, "requests" in how ? how.requests : share);
    warmup = { requests: share };
    measured = measured.map(() => ({ requests: share }));
  }
  say(`  ${operation.name}: warm-up`);
  await runRound(warmup);
  const before = await readCounters(processes, metricsToken);
  const rounds: Round[] = [];
  for (const [i, how] of measured.entries()) {
    rounds.push(await runRound(how));
    say(`  ${operation.name}: round ${i + 1}/${options.rounds}: ${(rounds[i].requests / rounds[i].seconds).toFixed(0)} req/s`);
  }
  const after = await readCounters(processes, metricsToken);
  const report = summarize(operation.name, operation.caller.label, rounds, before, after, ticks);
  return note ? { ...report, note } : report;
}

/** What a client POSTs for a read. */
const readBody = (operation: ReadOperation) => JSON.stringify({ query: operation.query, variables: operation.variables });

/** Bookings per M2 round: a round of free slots lasts as long as its share takes. */
const MAX_BOOKINGS_PER_ROUND = 500;

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv, process.env);
  checkData(options.data);
  pinClock(new Date(HUB_NOW)); // the demo data's seeds and the free slots run at the operations' today
  const processes: HubProcess[] = [];
  let stores: Awaited<ReturnType<typeof freshStores>> | null = null;
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= stopAll(processes).then(() => stores?.cleanup()));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      say(`\n${signal}: stopping the hub's processes…`);
      void stop().then(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
  const loadBefore = loadavg()[0];
  if (loadBefore > cpus().length / 2) say(`Note: the machine is busy (load average ${loadBefore.toFixed(1)} on ${cpus().length} cores): other work shares the CPU with the hub, so rates and latencies read low.`);
  try {
    stores = await freshStores(options.store, process.env);
    say(`Stores: ${stores.where}; loading the ${options.data} data…`);
    await loadData(options.data, stores, { scale: options.scale, seed: options.seed });
    const venues = await openDataSource(stores.byName.venues, venuesSubgraph);
    const organizations = await openDataSource(stores.byName.organizations, organizationsSubgraph);
    const slots = freeSlots(await readSlotFacts(venues, new Date(HUB_NOW)));
    const subjects = await benchSubjects(options.data, { organizations, venues });
    await venues.destroy();
    await organizations.destroy();

    const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS.map((s) => s.name), "gateway", ...(options.peers ? [CACHE_GATEWAY] : [])].map(async (name) => [name, await freePort()] as const)));
    const deploy = deployment(ports);
    say("Starting the four subgraphs and the gateway from dist/, each its own process…");
    const storeEnv = stores.env;
    const profiles = options.cpuProf ? join(ROOT, "bench-results", "profiles", new Date().toISOString().replace(/[:.]/g, "-")) : undefined;
    if (profiles) say(`CPU profiles (written when the processes stop): ${profiles}/<process>/`);
    processes.push(...(await Promise.all(SUBGRAPHS.map((s) => startHubProcess(s.name, `subgraphs/${s.name}/main.js`, ports[s.name], deploy.subgraphEnv(s.name, storeEnv), { profileFolder: profiles })))));
    const subgraphs = [...processes];
    // with the peers, this gateway is the hub-on variant; hub-off is a second process (peers/start-peers.ts)
    const gatewayEnv = (dedupe?: "on" | "off") => ({ ...deploy.gatewayEnv(deploy.jwtSecret), ...(dedupe ? { HUB_DEDUPE_READS: dedupe } : {}) });
    const gateway = await startHubProcess("gateway", "gateway/main.js", ports.gateway, gatewayEnv(options.peers ? "on" : undefined), { profileFolder: profiles });
    processes.push(gateway);
    const hubProcesses = [...processes];
    const ticks = ticksPerSecond();
    const bearerFor = (payload: Parameters<typeof mintToken>[1]) => mintToken(deploy.jwtSecret, payload, "2h");
    const peers = options.peers
      ? await startPeers({ hubOn: gateway, subgraphs, metricsToken: deploy.metricsToken, gatewayKey: deploy.gatewayKey, gatewayEnv, subgraphUrls: deploy.subgraphUrls, processes, cachePort: ports[CACHE_GATEWAY] })
      : null;

    const operations = benchOperations(subjects).filter((o) => !options.only.length || options.only.some((word) => o.name.includes(word)));
    const reports: OperationReport[] = [];
    const comparisons: PeerComparison[] = [];
    for (const operation of operations) {
      if (peers && operation.kind === "read") {
        const read = { name: operation.name, caller: operation.caller.label, body: readBody(operation), bearer: operation.caller.token ? await bearerFor(operation.caller.token) : null };
        comparisons.push(await comparePeers(read, peers, { rounds: options.rounds, round: { seconds: options.seconds }, warmup: { seconds: options.warmupSeconds } }, ticks, say));
        reports.push(comparisons[comparisons.length - 1].variants["hub-on"]!);
      } else reports.push(await measure(operation, gateway.url, hubProcesses, deploy.metricsToken, options, bearerFor, slots, ticks));
    }
    await peers?.close();

    say("Event burst organizations → venues…");
    const burst: EventBurst = await eventBurst(stores.byName.organizations, options.rounds);
    const signing: SigningCost = signingCost(options.rounds);
    const peakKib = Object.fromEntries(processes.filter((p) => p.name !== RECORDING_GATEWAY).map((p) => [p.name, peakMemoryKib(p.pid)]));

    const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`;
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}, ${load}`;
    const lines = [
      "",
      `${stores.where}, ${options.data} data; ${machine}`,
      `${CONNECTIONS} connections through the gateway; per operation a ${options.warmupSeconds} s warm-up, then ${options.rounds} rounds of ${options.seconds} s, medians of the rounds (M2: rounds of free slots, see below); CPU from /proc per process over the measured rounds`,
      "",
      markdownTable(reports),
      "",
      ...reports.filter((r) => r.note || r.conflicts || r.booked).map((r) => `${r.name}: ${r.note ? `${r.note}; ` : ""}${r.booked} booked, ${r.conflicts} answered with conflicts`),
      ...(comparisons.length ? peersSection(comparisons, options) : []),
      memoryLine(peakKib),
      `Events organizations → venues across processes, a burst of ${burst.events} (median of ${options.rounds}): ${burst.perSecond.toFixed(0)} events/s delivered and applied; lag commit → delivery p50 ${burst.lagP50Ms} ms, p99 ${burst.lagP99Ms} ms (the relay sees another process's commits on its next poll, HUB_OUTBOX_POLL_MS)`,
      `Ed25519 request signing, CPU µs per subgraph request (in this process, median of ${options.rounds} × 2,000): sign ${signing.signMicros.toFixed(1)} (gateway), verify ${signing.verifyMicros.toFixed(1)} (subgraph), replay check ${signing.replayMicros.toFixed(1)} (memory)`,
      "",
    ];
    process.stdout.write(lines.join("\n"));
    const at = new Date().toISOString();
    const folder = join(ROOT, "bench-results");
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${at.replace(/[:.]/g, "-")}.json`);
    const json = { at, store: options.store, where: stores.where, data: options.data, machine, connections: CONNECTIONS, options, hubNow: HUB_NOW, operations: reports, peers: comparisons.map((c) => ({ ...c, ratios: ratiosOf(c) })), peakMemoryKib: peakKib, eventBurst: burst, signing };
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`JSON report: ${file}\n`);
    return [...reports, ...comparisons.flatMap((c) => Object.values(c.variants))].some((r) => r.errors > 0) ? 1 : 0;
  } finally {
    await stop();
  }
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error) => {
    process.stderr.write(`${error instanceof BenchRefusal ? error.message : (error as Error).stack ?? String(error)}\n`);
    process.exit(error instanceof BenchRefusal ? 2 : 1);
  },
);
