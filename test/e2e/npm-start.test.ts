import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

/**
 * What `npm start` runs (after its build), as a newcomer runs it: the embedded default on fresh SQLite files with
 * generated dev secrets, nothing else in the environment. A mismatch between the start script and the config the
 * gateway demands would only show here.
 */
const root = join(__dirname, "..", "..");
let dataDir: string;
let child: ReturnType<typeof spawn>;
let exited: Promise<number | null>;
let url: string;
let banner = "";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "hub-start-"));
  child = spawn(process.execPath, [join(root, "dist", "scripts", "start-all.js")], {
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  url = await new Promise<string>((resolve, reject) => {
    exited.then((code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      banner += `${line}\n`;
      const up = /Federation hub is up: (\S+)/.exec(line)?.[1];
      if (up) resolve(up);
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 200)); // the rest of the banner
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

test("it says where to go, that it listens on this machine only, and that trusted documents and rate limits are off", () => {
  expect(banner).toContain(`Federation hub is up: ${url}`);
  expect(banner).toMatch(/Listening on 127\.0\.0\.1 only/);
  expect(banner).toMatch(/Trusted documents: off/);
  expect(banner).toMatch(/Rate limits off/);
  expect(banner).toContain(url.replace(/\/graphql$/, "/explorer"));
});

test("the demo answers the public view through the gateway, and the explorer is served", async () => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ organization(id: "org_lezhulin") { name leader { person { displayName } } } }` }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(body.data.organization).toEqual({ name: "乐竹邻志愿服务队", leader: { person: { displayName: "张*琴" } } });
  expect((await fetch(url.replace(/\/graphql$/, "/explorer"))).status).toBe(200);
});

test("Ctrl-C (SIGTERM) stops everything and exits 0", async () => {
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
}, 30_000);

test("with NODE_ENV=production it refuses to start, since its dev tokens would let anyone sign in as anyone", async () => {
  const refused = spawn(process.execPath, [join(root, "dist", "scripts", "start-all.js")], { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, PORT: "0", NODE_ENV: "production" }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  refused.stderr!.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => refused.once("exit", resolve));
  expect(code).toBe(2);
  expect(stderr).toMatch(/refuses NODE_ENV=production; in production start each process from dist\//);
});
