import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testGatewayKeyEnv, testSubgraphKeyEnv } from "@kit/testing";
import { startProcess as start, StartedProcess as Started, stopProcess as stop } from "../support/processes";

// The processes docker-compose runs: each entry point alone, configured only by env, stopped by SIGTERM.
const root = join(__dirname, "..", "..");
const SECRETS = { ...testGatewayKeyEnv(), ...testSubgraphKeyEnv(), HUB_JWT_SECRET: "j".repeat(40) };

test("a subgraph and the gateway start alone from env, serve through each other and exit 0 on SIGTERM", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "hub-entry-"));
  const organizations = await start("subgraphs/organizations/main.js", { ...SECRETS, DATA_DIR: dataDir });
  let gateway: Started | undefined;
  try {
    gateway = await start("gateway/main.js", { ...SECRETS, ORGANIZATIONS_URL: organizations.url, SUPERGRAPH_PATH: join(root, "schema", "supergraph.graphql") });
    expect((await fetch(organizations.url.replace("/graphql", "/health"))).status).toBe(200);
    const unsigned = await fetch(organizations.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ me { id } }"}' });
    expect(unsigned.status).toBe(401);
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ organizations { totalCount } }"}' });
    expect(await response.json()).toEqual({ data: { organizations: { totalCount: 0 } } });
  } finally {
    if (gateway) expect(await stop(gateway)).toBe(0);
    expect(await stop(organizations)).toBe(0);
  }
});

test("a subgraph with a bad environment names the variable and exits 2", async () => {
  await expect(start("subgraphs/venues/main.js", { HUB_GATEWAY_PUBLIC_KEY: "short" })).rejects.toThrow(/exited with 2: Invalid environment for the venues subgraph:\n {2}HUB_GATEWAY_PUBLIC_KEY: one or more Ed25519 public keys: PEM, or base64 SPKI DER on one line, separated by commas/);
});
