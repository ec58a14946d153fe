import { ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ANONYMOUS_CLAIMS } from "@platform/identity";
import { signedHeaders } from "@platform/request-signing";
import { testGatewayKeyEnv, testSigner, testSubgraphKeyEnv } from "@kit/testing";

// SIGTERM as docker or Kubernetes sends it, to the entry points docker-compose runs: each process stops accepting,
// lets the request in flight finish (within SHUTDOWN_TIMEOUT_MS), closes its store and exits 0.
// `npm test` builds dist/ first (schema:check); HUB_DIST_DIR points this file at another build of the same code.
const root = join(__dirname, "..", "..");
const dist = join(root, process.env.HUB_DIST_DIR ?? "dist");
const SECRETS = { ...testGatewayKeyEnv(), ...testSubgraphKeyEnv(), HUB_JWT_SECRET: "j".repeat(40) };
/** Headers that sign `body` for `subgraph` as the gateway would. */
const signedFor = (subgraph: string, body: string, requestId: string) => signedHeaders(testSigner(), { method: "POST", path: "/graphql", audience: subgraph }, ANONYMOUS_CLAIMS, requestId, body);
/** A subgraph's store: a fresh SQLite folder, or on a MySQL run this run's own databases there (empty, no seed). */
const store = (): Record<string, string> =>
  process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_PREFIX: `${(process.env.DATABASE_PREFIX ?? "hubtest_").slice(0, 14)}stop_` }
    : { DATA_DIR: mkdtempSync(join(tmpdir(), "hub-stop-")) };
const children: ChildProcess[] = [];

afterEach(() => {
  // a failed test must not leave its process behind
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  exited: Promise<number | null>;
  /** Every JSON line the process logged so far. */
  logged: Record<string, unknown>[];
  /** Resolves with the first logged line (earlier or later) whose message matches. */
  logs(message: RegExp): Promise<Record<string, unknown>>;
}

function start(entry: string, env: Record<string, string>): Promise<Running> {
  const script = join(dist, entry);
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  // "close", not "exit": by then every line the process wrote has been read
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const logged: Record<string, unknown>[] = [];
  const waiting: { message: RegExp; resolve: (line: Record<string, unknown>) => void }[] = [];
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    exited.then((code) => reject(new Error(`${entry} exited with ${code} before listening: ${stderr}`)));
    createInterface({ input: child.stdout! }).on("line", (text) => {
      const line = JSON.parse(text) as Record<string, unknown>;
      logged.push(line);
      for (const w of waiting.filter((w) => w.message.test(String(line.msg)))) w.resolve(line);
      if (typeof line.url === "string") {
        const url = line.url;
        resolve({
          child,
          url,
          port: Number(new URL(url).port),
          exited,
          logged,
          logs: (message) => new Promise((found) => {
            const seen = logged.find((l) => message.test(String(l.msg)));
            if (seen) found(seen);
            else waiting.push({ message, resolve: found });
          }),
        });
      }
    });
  });
}

interface Held {
  /** Sends the rest of the body. */
  finish(): void;
  response: Promise<{ status: number; connection: string | undefined; body: unknown }>;
}

/**
 * A POST whose body arrives in two parts. It asks for `100 Continue`, which the server sends once it has taken
 * the request and started reading the body: from then on the request is in flight, until `finish`.
 */
async function heldRequest(url: string, body: string, headers: Record<string, string> = {}): Promise<Held> {
  const bytes = Buffer.from(body);
  const request = httpRequest(url, { method: "POST", agent: false, headers: { ...headers, "content-type": "application/json", "content-length": String(bytes.length), expect: "100-continue" } });
  const response = new Promise<{ status: number; connection: string | undefined; body: unknown }>((resolve, reject) => {
    request.on("error", reject);
    request.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: JSON.parse(text) }));
    });
  });
  response.catch(() => undefined); // awaited by the test; this only keeps an early failure from going unhandled
  await new Promise((taken) => request.once("continue", taken));
  request.write(bytes.subarray(0, bytes.length >> 1));
  return { finish: () => request.end(bytes.subarray(bytes.length >> 1)), response };
}

/** Whether a new TCP connection to the port is accepted ("accepted") or refused (its error code). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("accepted");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

test("on SIGTERM a subgraph refuses new connections, answers the request in flight, closes its store and exits 0", async () => {
  const organizations = await start("subgraphs/organizations/main.js", { ...SECRETS, ...store() });
  const body = JSON.stringify({ query: "query CountOrganizations { organizations { totalCount } }" });
  const held = await heldRequest(organizations.url, body, signedFor("organizations", body, "held-subgraph-request"));

  organizations.child.kill("SIGTERM");
  await organizations.logs(/^stopping subgraph organizations$/);
  expect(await tryConnect(organizations.port)).toBe("ECONNREFUSED");

  held.finish();
  expect(await held.response).toEqual({ status: 200, connection: "close", body: { data: { organizations: { totalCount: 0 } } } });
  expect(await organizations.exited).toBe(0);
  expect(organizations.logged).toContainEqual(expect.objectContaining({ msg: "graphql request", requestId: "held-subgraph-request", status: 200 }));
  expect(organizations.logged.at(-1)).toMatchObject({ msg: "subgraph organizations stopped" }); // after the pool closed
});

test("on SIGTERM the gateway refuses new connections, answers the request in flight and exits 0", async () => {
  const gateway = await start("gateway/main.js", { ...SECRETS, SUPERGRAPH_PATH: join(root, "schema", "supergraph.graphql") });
  const held = await heldRequest(gateway.url, JSON.stringify({ query: "query Ping { __typename }" }), { "x-request-id": "held-gateway-request" });

  gateway.child.kill("SIGTERM");
  await gateway.logs(/^stopping gateway$/);
  expect(await tryConnect(gateway.port)).toBe("ECONNREFUSED");

  held.finish();
  expect(await held.response).toEqual({ status: 200, connection: "close", body: { data: { __typename: "Query" } } });
  expect(await gateway.exited).toBe(0);
  expect(gateway.logged).toContainEqual(expect.objectContaining({ msg: "graphql request", service: "gateway", requestId: "held-gateway-request", operationName: "Ping", status: 200 }));
});

test("a request still in flight at SHUTDOWN_TIMEOUT_MS is cut, and the process still closes its store and exits 0", async () => {
  const venues = await start("subgraphs/venues/main.js", { ...SECRETS, ...store(), SHUTDOWN_TIMEOUT_MS: "200" });
  const body = JSON.stringify({ query: "{ facilities { totalCount } }" });
  const held = await heldRequest(venues.url, body, signedFor("venues", body, "never-finished"));

  venues.child.kill("SIGTERM"); // and the rest of the body never comes
  await expect(held.response).rejects.toThrow(/socket hang up|ECONNRESET/);
  expect(await venues.exited).toBe(0);
  expect(venues.logged).toContainEqual(expect.objectContaining({ msg: "cutting connections still open at the shutdown bound", requests: 1, graceMs: 200 }));
  expect(venues.logged.at(-1)).toMatchObject({ msg: "subgraph venues stopped" });
});

test("a SHUTDOWN_TIMEOUT_MS that is not a number of milliseconds stops the process at start, naming it", async () => {
  await expect(start("gateway/main.js", { ...SECRETS, SHUTDOWN_TIMEOUT_MS: "10s" })).rejects.toThrow(
    /exited with 2 before listening: Invalid environment for the gateway:\n {2}SHUTDOWN_TIMEOUT_MS: a whole number of milliseconds from 0 to 600000, e.g. 10000/,
  );
});
