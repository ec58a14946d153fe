import { createServer, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { Listening } from "@platform/http";
import { RunningSubgraph } from "@kit/server";
import { startTestSubgraph } from "@kit/testing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { startTestGateway } from "../support/hub";

// Issue 10, point 7: one slow subgraph cannot hold the gateway. Venues is played by a server that answers late
// (or starts an answer and never finishes it); the gateway gives up on it after HUB_SUBGRAPH_TIMEOUT_MS.
const TIMEOUT_MS = 1_000;

let organizations: RunningSubgraph;
let slow: Server;
let mode: "no headers" | "no end" = "no headers";
const held: ServerResponse[] = [];
let gateway: Listening;

beforeAll(async () => {
  organizations = await startTestSubgraph(organizationsSubgraph, { seed: true });
  slow = createServer((request, response) => {
    request.resume();
    held.push(response);
    if (mode === "no end") response.writeHead(200, { "content-type": "application/json" }).write('{"data":{');
  });
  await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
  const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`;
  gateway = await startTestGateway({ organizations: organizations.url, venues: slowUrl }, { subgraphTimeoutMs: TIMEOUT_MS });
});
afterAll(async () => {
  await gateway?.stop();
  slow?.closeAllConnections();
  await new Promise((resolve) => slow?.close(resolve));
  await organizations?.stop();
});

const QUERY = `{ organization(id: "org_lezhulin") { name incubationTenancy { id } } facility(id: "fac_cq_incubator") { name } }`;

async function ask(): Promise<{ ms: number; body: any }> {
  const started = performance.now();
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY }) });
  const body = await response.json();
  expect(response.status).toBe(200);
  return { ms: performance.now() - started, body };
}

test.each(["no headers", "no end"] as const)("a subgraph that sends %s costs its own part after the bound; the rest of the answer stands", async (slowness) => {
  mode = slowness;
  const { ms, body } = await ask();
  expect(body.data).toEqual({ organization: { name: "乐竹邻志愿服务队", incubationTenancy: null }, facility: null });
  expect(body.errors.length).toBeGreaterThan(0);
  for (const error of body.errors) expect(error.extensions).toEqual({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "venues" });
  expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  expect(ms).toBeLessThan(TIMEOUT_MS + 2_500);
  // the slow server still holds its side of every call: the gateway did not wait for it
  expect(held.some((response) => !response.writableEnded)).toBe(true);
});

test("requests that never touch the slow subgraph are not held by it", async () => {
  mode = "no headers";
  const slowOnes = [ask(), ask()];
  const started = performance.now();
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: '{ organization(id: "org_lezhulin") { name } }' }) });
  expect(await response.json()).toEqual({ data: { organization: { name: "乐竹邻志愿服务队" } } });
  expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
  await Promise.all(slowOnes);
});
