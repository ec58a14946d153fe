import { z } from "zod";
import { ConfigError, describeIssues, identitySecret, logLevel, metricsToken, port, shutdownTimeoutMs } from "../../platform/config";
import { storeFor, StoreConfig } from "./db";

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
  HUB_IDENTITY_SECRET: identitySecret,
  HUB_NOW: z.iso.datetime({ offset: true }).optional().describe("pins the hub clock, e.g. 2022-03-12T09:00:00+08:00"),
  LOG_LEVEL: logLevel,
  SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs,
  HUB_METRICS_TOKEN: metricsToken,
} as const;

const subgraphSchema = z.object(SUBGRAPH_ENV);

export interface SubgraphConfig {
  port: number;
  host: string;
  store: StoreConfig;
  identitySecret: string;
  now: Date | null;
  shutdownTimeoutMs: number;
  metricsToken?: string;
}

/** Parses the environment of one subgraph; `defaultPort` is its place in the 4001–4004 range. */
export function loadSubgraphConfig(env: NodeJS.ProcessEnv, subgraph: string, defaultPort: number): SubgraphConfig {
  const parsed = subgraphSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid environment for the ${subgraph} subgraph:\n${describeIssues(parsed.error)}`);
  const values = parsed.data;
  return {
    port: values.PORT ?? defaultPort,
    host: values.HOST,
    store: storeFor(subgraph, { databaseUrl: values.DATABASE_URL, dataDir: values.DATA_DIR, databasePrefix: values.DATABASE_PREFIX }),
    identitySecret: values.HUB_IDENTITY_SECRET,
    now: values.HUB_NOW ? new Date(values.HUB_NOW) : null,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    metricsToken: values.HUB_METRICS_TOKEN,
  };
}
