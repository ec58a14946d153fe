import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { getIntrospectionQuery, GraphQLSchema, parse } from "graphql";
import { TokenPayload } from "@gateway/auth";
import { GATEWAY_ENV, loadGatewayConfig } from "@gateway/config";
import { devIdentity } from "@gateway/dev-identities";
import { DEFAULT_LIMITS, measure } from "@gateway/limits";
import { operationCost } from "@gateway/operation-cost";
import { trustedOperations } from "@gateway/trusted-documents";
import { testGatewayKeyEnv } from "@kit/testing";
import { pinClock } from "@kit/clock";
import { ConfigError } from "@platform/config";
import examples from "@web/explorer/examples.json";
import { explorerTabs, OperationExample } from "@web/explorer/tabs";
import { GraphQLResponse, startTestHub, TestHub } from "../support/hub";
import { validateAgainstSupergraph } from "../support/operations";
import { PARTNER_VARIABLES } from "../support/partner-operations";
import { scrape, total } from "../support/prometheus";

// Query limits at the gateway (issue 10, point 4): refused before anything reaches a subgraph, with
// OPERATION_TOO_COMPLEX naming the limit; and every operation the hub ships runs under the defaults.
const root = join(__dirname, "..", "..");
const demoText = readFileSync(join(root, "test", "contract", "operations.graphql"), "utf8");
const partnerText = readFileSync(join(root, "web", "partner", "operations.graphql"), "utf8");
const EXAMPLES = examples as Record<string, OperationExample>;

let apiSchema: GraphQLSchema | null = null;
const api = () => (apiSchema ??= Supergraph.build(readFileSync(join(root, "schema", "supergraph.graphql"), "utf8")).apiSchema().toGraphQLJSSchema());

let hub: TestHub;
let staff: string;
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10), as the explorer runs them
  hub = await startTestHub();
  staff = await hub.token({ sub: "per_fa_admin", roles: ["FEDERATION_ADMIN"] });
}, 60_000);
afterAll(async () => {
  pinClock(null);
  await hub?.stop();
});

/** Every HTTP request the gateway has made to any subgraph so far (its fetch histogram's count). */
async function subgraphFetches(): Promise<number> {
  return total(await scrape(hub.gateway.url), "hub_subgraph_fetch_duration_seconds_count");
}

/** Sends an operation and asserts it was refused before the gateway sent anything to a subgraph. */
async function refused(query: string, token?: string, variables: Record<string, unknown> = {}): Promise<{ status: number; error: NonNullable<GraphQLResponse["errors"]>[number] }> {
  const before = await subgraphFetches();
  const { status, body } = await hub.query(query, variables, token);
  expect(await subgraphFetches()).toBe(before);
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  return { status, error: body.errors![0] };
}

const nested = (levels: number) => `{ area(code: "340111X01C01") { ${"parent { ".repeat(levels)}code${" }".repeat(levels)} } }`;

