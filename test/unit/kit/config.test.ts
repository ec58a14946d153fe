import { loadGatewayConfig } from "@gateway/config";
import { ConfigError } from "@platform/config";
import { loadSubgraphConfig } from "@kit/config";

const SECRET = "s".repeat(32);

test("a subgraph's config names every bad variable and the form it expects", () => {
  const attempt = () => loadSubgraphConfig({ PORT: "http", DATABASE_URL: "postgres://x/db", HUB_IDENTITY_SECRET: "short" }, "venues", 4003);
  expect(attempt).toThrow(ConfigError);
  try {
    attempt();
  } catch (error) {
    const message = (error as Error).message;
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/DATABASE_URL: a MySQL server URL without a database, e.g. mysql:\/\/root@127.0.0.1:3306/);
    expect(message).toMatch(/HUB_IDENTITY_SECRET: at least 32 characters/);
  }
});

test("no DATABASE_URL means one SQLite file per subgraph under DATA_DIR", () => {
  const config = loadSubgraphConfig({ HUB_IDENTITY_SECRET: SECRET, DATA_DIR: "/tmp/hub" }, "venues", 4003);
  expect(config.store).toEqual({ kind: "sqlite", file: "/tmp/hub/venues.sqlite" });
  expect(config.port).toBe(4003);
});

test("DATABASE_URL gives each subgraph its own MySQL database", () => {
  const config = loadSubgraphConfig({ HUB_IDENTITY_SECRET: SECRET, DATABASE_URL: "mysql://root@127.0.0.1:3306", PORT: "5003" }, "venues", 4003);
  expect(config.store).toEqual({ kind: "mysql", url: "mysql://root@127.0.0.1:3306", database: "hub_venues" });
  expect(config.port).toBe(5003);
});

test("the gateway's config requires both secrets and checks subgraph URLs", () => {
  expect(() => loadGatewayConfig({})).toThrow(/HUB_JWT_SECRET[\s\S]*HUB_IDENTITY_SECRET/);
  expect(() => loadGatewayConfig({ HUB_JWT_SECRET: SECRET, HUB_IDENTITY_SECRET: SECRET, VENUES_URL: "venues:4003" })).toThrow(/VENUES_URL: an http\(s\) URL/);
});

test("SHUTDOWN_TIMEOUT_MS bounds a stopping process's wait for in-flight requests: 10 s unless set, in whole milliseconds", () => {
  expect(loadSubgraphConfig({ HUB_IDENTITY_SECRET: SECRET }, "venues", 4003).shutdownTimeoutMs).toBe(10_000);
  expect(loadSubgraphConfig({ HUB_IDENTITY_SECRET: SECRET, SHUTDOWN_TIMEOUT_MS: "2500" }, "venues", 4003).shutdownTimeoutMs).toBe(2500);
  expect(loadGatewayConfig({ HUB_JWT_SECRET: SECRET, HUB_IDENTITY_SECRET: SECRET, SHUTDOWN_TIMEOUT_MS: "0" }).shutdownTimeoutMs).toBe(0);
  for (const bad of ["10s", "-1", "1.5", "900000"]) {
    expect(() => loadSubgraphConfig({ HUB_IDENTITY_SECRET: SECRET, SHUTDOWN_TIMEOUT_MS: bad }, "venues", 4003)).toThrow(/SHUTDOWN_TIMEOUT_MS: a whole number of milliseconds from 0 to 600000, e.g. 10000/);
  }
});

test("a LOG_LEVEL that is not a level is named with the levels it may be", () => {
  expect(() => loadGatewayConfig({ HUB_JWT_SECRET: SECRET, HUB_IDENTITY_SECRET: SECRET, LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL: .*"info"/);
});
