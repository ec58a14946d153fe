import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadGatewayConfig } from "@gateway/config";
import { loadSubgraphConfig } from "@kit/config";
import { SHUTDOWN_RELEASE_MS } from "@platform/shutdown";
import { TEST_KEYS, testGatewayKeyEnv, testSubgraphKeyEnv } from "@kit/testing";
import { exportKey } from "@platform/request-signing";

const compose = parse(readFileSync(join(__dirname, "..", "..", "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, { stop_grace_period?: string; environment: Record<string, string> }>;
};
const secrets = { ...testGatewayKeyEnv(), ...testSubgraphKeyEnv(), HUB_SERVICE_SIGNING_KEY: exportKey(TEST_KEYS.services.organizations), HUB_JWT_SECRET: "x".repeat(40) };

/** docker compose durations as used here: "20s", "1m30s". */
function millis(duration: string): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration);
  if (!match || duration === "") throw new Error(`unexpected duration ${duration}`);
  return (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 1000;
}

test.each(["organizations", "academy", "venues", "funding", "gateway"])("docker waits for %s to finish in-flight requests and close its pool before it kills it", (name) => {
  const service = compose.services[name];
  const env = { ...service.environment, ...secrets };
  const bound = name === "gateway" ? loadGatewayConfig(env).shutdownTimeoutMs! : loadSubgraphConfig(env, name, 4001).shutdownTimeoutMs;
  // docker's own default is 10 s, shorter than the default bound plus the time to close the pool
  expect(millis(service.stop_grace_period ?? "10s")).toBeGreaterThan(bound + SHUTDOWN_RELEASE_MS);
});
