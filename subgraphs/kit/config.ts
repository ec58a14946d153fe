import { z } from "zod";
import { KeyObject } from "node:crypto";
import { ConfigError, describeIssues, httpUrl, logLevel, metricsToken, port, publicKeys, serviceKeys, shutdownTimeoutMs, signingKey, workers } from "../../platform/config";
import { RequestSigner } from "../../platform/request-signing";
import { CallerKeys } from "./request-auth";
import { storeFor, StoreConfig } from "./db";
import { consumersOf, DEFAULT_RELAY_SETTINGS, RelaySettings } from "./events";

/** Variables every subgraph reads, with their expected forms (the README table is checked against this). */
export const SUBGRAPH_ENV = {
  PORT: port.optional().describe("port this process listens on (subgraph defaults 4001–4004)"),
  HOST: z.string().min(1).default("127.0.0.1").describe("interface to listen on (0.0.0.0: every interface, as in docker-compose)"),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+\/?$/, "a MySQL server URL without a database, e.g. mysql://root@127.0.0.1:3306")
    .optional()
    .describe("MySQL server; each subgraph uses its own database there. Unset: SQLite files under DATA_DIR"),
  DATABASE_PREFIX: z.string().regex(/^[a-z0-9_]{1,20}$/, "lowercase letters, digits and _").default("hub_").describe("database name prefix on MySQL (hub_organizations, …)"),
  DATA_DIR: z.string().min(1).default("data").describe("folder of the SQLite files and generated dev secrets"),
  HUB_GATEWAY_PUBLIC_KEY: publicKeys.describe("the gateway's Ed25519 public key (PEM, or base64 SPKI DER); requests the gateway signed are verified with it. While the gateway rotates its key: the old and the new, separated by a comma"),
  HUB_SERVICE_PUBLIC_KEYS: serviceKeys
    .optional()
    .describe("public keys of the subgraphs that call this one as a service, e.g. academy:MCowBQ…,organizations:MCowBQ…; the code says which mutations each may call"),
  HUB_SERVICE_SIGNING_KEY: signingKey.optional().describe("this subgraph's own Ed25519 private key (PEM, or base64 PKCS#8 DER), for its calls to other subgraphs as a service"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "a Redis URL, e.g. redis://127.0.0.1:6379")
    .optional()
    .describe("Redis that remembers signature nonces for all replicas (replay check). Unset: in this process's memory"),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,40}$/, "letters, digits, :, _ and -").default("hub:").describe("prefix of the keys this process writes in Redis"),
  ORGANIZATIONS_URL: httpUrl.optional().describe("where the organizations subgraph listens, for the events this subgraph sends it (the event catalog says which)"),
  ACADEMY_URL: httpUrl.optional().describe("where the academy subgraph listens, for the events this subgraph sends it"),
  VENUES_URL: httpUrl.optional().describe("where the venues subgraph listens, for the events this subgraph sends it (organizations sends eligibility and deregistration)"),
  FUNDING_URL: httpUrl.optional().describe("where the funding subgraph listens, for the events this subgraph sends it"),
  GATEWAY_EVENTS_URL: httpUrl
    .optional()
    .describe("the gateway's event receiver (http://gateway:4000/internal/events), for the events that clear its response cache (organizations and venues send them)"),
  HUB_OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(DEFAULT_RELAY_SETTINGS.pollMs).describe("how often the outbox relay looks for due retries besides being woken by each commit (ms)"),
  HUB_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RELAY_SETTINGS.maxAttempts).describe("delivery attempts (with doubling backoff from 1 s to 5 min) before an event is parked for an admin"),
  HUB_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7).describe("delivered events (and the inbox's record of applied ones) are deleted after this many days; pending and parked ones stay"),
  HUB_NOW: z.iso.datetime({ offset: true }).optional().describe("pins the hub clock, e.g. 2022-03-12T09:00:00+08:00"),
  LOG_LEVEL: logLevel,
  SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs,
  HUB_METRICS_TOKEN: metricsToken,
  HUB_WORKERS: workers.describe(
    "processes that serve this subgraph's port (node:cluster): the first runs the migrations, then forks them and replaces any that dies; 1: this process serves. More than 1 needs DATABASE_URL and REDIS_URL",
  ),
} as const;

const subgraphSchema = z.object(SUBGRAPH_ENV);

