import { createServer, IncomingMessage, Server } from "node:http";
import { AddressInfo } from "node:net";
import { mintToken, TokenPayload } from "@gateway/auth";
import { IDENTITY_HEADER } from "@platform/identity";
import { Listening } from "@platform/http";
import { RunningSubgraph } from "@kit/server";
import { startTestSubgraph } from "@kit/testing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { startTestGateway, TEST_JWT_SECRET } from "../support/hub";
import { scrape, total } from "../support/prometheus";

// Issue 12, point 4: identical reads in flight share one subgraph call, keyed on the body AND the signed identity.
// A proxy in front of the organizations subgraph holds each call 300 ms (so concurrent requests really overlap)
// and records what reached the subgraph.
let subgraph: RunningSubgraph;
let proxy: Server;
let proxyUrl: string;
const seen: { identity: string; body: string }[] = [];

const read = (request: IncomingMessage) => new Promise<string>((resolve) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => resolve(body));
});

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
  proxy = createServer(async (request, response) => {
    const body = await read(request);
    seen.push({ identity: String(request.headers[IDENTITY_HEADER]), body });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !["host", "content-length", "connection"].includes(name))) as Record<string, string>;
    const answer = await fetch(subgraph.url, { method: "POST", headers, body });
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    response.end(await answer.text());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await subgraph?.stop();
});

async function withGateway<T>(dedupeReads: boolean, run: (gateway: Listening) => Promise<T>): Promise<T> {
  const gateway = await startTestGateway({ organizations: proxyUrl }, { dedupeReads });
  try {
    return await run(gateway);
  } finally {
    await gateway.stop();
  }
}

async function ask(gateway: Listening, query: string, token?: TokenPayload) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${await mintToken(TEST_JWT_SECRET, token)}`;
  const response = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const DIRECTORY = `{ organizations(first: 5) { nodes { id name } } }`;
const LEADER = `{ organization(id: "org_lezhulin") { leader { person { displayName } } } }`;
const OL = (sub: string): TokenPayload => ({ sub, roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });

async function calls(action: () => Promise<unknown>): Promise<number> {
  const before = seen.length;
  await action();
  return seen.length - before;
}

test("five identical anonymous reads at once make one subgraph call, and all five get the whole answer", async () => {
  await withGateway(true, async (gateway) => {
    const sharedBefore = total(await scrape(gateway.url), "hub_subgraph_fetches_shared_total", { subgraph: "organizations" });
    let answers: Awaited<ReturnType<typeof ask>>[] = [];
    expect(await calls(async () => (answers = await Promise.all(Array.from({ length: 5 }, () => ask(gateway, DIRECTORY)))))).toBe(1);
    expect(answers[0].data.organizations.nodes).toHaveLength(5);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(total(await scrape(gateway.url), "hub_subgraph_fetches_shared_total", { subgraph: "organizations" }) - sharedBefore).toBe(4);
  });
});

test("different callers never share: the anonymous view stays masked while the leader sees the name", async () => {
  await withGateway(true, async (gateway) => {
    let anonymous: Awaited<ReturnType<typeof ask>> | undefined;
    let leader: Awaited<ReturnType<typeof ask>> | undefined;
    let colleague: Awaited<ReturnType<typeof ask>> | undefined;
    const made = await calls(async () => {
      [anonymous, leader, colleague] = await Promise.all([ask(gateway, LEADER), ask(gateway, LEADER, OL("per_zhang_leader")), ask(gateway, LEADER, OL("per_t_other_leader"))]);
    });
    // one call per identity: the two leaders have the same roles and scope but are different people
    expect(made).toBe(3);
    expect(new Set(seen.slice(-3).map((s) => s.identity)).size).toBe(3);
    expect(anonymous!.data.organization.leader.person.displayName).toBe("张*琴");
    expect(leader!.data.organization.leader.person.displayName).not.toContain("*");
    expect(colleague!.data.organization.leader.person.displayName).not.toContain("*");
  });
});

test("mutations are never shared, even when identical", async () => {
  await withGateway(true, async (gateway) => {
    const mutation = `mutation { transitionFiling(filingId: "fil_t_none", action: SUBMIT) { id } }`;
    const token = OL("per_zhang_leader");
    const made = await calls(() => Promise.all([ask(gateway, mutation, token), ask(gateway, mutation, token)]));
    expect(made).toBe(2);
  });
});

test("with HUB_DEDUPE_READS off every request makes its own call", async () => {
  await withGateway(false, async (gateway) => {
    expect(await calls(() => Promise.all(Array.from({ length: 3 }, () => ask(gateway, DIRECTORY))))).toBe(3);
  });
});
