import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GatewayConfig, loadGatewayConfig } from "@gateway/config";
import { documentHash, loadTrustedDocuments, TrustedDocumentsManifest, trustedOperations } from "@gateway/trusted-documents";
import { pinClock } from "@kit/clock";
import { testGatewayKeyEnv } from "@kit/testing";
import { ConfigError } from "@platform/config";
import { Listening } from "@platform/http";
import { TRUSTED_SOURCES, trustedDocumentsManifest, writeTrustedDocuments } from "@scripts/build-trusted-documents";
import examples from "@web/explorer/examples.json";
import { explorerTabs, OperationExample } from "@web/explorer/tabs";
import { GraphQLResponse, startTestGateway, startTestHub, TestHub } from "../support/hub";
import { startProcess, stopProcess } from "../support/processes";
import { scrape, total } from "../support/prometheus";
import { PARTNER_VARIABLES } from "../support/partner-operations";

// Trusted documents and APQ (issue 10, point 5), and what production hides (point 7: no "Did you mean").
const root = join(__dirname, "..", "..");
const partnerText = readFileSync(join(root, "web", "partner", "operations.graphql"), "utf8");
const demoText = readFileSync(join(root, "test", "contract", "operations.graphql"), "utf8");
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let hub: TestHub; // trusted documents on
let manifestPath: string;
const gateways: Listening[] = [];
let staff: string;
let partner: string;

/** Another gateway in front of the hub's subgraphs, with other settings. */
async function gatewayWith(settings: Partial<GatewayConfig>): Promise<Listening> {
  const gateway = await startTestGateway(Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url])), settings);
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  manifestPath = join(mkdtempSync(join(tmpdir(), "hub-trusted-")), "trusted-documents.json");
  writeTrustedDocuments(root, manifestPath);
  hub = await startTestHub({ gateway: { trustedDocuments: true, trustedDocumentsPath: manifestPath } });
  staff = await hub.token({ sub: "per_fa_admin", roles: ["FEDERATION_ADMIN"] });
  partner = await hub.token({ roles: ["PARTNER"] });
}, 60_000);
afterAll(async () => {
  pinClock(null);
  await Promise.all(gateways.map((g) => g.stop()));
  await hub?.stop();
});

/** POSTs a GraphQL request body as a client would, with `extensions` (APQ) when given. */
async function post(url: string, body: { query?: string; variables?: Record<string, unknown>; extensions?: unknown }, token?: string): Promise<{ status: number; body: GraphQLResponse }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const apq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: documentHash(query) } });
const codes = (body: GraphQLResponse) => (body.errors ?? []).map((e) => e.extensions?.code);
const fetches = async () => total(await scrape(hub.gateway.url), "hub_subgraph_fetch_duration_seconds_count");

/** An ad-hoc query no manifest holds; `tag` makes its text (and hash) new on every run, for a shared Redis. */
const adHoc = (tag = randomUUID()) => `# ${tag}\n{ organization(id: "org_lezhulin") { name homeArea { name } } }`;

describe("the manifest", () => {
  test("holds every operation of the partner page and the demo, each keyed by the sha256 of its printed body", () => {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as TrustedDocumentsManifest;
    expect(manifest).toEqual(trustedDocumentsManifest(root));
    expect(TRUSTED_SOURCES).toEqual(["web/partner/operations.graphql", "test/contract/operations.graphql"]);
    const names = [...trustedOperations(partnerText), ...trustedOperations(demoText)].map((op) => op.name);
    expect(manifest.operations.map((op) => op.name)).toEqual(names);
    expect(names).toEqual(expect.arrayContaining(["PartnerDirectory", "PartnerDayBoard", "PublicDirectory", "BookBirthdayParty"]));
    for (const op of manifest.operations) expect(op.id).toBe(documentHash(op.body));
    expect(loadTrustedDocuments(manifestPath).size).toBe(names.length);
  });

  test("the build writes it into dist/ (npm run build: scripts/build-web.ts)", () => {
    const buildWeb = readFileSync(join(root, "scripts", "build-web.ts"), "utf8");
    expect(buildWeb).toMatch(/writeTrustedDocuments\(repoRoot\(\), manifest\)/);
    if (existsSync(join(root, "dist", "trusted-documents.json"))) expect(JSON.parse(readFileSync(join(root, "dist", "trusted-documents.json"), "utf8")).format).toBe("apollo-persisted-query-manifest");
  });
});