describe("refused before execution", () => {
  test("a 40-deep area { parent { parent … } }: OPERATION_TOO_COMPLEX, limit depth, for anyone", async () => {
    for (const token of [undefined, staff]) {
      const { status, error } = await refused(nested(40), token);
      expect(status).toBe(200); // application/json: a request error is answered 200 with errors (GraphQL over HTTP)
      expect(error.extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "depth", found: 42 });
      expect(error.message).toMatch(/nests fields 42 levels deep \(at most \d+\); ask for the deep part in a second request/);
    }
    expect((await refused(nested(12))).error.extensions).toMatchObject({ limit: "depth", max: DEFAULT_LIMITS.public.depth });
    // looser for staff: the same 12 levels run
    const { body } = await hub.query(nested(12), {}, staff);
    expect(body.errors).toBeUndefined();
  });

  test("a client that accepts application/graphql-response+json gets 400 for a refused operation", async () => {
    const response = await fetch(hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: nested(40) }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    expect(((await response.json()) as GraphQLResponse).errors?.[0].extensions?.code).toBe("OPERATION_TOO_COMPLEX");
  });

  test("an alias bomb (200 × organizations(first: 100) with stats and age structure): over the token cap already", async () => {
    const alias = (i: number) => `o${i}: organizations(first: 100) { nodes { id name serviceStats(period: $p) { serviceEvents volunteerHours } ageStructure { averageAge } } }`;
    const bomb = `query Bomb($p: DateRangeInput!) { ${Array.from({ length: 200 }, (_, i) => alias(i)).join(" ")} }`;
    for (const token of [undefined, staff]) {
      const { error } = await refused(bomb, token, { p: { from: "2021-01-01", to: "2021-12-31" } });
      expect(error.extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "tokens" });
    }
  });

  test("a compact alias bomb (100 × organizations(first: 100) { nodes { ageStructure } }): limit aliases", async () => {
    const bomb = `{ ${Array.from({ length: 100 }, (_, i) => `o${i}: organizations(first: 100) { nodes { ageStructure { averageAge } } }`).join(" ")} }`;
    for (const token of [undefined, staff]) {
      const { error } = await refused(bomb, token);
      expect(error.extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "aliases", found: 100 });
      expect(error.message).toMatch(/uses 100 aliases \(at most \d+\); send fewer aliased fields/);
    }
  });

  test("fragment cycles: graphql validation refuses them (GRAPHQL_VALIDATION_FAILED, naming the fragment)", async () => {
    const cycle = `{ area(code: "340111X01C01") { ...Up } } fragment Up on Area { parent { ...Down } } fragment Down on Area { children { ...Up } }`;
    const { error } = await refused(cycle);
    expect(error.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toMatch(/Cannot spread fragment "Up" within itself via "Down"/);
  });

  test("a 4,000-alias body under the 1 MB cap: the parser stops at the token cap (limit tokens)", async () => {
    const query = `{ ${Array.from({ length: 4_000 }, (_, i) => `o${i}: organizations(first: 100) { nodes { id name ageStructure { averageAge } } }`).join(" ")} }`;
    expect(Buffer.byteLength(JSON.stringify({ query }))).toBeLessThan(1_000_000);
    for (const token of [undefined, staff]) {
      const { status, error } = await refused(query, token);
      expect(status).toBe(200);
      expect(error.extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "tokens", max: DEFAULT_LIMITS.staff.tokens });
      expect(error.message).toMatch(/is over \d+ tokens long \(at most \d+\); send a shorter document/);
    }
  });

  test("too many directives: limit directives", async () => {
    const query = (n: number) => `{ areas(levels: [COMMUNITY]) { ${Array.from({ length: n }, () => "code @include(if: true)").join(" ")} } }`;
    expect((await refused(query(DEFAULT_LIMITS.public.directives + 1))).error.extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "directives", found: DEFAULT_LIMITS.public.directives + 1 });
    expect((await refused(query(DEFAULT_LIMITS.staff.directives + 1), staff)).error.extensions).toMatchObject({ limit: "directives", max: DEFAULT_LIMITS.staff.directives });
  });

  test("too many tokens: limit tokens (an anonymous caller's cap is lower than staff's)", async () => {
    const query = `{ areas(levels: [${Array(DEFAULT_LIMITS.public.tokens).fill("COMMUNITY").join(" ")}]) { code } }`;
    expect((await refused(query)).error.extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "tokens", max: DEFAULT_LIMITS.public.tokens });
    const { body } = await hub.query(query, {}, staff);
    expect(body.errors).toBeUndefined();
    expect(body.data.areas.length).toBeGreaterThan(0);
  });

  test("cost: lists weigh their page size, from the argument or the variable that sets it", async () => {
    const query = `query Deep($n: Int) { organizations(first: $n) { nodes { enrollments { offering { sessions { id } } } } } }`;
    const { error } = await refused(query, undefined, { n: 100 });
    // 100 organizations × (1 + 1 nodes × (1 + 10 enrollments × (1 + 1 offering × (1 + 10 sessions))))
    expect(error.extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "cost", found: 12_200, max: DEFAULT_LIMITS.public.cost });
    expect(error.message).toMatch(/could return up to 12200 objects .*ask for smaller pages/);
    const small = await hub.query(query, { n: 3 });
    expect(small.body.errors).toBeUndefined();
  });

  test("fetches per subgraph: a plan that would call venues 8 times is refused for the public, runs for staff", async () => {
    const query = `{ ${Array.from({ length: 8 }, (_, i) => `o${i}: organization(id: "org_lezhulin") { bookings { id } }`).join(" ")} }`;
    const { error } = await refused(query);
    expect(error.extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "subgraphFetches", subgraph: "venues", found: 8, max: DEFAULT_LIMITS.public.subgraphFetches });
    expect(error.message).toMatch(/needs 8 fetches to the venues subgraph/);
    const { body } = await hub.query(query, {}, staff);
    expect(body.errors).toBeUndefined();
  });
});

