import { ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

// The processes docker-compose runs: each entry point alone, configured only by env, stopped by SIGTERM.
// `npm test` builds dist/ first (schema:check); run `npm run build` before running this file alone.
const root = join(__dirname, "..", "..");
const SECRETS = { HUB_IDENTITY_SECRET: "i".repeat(40), HUB_JWT_SECRET: "j".repeat(40) };

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function start(entry: string, env: Record<string, string>): Promise<Started> {
  const script = join(root, "dist", entry);
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    exited.then((code) => reject(new Error(`${entry} exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const url = /"url":"([^"]+)"/.exec(line)?.[1];
      if (url) resolve({ child, url, exited });
    });
  });
}

async function stop(running: Started): Promise<number | null> {
  running.child.kill("SIGTERM");
  return running.exited;
}

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
  await expect(start("subgraphs/venues/main.js", { HUB_IDENTITY_SECRET: "short" })).rejects.toThrow(/exited with 2: Invalid environment for the venues subgraph:\n {2}HUB_IDENTITY_SECRET: at least 32 characters/);
});
