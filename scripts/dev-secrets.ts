import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportKey, newSigningKey } from "../platform/request-signing";

/** The secrets of the embedded mode: the JWT secret and the Ed25519 private keys that sign subgraph requests. */
export interface DevSecrets {
  jwtSecret: string;
  /** The gateway's private key, base64 PKCS#8 DER. */
  gatewaySigningKey: string;
  /** Each subgraph's own private key for its service calls, by subgraph name. */
  serviceSigningKeys: Record<string, string>;
}

const newKey = () => exportKey(newSigningKey());

/**
 * Secrets for the embedded mode: taken from the environment when set (HUB_JWT_SECRET, HUB_GATEWAY_SIGNING_KEY),
 * else generated once into `<dataDir>/secrets.json` (gitignored, mode 600) so dev tokens keep working across
 * restarts. A file from before the keys (with an HMAC identity secret) gets its keys added and keeps its JWT secret.
 */
export function loadOrCreateDevSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env, services: string[] = []): DevSecrets {
  const file = join(dataDir, "secrets.json");
  let stored: Partial<DevSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<DevSecrets>;
  const kept: DevSecrets = {
    jwtSecret: stored.jwtSecret ?? randomBytes(32).toString("hex"),
    gatewaySigningKey: stored.gatewaySigningKey ?? newKey(),
    serviceSigningKeys: { ...stored.serviceSigningKeys },
  };
  for (const name of services) kept.serviceSigningKeys[name] ??= newKey();
  if (JSON.stringify(kept) !== JSON.stringify({ jwtSecret: stored.jwtSecret, gatewaySigningKey: stored.gatewaySigningKey, serviceSigningKeys: stored.serviceSigningKeys ?? {} })) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(kept, null, 2), { mode: 0o600 });
  }
  return { ...kept, jwtSecret: env.HUB_JWT_SECRET ?? kept.jwtSecret, gatewaySigningKey: env.HUB_GATEWAY_SIGNING_KEY ?? kept.gatewaySigningKey };
}
