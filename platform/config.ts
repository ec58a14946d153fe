import { z } from "zod";

// Environment parsing that the gateway and every subgraph share: one spelling of each common variable.

/** Thrown when the environment is invalid; the message lists every bad variable and its expected form. */
export class ConfigError extends Error {}

/** A TCP port; 0 picks a free one (tests). */
export const port = z.coerce.number().int().min(0).max(65535);

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

/** HUB_IDENTITY_SECRET: the gateway signs with it, the subgraphs verify with it. */
export const identitySecret = z.string().min(32, "at least 32 characters").describe("HMAC secret shared by the gateway and subgraphs to sign the caller's identity");

/** LOG_LEVEL, read by platform/log. */
export const logLevel = z
  .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
  .default("info")
  .describe("level of the JSON log lines on stdout: fatal, error, warn, info, debug, trace or silent");

/** Formats every problem of a zod parse as one message naming each variable. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`).join("\n");
}

/** HUB_METRICS_TOKEN: a Prometheus server sends it as `Authorization: Bearer <token>` to read /metrics. */
export const metricsToken = z
  .string()
  .min(16, "at least 16 characters")
  .optional()
  .describe("bearer token /metrics asks for (Prometheus: authorization.credentials); unset: /metrics is open, except on a NODE_ENV=production gateway where it is off");
