import { z } from "zod";
import { storeFor, StoreConfig } from "./db";

/** Thrown when the environment is invalid; the message lists every bad variable and its expected form. */
export class ConfigError extends Error {}

const port = z.coerce.number().int().min(0).max(65535);
const millis = "a whole number of milliseconds from 0 to 600000, e.g. 10000";

/** How long a stopping process waits for in-flight requests unless SHUTDOWN_TIMEOUT_MS says otherwise. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** How long a stopping process (SIGTERM) lets in-flight requests finish before it cuts them: every process reads it. */
export const shutdownTimeoutMs = z.coerce
  .number({ error: millis })
  .int(millis)
  .min(0, millis)
  .max(600_000, millis)
  .default(DEFAULT_SHUTDOWN_TIMEOUT_MS)
  .describe("on SIGTERM, how long in-flight requests may still run before they are cut (ms)");

/** Variables every subgraph reads, with their expected forms (the README table is checked against this). */
export const SUBGRAPH_ENV = {
  PORT: port.optional().describe("port this process listens on (subgraph defaults 4001–4004)"),
  HOST: z.string().min(1).default("0.0.0.0").describe("interface to listen on"),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+\/?$/, "a MySQL server URL without a database, e.g. mysql://root@127.0.0.1:3306")
    .optional()
    .describe("MySQL server; each subgraph uses its own database there. Unset: SQLite files under DATA_DIR"),
  DATABASE_PREFIX: z.string().regex(/^[a-z0-9_]{1,20}$/, "lowercase letters, digits and _").default("hub_").describe("database name prefix on MySQL (hub_organizations, …)"),
  DATA_DIR: z.string().min(1).default("data").describe("folder of the SQLite files and generated dev secrets"),
  HUB_IDENTITY_SECRET: z.string().min(32, "at least 32 characters").describe("HMAC secret shared by the gateway and subgraphs to sign the caller's identity"),
  HUB_NOW: z.iso.datetime({ offset: true }).optional().describe("pins the hub clock, e.g. 2022-03-12T09:00:00+08:00"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info").describe("level of the JSON log lines on stdout: fatal, error, warn, info, debug, trace or silent"),
  SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs,
} as const;

const subgraphSchema = z.object(SUBGRAPH_ENV);

export interface SubgraphConfig {
  port: number;
  host: string;
  store: StoreConfig;
  identitySecret: string;
  now: Date | null;
  shutdownTimeoutMs: number;
}

/** Formats every problem of a zod parse as one message naming each variable. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`).join("\n");
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
  };
}
