import { z } from "zod";
import { KeyFormatError, parsePrivateKey, parsePublicKeys, parseServiceKeys } from "./request-signing";

// Environment parsing that the gateway and every subgraph share: one spelling of each common variable.

/** Thrown when the environment is invalid; the message lists every bad variable and its expected form. */
export class ConfigError extends Error {}

/** A TCP port; 0 picks a free one (tests). */
export const port = z.coerce.number().int().min(0).max(65535);

/** A subgraph's GraphQL URL (the gateway's routing, a relay's consumers). */
export const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL, e.g. http://organizations:4001/graphql" });

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

/** A key variable parsed with `parse`; its message says which form is expected. */
function keyVariable<T>(parse: (text: string) => T, expected: string) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `${expected}${error instanceof KeyFormatError ? `; ${error.message}` : ""}` });
      return z.NEVER;
    }
  });
}

/** An Ed25519 private key a process signs its requests to subgraphs with. */
export const signingKey = keyVariable(parsePrivateKey, "an Ed25519 private key: PEM, or base64 PKCS#8 DER on one line");
/** One or more Ed25519 public keys of one caller (two while it rotates its key). */
export const publicKeys = keyVariable(parsePublicKeys, "one or more Ed25519 public keys: PEM, or base64 SPKI DER on one line, separated by commas");
/** The public keys of services, by name. */
export const serviceKeys = keyVariable(parseServiceKeys, "a list of <service>:<base64 SPKI DER Ed25519 public key>, separated by commas");

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

const workerCount = "a whole number of worker processes from 1 to 64, e.g. 2";

/** HUB_WORKERS: how many processes serve the port (node:cluster); 1 serves in this process as before. */
export const workers = z.coerce
  .number({ error: workerCount })
  .int(workerCount)
  .min(1, workerCount)
  .max(64, workerCount)
  .default(1);
