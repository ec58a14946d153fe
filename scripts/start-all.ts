import "reflect-metadata";
import { createPublicKey } from "node:crypto";
import { join } from "node:path";
import { loadGatewayConfig } from "../gateway/config";
import { startGateway } from "../gateway/server";
import { EVENTS_PATH } from "../gateway/response-cache";
import { pinClock, toBusinessIso } from "../subgraphs/kit/clock";
import { ConfigError } from "../platform/config";
import { loadSubgraphConfig } from "../subgraphs/kit/config";
import { log } from "../platform/log";
import { exportKey, parsePrivateKey } from "../platform/request-signing";
import { stopOnSignals } from "../platform/shutdown";
import { RunningSubgraph, startSubgraph } from "../subgraphs/kit/server";
import { loadOrCreateDevSecrets } from "./dev-secrets";
import { SUBGRAPHS } from "./subgraphs";

/** "Today" of the demo data (DOMAIN §10): the example operations run as written. */
export const DEMO_NOW = "2022-03-12T09:00:00+08:00";

const TRY_QUERY = `{
  organization(id: "org_lezhulin") {
    name legalForm homeArea { name }
    bookings { title startsAt room { name facility { name } } }
    certifiedMemberCount
    grants { awardedFen periodFrom periodTo program { name } }
  }
}`;

