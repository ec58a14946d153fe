import { networkInterfaces } from "node:os";
import { GatewayConfig, loadGatewayConfig } from "@gateway/config";
import { isLoopback } from "@gateway/loopback";
import { ConfigError } from "@platform/config";
import { Listening } from "@platform/http";
import { testGatewayKeyEnv } from "@kit/testing";
import { startTestGateway } from "../support/hub";
import { parseExposition, scrape, total } from "../support/prometheus";

// What the gateway shows beyond /graphql (issue 10, point 7): introspection, /metrics, CORS and dev tokens. The
// gateways here have no subgraphs: everything tested is answered by the gateway itself.
const started: Listening[] = [];
async function gateway(config: Partial<GatewayConfig> = {}): Promise<Listening> {
  const running = await startTestGateway({}, config);
  started.push(running);
  return running;
}
afterAll(() => Promise.all(started.map((g) => g.stop())));

const METRICS_TOKEN = "metrics-token-0123456789abcdef";
const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

describe("introspection", () => {
  const INTROSPECT = "{ __schema { queryType { name } } }";

  test("a production gateway refuses __schema and __type with GRAPHQL_VALIDATION_FAILED; __typename still answers", async () => {
    const production = await gateway({ production: true });
    for (const query of [INTROSPECT, '{ __type(name: "Organization") { fields { name } } }']) {
      const body = (await (await post(production.url, query)).json()) as any;
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(body.errors[0].message).toMatch(/introspection is not allowed/i);
    }
    expect(await (await post(production.url, "{ __typename }")).json()).toEqual({ data: { __typename: "Query" } });
  });

  test("a development gateway answers __schema", async () => {
    const body = await (await post((await gateway()).url, INTROSPECT)).json();
    expect(body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });
});

describe("/metrics", () => {
  test("with HUB_METRICS_TOKEN it asks for the token: 401 without or with another, the exposition with it", async () => {
    const guarded = await gateway({ metricsToken: METRICS_TOKEN, production: true });
    const metricsUrl = guarded.url.replace(/\/graphql$/, "/metrics");
    for (const headers of [{}, { authorization: "Bearer wrong-token-0123456789abcdef" }, { authorization: METRICS_TOKEN }] as Record<string, string>[]) {
      const response = await fetch(metricsUrl, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain("hub_");
    }
    expect(total(await scrape(guarded.url, METRICS_TOKEN), "hub_process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  test("a production gateway without a token does not serve /metrics; a development one does, openly", async () => {
    const production = await gateway({ production: true });
    const response = await fetch(production.url.replace(/\/graphql$/, "/metrics"));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("hub_");
    const development = await fetch((await gateway()).url.replace(/\/graphql$/, "/metrics"));
    expect(total(parseExposition(await development.text()), "hub_process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});

describe("CORS", () => {
  const PARTNER = "https://partner.example.org";
  const preflight = (url: string, origin: string) =>
    fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" } });

  test("a listed origin's preflight is answered 204 with the methods and headers it may send", async () => {
    const listed = await gateway({ corsOrigins: [PARTNER, "https://other.example.org"] });
    const response = await preflight(listed.url, PARTNER);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toEqual(expect.stringContaining("authorization"));
    expect(response.headers.get("access-control-allow-headers")).toEqual(expect.stringContaining("content-type"));
    expect(response.headers.get("vary")).toContain("Origin");
  });

  test("a listed origin's POST may be read (its own origin echoed, never *); an unlisted origin gets no CORS headers", async () => {
    const listed = await gateway({ corsOrigins: [PARTNER] });
    const allowed = await post(listed.url, "{ __typename }", { origin: PARTNER });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(allowed.headers.get("access-control-expose-headers")).toContain("x-request-id");
    const other = await post(listed.url, "{ __typename }", { origin: "https://evil.example.org" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const refusedPreflight = await preflight(listed.url, "https://evil.example.org");
    expect(refusedPreflight.status).toBe(403);
    expect(refusedPreflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("without an allow-list no response carries CORS headers", async () => {
    const closed = await gateway();
    const response = await post(closed.url, "{ __typename }", { origin: PARTNER });
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
    expect((await preflight(closed.url, PARTNER)).status).toBe(403);
  });
});

describe("dev tokens only on loopback", () => {
  /** An address of this machine that is not loopback, if it has one. */
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;

  test("the guard reads the socket's address: 127.0.0.0/8, ::1 and ::ffff:127.x are loopback, nothing else is", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(address)).toBe(true);
    for (const address of ["192.0.2.2", "10.0.0.1", "::ffff:10.0.0.1", "fd00::2", "0.0.0.0", "localhost", "", undefined]) expect(isLoopback(address)).toBe(false);
  });

  (external ? test : test.skip)(`a gateway on every interface hands a dev token to 127.0.0.1, and 403 to ${external} even with X-Forwarded-For: 127.0.0.1`, async () => {
    const open = await gateway({ host: "0.0.0.0", devTools: true });
    const local = await fetch(`http://127.0.0.1:${open.port}/dev/token?role=OL`);
    expect(local.status).toBe(200);
    expect(((await local.json()) as { token: string }).token).toMatch(/^ey/);
    const remote = await fetch(`http://${external}:${open.port}/dev/token?role=OL`, { headers: { "x-forwarded-for": "127.0.0.1" } });
    expect(remote.status).toBe(403);
    const body = (await remote.json()) as { token?: string; error: string };
    expect(body.token).toBeUndefined();
    expect(body.error).toMatch(/only to clients on the gateway's own machine/);
  });
});

describe("configuration", () => {
  const base = { HUB_JWT_SECRET: "s".repeat(40), ...testGatewayKeyEnv() };

  test("the gateway listens on 127.0.0.1 unless HOST says otherwise", () => {
    expect(loadGatewayConfig(base).host).toBe("127.0.0.1");
    expect(loadGatewayConfig({ ...base, HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
  });

  test("NODE_ENV=production is production; development tools there are a ConfigError", () => {
    expect(loadGatewayConfig({ ...base, NODE_ENV: "production" })).toMatchObject({ production: true, devTools: false, corsOrigins: [] });
    expect(loadGatewayConfig({ ...base, NODE_ENV: "test" }).production).toBe(false);
    expect(() => loadGatewayConfig({ ...base, NODE_ENV: "production", HUB_DEV_TOOLS: "on" })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...base, NODE_ENV: "production", HUB_DEV_TOOLS: "on" })).toThrow(/HUB_DEV_TOOLS: must be off with NODE_ENV=production/);
  });

  test("HUB_CORS_ORIGINS is a comma-separated list of origins; a path or a bare host is a ConfigError", () => {
    expect(loadGatewayConfig({ ...base, HUB_CORS_ORIGINS: "https://a.example.org, http://localhost:5173" }).corsOrigins).toEqual(["https://a.example.org", "http://localhost:5173"]);
    expect(() => loadGatewayConfig({ ...base, HUB_CORS_ORIGINS: "https://a.example.org/app" })).toThrow(/HUB_CORS_ORIGINS: "https:\/\/a.example.org\/app" is not an origin/);
    expect(() => loadGatewayConfig({ ...base, HUB_CORS_ORIGINS: "a.example.org" })).toThrow(/is not an origin/);
  });

  test("HUB_METRICS_TOKEN must be at least 16 characters", () => {
    expect(loadGatewayConfig({ ...base, HUB_METRICS_TOKEN: METRICS_TOKEN }).metricsToken).toBe(METRICS_TOKEN);
    expect(() => loadGatewayConfig({ ...base, HUB_METRICS_TOKEN: "short" })).toThrow(/HUB_METRICS_TOKEN: at least 16 characters/);
  });
});