describe("trusted documents on", () => {
  test.each(trustedOperations(partnerText).map((op) => [op.name, op] as const))("the partner page's %s runs anonymously, by its text or its hash alone, and with a PT token", async (name, op) => {
    for (const [body, token] of [
      [{ query: op.body, variables: PARTNER_VARIABLES[name] }, undefined],
      [{ variables: PARTNER_VARIABLES[name], extensions: apq(op.body) }, undefined],
      [{ query: op.body, variables: PARTNER_VARIABLES[name] }, partner],
    ] as const) {
      const { status, body: answer } = await post(hub.gateway.url, body, token);
      expect([status, answer.errors]).toEqual([200, undefined]);
      expect(Object.keys(answer.data).length).toBeGreaterThan(0);
    }
  });

  test("a shipped operation as the explorer sends it (heading comments, its own layout) is recognised by its printed form", async () => {
    const names = trustedOperations(demoText).map((op) => op.name);
    const tab = explorerTabs(demoText, examples as Record<string, OperationExample>)[names.indexOf("PublicDirectory")];
    expect(tab.query).toMatch(/^#/);
    const { body } = await post(hub.gateway.url, { query: tab.query, variables: JSON.parse(tab.variables || "{}") });
    expect(body.errors).toBeUndefined();
  });

  test("an ad-hoc anonymous or partner query is refused before any subgraph is called; the same query with a staff token runs", async () => {
    const query = adHoc();
    for (const token of [undefined, partner]) {
      const before = await fetches();
      const { status, body } = await post(hub.gateway.url, { query }, token);
      expect(await fetches()).toBe(before);
      expect(status).toBe(403);
      expect(codes(body)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
      expect(body.errors![0].message).toMatch(/may run only the hub's registered operations.*sign in as staff.*"Registering partner operations" in the hub's README/);
    }
    const { body } = await post(hub.gateway.url, { query }, staff);
    expect(body.errors).toBeUndefined();
    expect(body.data.organization.name).toBe("乐竹邻志愿服务队");
  });

  test("APQ is no way around it: an anonymous caller cannot register a document, nor run one staff registered", async () => {
    const query = adHoc();
    expect(codes((await post(hub.gateway.url, { query, extensions: apq(query) })).body)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
    expect(codes((await post(hub.gateway.url, { extensions: apq(query) })).body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    // staff may register it and run it by hash; the public still may not
    expect((await post(hub.gateway.url, { query, extensions: apq(query) }, staff)).body.errors).toBeUndefined();
    expect((await post(hub.gateway.url, { extensions: apq(query) }, staff)).body.data.organization.name).toBe("乐竹邻志愿服务队");
    expect(codes((await post(hub.gateway.url, { extensions: apq(query) })).body)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
    expect(codes((await post(hub.gateway.url, { extensions: apq(query) }, partner)).body)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
  });
});

describe("APQ (automatic persisted queries)", () => {
  test("round trip with the mode off: hash alone → PERSISTED_QUERY_NOT_FOUND, then text and hash register it, then the hash alone runs it", async () => {
    const open = await gatewayWith({});
    const query = adHoc();
    const first = await post(open.url, { extensions: apq(query) });
    expect(codes(first.body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    expect((await post(open.url, { query, extensions: apq(query) })).body.data.organization.name).toBe("乐竹邻志愿服务队");
    expect((await post(open.url, { extensions: apq(query) })).body.data.organization.name).toBe("乐竹邻志愿服务队");
    // a hash that does not match the text is refused, and registers nothing
    const other = adHoc();
    expect((await post(open.url, { query: other, extensions: apq(query.replace("name", "code")) })).body.errors?.[0].message).toMatch(/sha256Hash is not the SHA-256 of the query: send the hex SHA-256 of the exact query text/);
    const mismatch = await post(open.url, { query: other, extensions: apq(query.replace("name", "code")) });
    expect([mismatch.status, codes(mismatch.body)]).toEqual([400, ["BAD_REQUEST"]]);
    expect(codes((await post(open.url, { extensions: apq(query.replace("name", "code")) })).body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });

  test("with REDIS_URL, gateway replicas share registered documents", async () => {
    const [a, b] = [await gatewayWith({ redisUrl: REDIS_URL }), await gatewayWith({ redisUrl: REDIS_URL })];
    const query = adHoc();
    expect(codes((await post(b.url, { extensions: apq(query) })).body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    expect((await post(a.url, { query, extensions: apq(query) })).body.errors).toBeUndefined();
    // Apollo stores the document without waiting for it: the first answer from b may come before the write lands
    let answer: GraphQLResponse = {};
    for (let tries = 0; tries < 20 && !answer.data; tries++) answer = (await post(b.url, { extensions: apq(query) })).body;
    expect(answer.data.organization.name).toBe("乐竹邻志愿服务队");
  });
});

describe("configuration and production", () => {
  const secrets = { HUB_JWT_SECRET: "j".repeat(40), ...testGatewayKeyEnv() };

  test("NODE_ENV=production turns trusted documents on and suggestions off; HUB_TRUSTED_DOCUMENTS decides either way", () => {
    expect(loadGatewayConfig(secrets)).toMatchObject({ trustedDocuments: false, hideSuggestions: false });
    expect(loadGatewayConfig({ ...secrets, NODE_ENV: "production" })).toMatchObject({ trustedDocuments: true, hideSuggestions: true });
    expect(loadGatewayConfig({ ...secrets, NODE_ENV: "production", HUB_TRUSTED_DOCUMENTS: "off" }).trustedDocuments).toBe(false);
    expect(loadGatewayConfig({ ...secrets, HUB_TRUSTED_DOCUMENTS: "on" }).trustedDocuments).toBe(true);
    expect(() => loadGatewayConfig({ ...secrets, HUB_TRUSTED_DOCUMENTS: "sometimes" })).toThrow(/HUB_TRUSTED_DOCUMENTS: on or off/);
    expect(() => loadGatewayConfig({ ...secrets, REDIS_URL: "http://cache:6379" })).toThrow(/REDIS_URL: a redis:\/\/ or rediss:\/\/ URL/);
  });

  test("the gateway process in production (NODE_ENV=production, from dist/ as docker runs it) refuses an ad-hoc anonymous query", async () => {
    const gateway = await startProcess("gateway/main.js", { NODE_ENV: "production", ...secrets, SUPERGRAPH_PATH: join(root, "schema", "supergraph.graphql") });
    try {
      const refused = await post(gateway.url, { query: adHoc() });
      expect([refused.status, codes(refused.body)]).toEqual([403, ["PERSISTED_QUERY_NOT_ALLOWED"]]);
    } finally {
      await stopProcess(gateway);
    }
  });

  test("trusted documents on without a manifest: the gateway does not start, and says how to build one", async () => {
    await expect(gatewayWith({ trustedDocuments: true, trustedDocumentsPath: join(tmpdir(), `missing-${randomUUID()}.json`) })).rejects.toThrow(ConfigError);
    await expect(gatewayWith({ trustedDocuments: true, trustedDocumentsPath: join(tmpdir(), "missing.json") })).rejects.toThrow(/npm run build writes it/);
  });

  test("a misspelt field or enum value gets no \"Did you mean\" in production; development keeps the hint", async () => {
    const production = await gatewayWith({ hideSuggestions: true });
    const development = await gatewayWith({});
    const misspelt = [`{ organization(id: "org_lezhulin") { nme } }`, `{ areas(levels: [COMMUNTY]) { code } }`];
    for (const query of misspelt) {
      const hidden = await post(production.url, { query }, staff);
      expect(codes(hidden.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(hidden.body.errors![0].message).not.toMatch(/Did you mean/);
      expect((await post(development.url, { query }, staff)).body.errors![0].message).toMatch(/Did you mean (the enum value )?"(name|COMMUNITY)"/);
    }
    expect((await post(production.url, { query: misspelt[0] }, staff)).body.errors![0].message).toBe('Cannot query field "nme" on type "Organization".');
  });
});