describe("every operation the hub ships runs under the default limits", () => {
  const tokenFor = async (role: string) => (role === "anonymous" ? undefined : hub.token(devIdentity(role)!.payload as TokenPayload));

  // Some demo operations name parts of the API still to come and fail validation before any limit is checked:
  // every operation is measured here against the limits of the role the explorer runs it as, and those that
  // validate also run through the gateway below.
  test.each(trustedOperations(demoText).map((op) => [op.name, op] as const))("demo operation %s is within its explorer role's limits", (name, op) => {
    const example = EXAMPLES[name];
    const tier = example.role === "anonymous" || example.role === "PT" ? DEFAULT_LIMITS.public : DEFAULT_LIMITS.staff;
    const document = parse(op.body);
    const measures = { ...measure(api(), document, op.body), cost: operationCost(api(), document, name, example.variables) };
    for (const limit of ["depth", "aliases", "directives", "tokens", "cost"] as const) expect([limit, measures[limit] <= tier[limit]]).toEqual([limit, true]);
  });

  test.each(trustedOperations(demoText).map((op) => [op.name, op] as const))("demo operation %s runs through the gateway, as its explorer role, unless it does not validate yet", async (name, op) => {
    const example = EXAMPLES[name];
    const { body } = await hub.query(op.body, example.variables, await tokenFor(example.role));
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    if (validateAgainstSupergraph(op.body).length > 0) return expect(codes).toContain("GRAPHQL_VALIDATION_FAILED");
    expect(codes.filter((code) => ["OPERATION_TOO_COMPLEX", "PERSISTED_QUERY_NOT_ALLOWED", "GRAPHQL_VALIDATION_FAILED"].includes(code))).toEqual([]);
  });

  test.each(trustedOperations(partnerText).map((op) => [op.name, op] as const))("partner page operation %s, anonymously", async (name, op) => {
    const { body } = await hub.query(op.body, PARTNER_VARIABLES[name]);
    expect(body.errors).toBeUndefined();
  });

  test("the explorer's tabs as it sends them (heading comments and all), and GraphiQL's introspection query", async () => {
    const names = trustedOperations(demoText).map((op) => op.name);
    const tabs = explorerTabs(demoText, EXAMPLES);
    for (const [i, tab] of tabs.entries()) {
      const example = EXAMPLES[names[i]];
      const { body } = await hub.query(tab.query, tab.variables ? JSON.parse(tab.variables) : {}, await tokenFor(example.role));
      expect([names[i], body.errors?.filter((e) => e.extensions?.code === "OPERATION_TOO_COMPLEX") ?? []]).toEqual([names[i], []]);
    }
    // GraphiQL introspects anonymously, with and without subscriptionType (@graphiql/react useIntrospectionQuery)
    for (const query of [getIntrospectionQuery(), getIntrospectionQuery().replace("subscriptionType { name }", "")]) {
      const { body } = await hub.query(query);
      expect(body.errors).toBeUndefined();
      expect(body.data.__schema.queryType.name).toBe("Query");
    }
  });
});

describe("configuration", () => {
  const secrets = { HUB_JWT_SECRET: "j".repeat(40), ...testGatewayKeyEnv() };

  test("each limit takes public/staff or one number for both; a bad value names its variable", () => {
    expect(loadGatewayConfig(secrets).limits).toEqual(DEFAULT_LIMITS);
    const limits = loadGatewayConfig({ ...secrets, HUB_MAX_DEPTH: "8/14", HUB_MAX_COST: "900" }).limits!;
    expect([limits.public.depth, limits.staff.depth, limits.public.cost, limits.staff.cost]).toEqual([8, 14, 900, 900]);
    expect(() => loadGatewayConfig({ ...secrets, HUB_MAX_ALIASES: "many" })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...secrets, HUB_MAX_ALIASES: "many" })).toThrow(/HUB_MAX_ALIASES: a number, or two as public\/staff/);
    expect(GATEWAY_ENV.HUB_MAX_DEPTH.safeParse(undefined).data).toBe(`${DEFAULT_LIMITS.public.depth}/${DEFAULT_LIMITS.staff.depth}`);
  });
});