/** `npm start`: the whole hub in one process on the embedded default (SQLite files under data/, demo data). */
async function main(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  if (process.env.NODE_ENV === "production") {
    // its dev tokens would let anyone sign in as anyone: production runs each process alone (README, docker compose)
    process.stderr.write("npm start runs the development hub (demo data, explorer, dev tokens) and refuses NODE_ENV=production; in production start each process from dist/ as docker compose does.\n");
    process.exit(2);
  }
  if (Number(process.env.HUB_WORKERS ?? 1) !== 1) {
    process.stderr.write("npm start runs the whole hub in one process; HUB_WORKERS applies to each process started alone from dist/ (README, \"Workers\").\n");
    process.exit(2);
  }
  const dataDir = process.env.DATA_DIR ?? "data";
  const secrets = loadOrCreateDevSecrets(dataDir, process.env, SUBGRAPHS.map((s) => s.name));
  const gatewayKey = parsePrivateKey(secrets.gatewaySigningKey);
  const servicePublicKeys = Object.entries(secrets.serviceSigningKeys).map(([name, key]) => `${name}:${exportKey(createPublicKey(parsePrivateKey(key)))}`);
  const env = {
    ...process.env,
    HUB_GATEWAY_PUBLIC_KEY: exportKey(createPublicKey(gatewayKey)),
    HUB_SERVICE_PUBLIC_KEYS: servicePublicKeys.join(","),
    HUB_NOW: process.env.HUB_NOW ?? DEMO_NOW,
    PORT: undefined,
  };
  const running: RunningSubgraph[] = [];
  // every relay delivers to the others in this process; their URLs are known once each listens (PORT=0)
  const peers = new Map<string, string>();
  const stopSubgraphs = () => Promise.all(running.map((s) => s.stop())).then(() => undefined);
  try {
    const port = Number(process.env.PORT ?? 4000);
    for (const module of SUBGRAPHS) {
      const config = loadSubgraphConfig(env, module.name, module.defaultPort);
      pinClock(config.now);
      // PORT=0 (the start-up test): every process on a free port, so a second hub can run beside this one
      const subgraphPort = port === 0 ? 0 : config.port;
      const signer = { keyId: module.name, key: parsePrivateKey(secrets.serviceSigningKeys[module.name]) };
      running.push(
        await startSubgraph(module, {
          store: config.store,
          callerKeys: config.callerKeys,
          replay: config.replay ?? undefined,
          port: subgraphPort,
          host: "127.0.0.1",
          seed: true,
          metricsToken: config.metricsToken,
          events: { peers, signer, settings: config.relaySettings },
        }),
      );
    }
    for (const subgraph of running) peers.set(subgraph.name, subgraph.url);
    for (const subgraph of running) subgraph.relay?.wake(); // what an earlier run left in an outbox goes out now
    // the gateway reads the environment as it does alone, with the embedded demo's defaults: dev tools on, the
    // generated secrets, rate limits and trusted documents off unless set, its own pages as the CORS origins
    const policy = loadGatewayConfig({
      ...process.env,
      PORT: String(port),
      HUB_JWT_SECRET: secrets.jwtSecret,
      HUB_GATEWAY_SIGNING_KEY: secrets.gatewaySigningKey,
      HUB_DEV_TOOLS: "on",
      HUB_RATE_LIMIT: process.env.HUB_RATE_LIMIT ?? "off",
      HUB_TRUSTED_DOCUMENTS: process.env.HUB_TRUSTED_DOCUMENTS ?? "off",
      HUB_SERVICE_PUBLIC_KEYS: env.HUB_SERVICE_PUBLIC_KEYS,
      HUB_CORS_ORIGINS: process.env.HUB_CORS_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`,
      SUPERGRAPH_PATH: process.env.SUPERGRAPH_PATH ?? join(__dirname, "..", "..", "schema", "supergraph.graphql"),
    });
    const host = policy.host;
    const gateway = await startGateway({ ...policy, subgraphUrls: Object.fromEntries(running.map((s) => [s.name, s.url])) });
    // the relays deliver the events that clear the gateway's response cache to it, like to any consumer
    peers.set("gateway", gateway.url.replace(/\/graphql$/, EVENTS_PATH));
    const trusted = policy.trustedDocuments
      ? "Trusted documents: ON (HUB_TRUSTED_DOCUMENTS): anonymous and partner callers may run only the shipped operations; sign in (a dev token) to try others."
      : "Trusted documents: off, so the explorer may send any query anonymously. HUB_TRUSTED_DOCUMENTS=on allows anonymous and partner callers only the shipped operations, as production does.";
    const store = process.env.DATABASE_URL ? "MySQL (one database per subgraph)" : `SQLite files in ${dataDir}/`;
    process.stdout.write(
      [
        "",
        `  Federation hub is up: ${gateway.url}`,
        host === "127.0.0.1" || host === "localhost" || host === "::1"
          ? `  Listening on ${host} only: reachable from this machine. HOST=0.0.0.0 serves the network (dev tokens still go to this machine only).`
          : `  Listening on ${host}: reachable from the network. Dev tokens (/dev/token) are still handed only to this machine.`,
        `  Subgraphs: ${running.map((s) => `${s.name} ${s.url}`).join(", ")}`,
        `  Store: ${store}, demo data loaded.`,
        `  Clock pinned to the demo's today, ${toBusinessIso(new Date(env.HUB_NOW))} (set HUB_NOW to change it).`,
        policy.rateLimit
          ? `  Rate limits on: ${policy.rateLimit.anonymousPerIp} anonymous requests per address per ${policy.rateLimit.windowSeconds} s.`
          : "  Rate limits off (HUB_RATE_LIMIT=on turns them on).",
        `  ${trusted}`,
        "",
        "  Try it (anonymous = the public, masked view):",
        `  curl -s ${gateway.url} -H 'content-type: application/json' \\`,
        `    -d '${JSON.stringify({ query: TRY_QUERY.replace(/\s+/g, " ") })}'`,
        "",
        `  Explorer: ${gateway.url.replace(/\/graphql$/, "/explorer")}  (GraphiQL: the demo operations, a dev token per role)`,
        `  Partner page: ${gateway.url.replace(/\/graphql$/, "/partner")}  (what a community front-end shows: the public, masked view)`,
        "",
        "  A token for a role: npm run -s token -- --role OL --org org_lezhulin --person per_zhang_leader",
        "  Ctrl-C stops everything.",
        "",
      ].join("\n"),
    );
    // the gateway first, so that its requests in flight still reach the subgraphs; each within the bound
    stopOnSignals(async (graceMs) => {
      await gateway.stop(graceMs);
      await Promise.all(running.map((s) => s.stop(graceMs)));
    }, "the hub");
  } catch (error) {
    await stopSubgraphs();
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    log.fatal({ err: error }, "the hub failed to start");
    process.exit(1);
  }
}

void main();
