import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The two secrets of the embedded mode. */
export interface DevSecrets {
  jwtSecret: string;
  identitySecret: string;
}

/**
 * Secrets for the embedded mode: taken from the environment when set, else generated once into
 * `<dataDir>/secrets.json` (gitignored, mode 600) so dev tokens keep working across restarts.
 */
export function loadOrCreateDevSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): DevSecrets {
  const file = join(dataDir, "secrets.json");
  let stored: Partial<DevSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<DevSecrets>;
  const secrets: DevSecrets = {
    jwtSecret: env.HUB_JWT_SECRET ?? stored.jwtSecret ?? randomBytes(32).toString("hex"),
    identitySecret: env.HUB_IDENTITY_SECRET ?? stored.identitySecret ?? randomBytes(32).toString("hex"),
  };
  if (!stored.jwtSecret || !stored.identitySecret) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ jwtSecret: stored.jwtSecret ?? secrets.jwtSecret, identitySecret: stored.identitySecret ?? secrets.identitySecret }, null, 2), { mode: 0o600 });
  }
  return secrets;
}
