import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { ANONYMOUS_CLAIMS } from "@platform/identity";
import { signedHeaders } from "@platform/request-signing";
import { freshTestStore, testGatewayKeyEnv, testSigner, testSubgraphKeyEnv } from "@kit/testing";
import { startProcess, StartedProcess, stopProcess } from "../support/processes";
import { parseExposition, total } from "../support/prometheus";
import { eventually } from "../support/eventually";

// HUB_WORKERS=2 (platform/cluster.ts): a subgraph and the gateway from dist/, each a primary and two workers
// sharing one port. On MySQL with Redis (the refusals without them are in test/unit/platform/workers-config.test.ts).

jest.setTimeout(120_000);

const root = join(__dirname, "..", "..");
const QUERY = JSON.stringify({ query: "query CountOrganizations { organizations { totalCount } }" });

/** A POST on a connection of its own (no keep-alive), so that the cluster's round-robin hands each to the next worker. */
function postAlone(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", agent: false, headers: { ...headers, "content-type": "application/json" } }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, text }));
    });
    request.on("error", reject).end(body);
  });
}

/** GET /metrics on a connection of its own: whichever worker takes it. */
const scrapeAlone = (graphqlUrl: string) =>
  new Promise<string>((resolve, reject) => {
    httpRequest(graphqlUrl.replace(/\/graphql$/, "/metrics"), { agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`/metrics answered ${response.statusCode}: ${text}`))));
    })
      .on("error", reject)
      .end();
  });

const requestLines = (running: StartedProcess, requestId?: string) => running.logged.filter((l) => l.msg === "graphql request" && (!requestId || l.requestId === requestId));
const untilLogged = (running: StartedProcess, msg: RegExp, count = 1) => eventually(() => expect(running.logged.filter((l) => msg.test(String(l.msg))).length).toBeGreaterThanOrEqual(count), 60_000);

(process.env.DATABASE_URL ? describe : describe.skip)("HUB_WORKERS=2 on MySQL with Redis", () => {
  let subgraph: StartedProcess;
  let gateway: StartedProcess;
  let database = "";

  beforeAll(async () => {
    const store = await freshTestStore("organizations");
    if (store.kind !== "mysql") throw new Error("a MySQL store was expected");
    database = store.database;
    subgraph = await startProcess("subgraphs/organizations/main.js", {
      ...testSubgraphKeyEnv(),
      DATABASE_URL: store.url,
      DATABASE_PREFIX: store.database.slice(0, -"organizations".length),
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_KEY_PREFIX: `hubtest:${randomUUID().slice(0, 8)}:`,
      HUB_WORKERS: "2",
    });
    gateway = await startProcess("gateway/main.js", {
      ...testGatewayKeyEnv(),
      HUB_JWT_SECRET: "j".repeat(40),
      SUPERGRAPH_PATH: join(root, "schema", "supergraph.graphql"),
      ORGANIZATIONS_URL: subgraph.url,
      // what is counted here are requests that reach the workers and the subgraph, not answers from a cache
      HUB_RESPONSE_CACHE: "off",
      HUB_WORKERS: "2",
    });
    await untilLogged(subgraph, /all 2 workers listening/);
    await untilLogged(gateway, /all 2 workers listening/);
  });

  afterAll(async () => {
    for (const running of [gateway, subgraph]) if (running?.child.exitCode === null) running.child.kill("SIGKILL");
    const connection = await createConnection({ uri: process.env.DATABASE_URL });
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``).finally(() => connection.end());
  });

  test("requests on separate connections are answered by both workers, through the gateway and at the subgraph", async () => {
    for (let i = 0; i < 6; i++) expect(await postAlone(gateway.url, QUERY, { "x-request-id": `via-gateway-${i}` })).toEqual({ status: 200, text: expect.stringContaining('"totalCount":0') });
    // a request's log line follows its response
    const served = await eventually(() => {
      const lines = requestLines(gateway).filter((l) => String(l.requestId).startsWith("via-gateway-"));
      expect(lines).toHaveLength(6);
      return lines;
    });
    expect(new Set(served.map((l) => l.worker)).size).toBe(2);
  });

  test("a signed request one worker served is refused by the other: the nonces are shared", async () => {
    const headers = signedHeaders(testSigner(), { method: "POST", path: "/graphql", audience: "organizations" }, ANONYMOUS_CLAIMS, "replayed-request", QUERY);
    expect((await postAlone(subgraph.url, QUERY, headers)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await postAlone(subgraph.url, QUERY, headers)).status).toBe(401);
    await eventually(() => expect(requestLines(subgraph, "replayed-request")).toHaveLength(4));
    const [first, ...replays] = requestLines(subgraph, "replayed-request");
    expect(first.status).toBe(200);
    expect(replays.map((l) => l.errorCodes)).toEqual([["UNAUTHENTICATED"], ["UNAUTHENTICATED"], ["UNAUTHENTICATED"]]);
    expect(replays.some((l) => l.worker !== first.worker)).toBe(true);
  });

  test("one scrape of /metrics reports every worker's counts, whichever worker serves it", async () => {
    const answered = () => requestLines(subgraph).length;
    for (const running of [gateway, subgraph]) {
      const service = running === gateway ? "gateway" : "organizations";
      const counts = [];
      for (let i = 0; i < 2; i++) counts.push(total(parseExposition(await scrapeAlone(running.url)), "hub_graphql_requests_total", { service }));
      expect(counts).toEqual(running === gateway ? [6, 6] : [answered(), answered()]);
    }
    expect(total(parseExposition(await scrapeAlone(subgraph.url)), "hub_sql_statements_total")).toBeGreaterThan(0);
  });

  test("a worker that dies is replaced", async () => {
    const workers = new Set(requestLines(subgraph).map((l) => l.worker as number));
    process.kill([...workers][0], "SIGKILL");
    await untilLogged(subgraph, /a worker died; replacing it/);
    await untilLogged(subgraph, /a replacement worker is listening/);
    expect((await postAlone(gateway.url, QUERY)).status).toBe(200);
  });

  test("SIGTERM drains every worker and the primary exits 0", async () => {
    expect(await stopProcess(gateway)).toBe(0);
    expect(await stopProcess(subgraph)).toBe(0);
    await eventually(() => expect(subgraph.logged.at(-1)).toMatchObject({ msg: "subgraph organizations stopped", exitCodes: [0, 0] })); // the primary's
    expect(subgraph.logged.filter((l) => l.msg === "subgraph organizations stopped" && l.worker).length).toBe(2);
  });
});

test("HUB_WORKERS=2 on SQLite is refused at start with what it needs", async () => {
  const refused = startProcess("subgraphs/organizations/main.js", { ...testSubgraphKeyEnv(), DATA_DIR: "/nonexistent", HUB_WORKERS: "2" });
  await expect(refused).rejects.toThrow(/exited with 2: Invalid environment for the organizations subgraph:\n {2}HUB_WORKERS: more than 1 needs DATABASE_URL/);
});
