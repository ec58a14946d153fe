import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { mintToken, TokenPayload } from "@gateway/auth";
import { eventually } from "../support/eventually";

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

test("its relays carry events between the subgraphs: a filing the street approves lets the new organization book", async () => {
  // the tokens npm start's own dev secrets sign, as the explorer's dev tokens are
  const { jwtSecret } = JSON.parse(readFileSync(join(dataDir, "secrets.json"), "utf8")) as { jwtSecret: string };
  const send = async (query: string, variables: Record<string, unknown>, token: TokenPayload) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${await mintToken(jwtSecret, token)}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };
  const input = { roomId: "room_zx_a", organizationId: "org_cq_queue_3", purpose: "ACTIVITY", title: "亲子共读会", expectedAttendance: 12, startsAt: "2022-03-14T09:00:00+08:00", endsAt: "2022-03-14T10:00:00+08:00" };
  const leader = { sub: "per_cqq3_leader", roles: ["ORG_LEADER" as const], orgIds: ["org_cq_queue_3"] };
  const BOOK = `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { status } conflicts { reason } } }`;
  const before = await send(BOOK, { input }, leader);
  expect(before.data.createBooking).toEqual({ booking: null, conflicts: [{ reason: "NOT_ELIGIBLE" }] });
  const approved = await send(
    `mutation($id: ID!) { transitionFiling(filingId: $id, action: APPROVE) { status organization { legalForm } } }`,
    { id: "fil_cq_0258" }, // 竹西社区亲子共读站's filing in street review (DOMAIN §10.2): venues does not know the team yet
    { sub: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] },
  );
  expect(approved).toEqual({ data: { transitionFiling: { status: "FILED", organization: { legalForm: "FILED" } } } });
  const booked = await eventually(async () => {
    const body = await send(BOOK, { input }, leader);
    expect(body.data?.createBooking.conflicts).toEqual([]);
    return body.data.createBooking.booking;
  }, 15_000, 200);
  expect(booked).toEqual({ status: expect.stringMatching(/^(CONFIRMED|PENDING_APPROVAL)$/) });
}, 30_000);

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