export interface SubgraphConfig {
  port: number;
  host: string;
  store: StoreConfig;
  /** Public keys of the gateway and of the services allowed to call this subgraph. */
  callerKeys: CallerKeys;
  /** Signs this subgraph's own calls to other subgraphs as the service named like it; null without HUB_SERVICE_SIGNING_KEY. */
  serviceSigner: RequestSigner | null;
  /** Where the replay check remembers nonces; null: in memory. */
  replay: { redisUrl: string; keyPrefix: string } | null;
  /** Consumer URLs this subgraph's relay delivers to, by subgraph name (only those configured). */
  peers: Map<string, string>;
  /** Consumers the catalog names for this subgraph's events that have no URL: their events wait in the outbox. */
  unreachableConsumers: string[];
  relaySettings: Partial<RelaySettings>;
  now: Date | null;
  shutdownTimeoutMs: number;
  metricsToken?: string;
  /** HUB_WORKERS: processes serving the port (platform/cluster); 1 serves in this one. */
  workers: number;
}

/** Why HUB_WORKERS > 1 cannot run on this environment: each worker would hold state that must be one. */
function workerRefusals(values: z.infer<typeof subgraphSchema>): string[] {
  if (values.HUB_WORKERS === 1) return [];
  const refusals: string[] = [];
  if (!values.DATABASE_URL) refusals.push("HUB_WORKERS: more than 1 needs DATABASE_URL (MySQL): SQLite has one writer, and every worker runs an outbox relay");
  if (!values.REDIS_URL) refusals.push("HUB_WORKERS: more than 1 needs REDIS_URL: each worker would remember only the signature nonces it saw, so a signed request replayed to another worker would run again");
  return refusals;
}

/** Parses the environment of one subgraph; `defaultPort` is its place in the 4001–4004 range. */
export function loadSubgraphConfig(env: NodeJS.ProcessEnv, subgraph: string, defaultPort: number): SubgraphConfig {
  const parsed = subgraphSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid environment for the ${subgraph} subgraph:\n${describeIssues(parsed.error)}`);
  const values = parsed.data;
  const refusals = workerRefusals(values);
  if (refusals.length) throw new ConfigError(`Invalid environment for the ${subgraph} subgraph:\n${refusals.map((r) => `  ${r}`).join("\n")}`);
  return {
    port: values.PORT ?? defaultPort,
    host: values.HOST,
    store: storeFor(subgraph, { databaseUrl: values.DATABASE_URL, dataDir: values.DATA_DIR, databasePrefix: values.DATABASE_PREFIX }),
    callerKeys: { gateway: values.HUB_GATEWAY_PUBLIC_KEY, services: values.HUB_SERVICE_PUBLIC_KEYS ?? new Map<string, KeyObject>() },
    serviceSigner: values.HUB_SERVICE_SIGNING_KEY ? { keyId: subgraph, key: values.HUB_SERVICE_SIGNING_KEY } : null,
    replay: values.REDIS_URL ? { redisUrl: values.REDIS_URL, keyPrefix: values.REDIS_KEY_PREFIX } : null,
    ...peersOf(subgraph, { organizations: values.ORGANIZATIONS_URL, academy: values.ACADEMY_URL, venues: values.VENUES_URL, funding: values.FUNDING_URL, gateway: values.GATEWAY_EVENTS_URL }),
    relaySettings: { pollMs: values.HUB_OUTBOX_POLL_MS, maxAttempts: values.HUB_OUTBOX_MAX_ATTEMPTS, retentionMs: values.HUB_OUTBOX_RETENTION_DAYS * 24 * 3600_000 },
    now: values.HUB_NOW ? new Date(values.HUB_NOW) : null,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    metricsToken: values.HUB_METRICS_TOKEN,
    workers: values.HUB_WORKERS,
  };
}

/** The variable that says where a consumer receives its events. */
export function consumerUrlVariable(consumer: string): string {
  return consumer === "gateway" ? "GATEWAY_EVENTS_URL" : `${consumer.toUpperCase()}_URL`;
}

function peersOf(subgraph: string, urls: Record<string, string | undefined>): { peers: Map<string, string>; unreachableConsumers: string[] } {
  const peers = new Map<string, string>();
  const unreachableConsumers: string[] = [];
  for (const consumer of consumersOf(subgraph)) {
    const url = urls[consumer];
    if (url) peers.set(consumer, url);
    else unreachableConsumers.push(consumer);
  }
  return { peers, unreachableConsumers };
}
