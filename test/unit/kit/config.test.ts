import { loadGatewayConfig } from "@gateway/config";
import { ConfigError } from "@platform/config";
import { loadSubgraphConfig } from "@kit/config";
import { exportKey, newSigningKey } from "@platform/request-signing";
import { testGatewayKeyEnv, testSubgraphKeyEnv } from "@kit/testing";
import { createPublicKey, generateKeyPairSync } from "node:crypto";

const SECRET = "s".repeat(32);
const GATEWAY_KEY = testGatewayKeyEnv();
const SUBGRAPH_KEYS = testSubgraphKeyEnv();

test("a subgraph's config names every bad variable and the form it expects", () => {
  const attempt = () => loadSubgraphConfig({ PORT: "http", DATABASE_URL: "postgres://x/db", HUB_GATEWAY_PUBLIC_KEY: "short" }, "venues", 4003);
  expect(attempt).toThrow(ConfigError);
  try {
    attempt();
  } catch (error) {
    const message = (error as Error).message;
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/DATABASE_URL: a MySQL server URL without a database, e.g. mysql:\/\/root@127.0.0.1:3306/);
    expect(message).toMatch(/HUB_GATEWAY_PUBLIC_KEY: one or more Ed25519 public keys: PEM, or base64 SPKI DER on one line, separated by commas/);
  }
});

test("no DATABASE_URL means one SQLite file per subgraph under DATA_DIR", () => {
  const config = loadSubgraphConfig({ ...SUBGRAPH_KEYS, DATA_DIR: "/tmp/hub" }, "venues", 4003);
  expect(config.store).toEqual({ kind: "sqlite", file: "/tmp/hub/venues.sqlite" });
  expect(config.port).toBe(4003);
});

test("DATABASE_URL gives each subgraph its own MySQL database", () => {
  const config = loadSubgraphConfig({ ...SUBGRAPH_KEYS, DATABASE_URL: "mysql://root@127.0.0.1:3306", PORT: "5003" }, "venues", 4003);
  expect(config.store).toEqual({ kind: "mysql", url: "mysql://root@127.0.0.1:3306", database: "hub_venues" });
  expect(config.port).toBe(5003);
});

test("the gateway's config requires its JWT secret and signing key and checks subgraph URLs", () => {
  expect(() => loadGatewayConfig({})).toThrow(/HUB_JWT_SECRET[\s\S]*HUB_GATEWAY_SIGNING_KEY/);
  expect(() => loadGatewayConfig({ HUB_JWT_SECRET: SECRET, ...GATEWAY_KEY, VENUES_URL: "venues:4003" })).toThrow(/VENUES_URL: an http\(s\) URL/);
});

test("SHUTDOWN_TIMEOUT_MS bounds a stopping process's wait for in-flight requests: 10 s unless set, in whole milliseconds", () => {
  expect(loadSubgraphConfig({ ...SUBGRAPH_KEYS }, "venues", 4003).shutdownTimeoutMs).toBe(10_000);
  expect(loadSubgraphConfig({ ...SUBGRAPH_KEYS, SHUTDOWN_TIMEOUT_MS: "2500" }, "venues", 4003).shutdownTimeoutMs).toBe(2500);
  expect(loadGatewayConfig({ HUB_JWT_SECRET: SECRET, ...GATEWAY_KEY, SHUTDOWN_TIMEOUT_MS: "0" }).shutdownTimeoutMs).toBe(0);
  for (const bad of ["10s", "-1", "1.5", "900000"]) {
    expect(() => loadSubgraphConfig({ ...SUBGRAPH_KEYS, SHUTDOWN_TIMEOUT_MS: bad }, "venues", 4003)).toThrow(/SHUTDOWN_TIMEOUT_MS: a whole number of milliseconds from 0 to 600000, e.g. 10000/);
  }
});

test("a LOG_LEVEL that is not a level is named with the levels it may be", () => {
  expect(() => loadGatewayConfig({ HUB_JWT_SECRET: SECRET, ...GATEWAY_KEY, LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL: .*"info"/);
});

describe("signing keys", () => {
  const gatewayKey = newSigningKey();
  const academyKey = newSigningKey();

  test("the gateway takes its Ed25519 private key as base64 DER or PEM; a subgraph takes public keys only", () => {
    const pem = gatewayKey.export({ format: "pem", type: "pkcs8" }).toString();
    for (const form of [exportKey(gatewayKey), pem]) {
      const config = loadGatewayConfig({ HUB_JWT_SECRET: SECRET, HUB_GATEWAY_SIGNING_KEY: form });
      expect(exportKey(createPublicKey(config.signingKey))).toBe(exportKey(createPublicKey(gatewayKey)));
    }
    const publicPem = createPublicKey(gatewayKey).export({ format: "pem", type: "spki" }).toString();
    expect(exportKey(loadSubgraphConfig({ HUB_GATEWAY_PUBLIC_KEY: publicPem }, "venues", 4003).callerKeys.gateway[0])).toBe(exportKey(createPublicKey(gatewayKey)));
    // a private key where the public one belongs is refused, so a subgraph's config never holds the gateway's secret
    expect(() => loadSubgraphConfig({ HUB_GATEWAY_PUBLIC_KEY: exportKey(gatewayKey) }, "venues", 4003)).toThrow(/HUB_GATEWAY_PUBLIC_KEY: one or more Ed25519 public keys/);
    // while the gateway rotates: the old and the new public key, as base64 separated by a comma or as PEM blocks
    const nextKey = generateKeyPairSync("ed25519").privateKey;
    const both = [createPublicKey(gatewayKey), createPublicKey(nextKey)];
    const pems = both.map((key) => key.export({ format: "pem", type: "spki" }).toString()).join("");
    for (const form of [both.map(exportKey).join(","), pems]) {
      expect(loadSubgraphConfig({ HUB_GATEWAY_PUBLIC_KEY: form }, "venues", 4003).callerKeys.gateway.map(exportKey)).toEqual(both.map(exportKey));
    }
  });

  test("a key of another algorithm is named as such", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(() => loadGatewayConfig({ HUB_JWT_SECRET: SECRET, HUB_GATEWAY_SIGNING_KEY: rsa })).toThrow(/HUB_GATEWAY_SIGNING_KEY: an Ed25519 private key: PEM, or base64 PKCS#8 DER on one line; this one is rsa/);
  });

  test("service keys are a list of name:key; the subgraph's own signing key signs as its name; REDIS_URL moves the replay check to Redis", () => {
    const config = loadSubgraphConfig(
      { ...SUBGRAPH_KEYS, HUB_SERVICE_PUBLIC_KEYS: `academy:${exportKey(createPublicKey(academyKey))}`, HUB_SERVICE_SIGNING_KEY: exportKey(academyKey), REDIS_URL: "redis://127.0.0.1:6379" },
      "academy",
      4002,
    );
    expect([...config.callerKeys.services.keys()]).toEqual(["academy"]);
    expect(config.serviceSigner?.keyId).toBe("academy");
    expect(config.replay).toEqual({ redisUrl: "redis://127.0.0.1:6379", keyPrefix: "hub:" });
    expect(loadSubgraphConfig(SUBGRAPH_KEYS, "venues", 4003)).toMatchObject({ serviceSigner: null, replay: null });
    for (const bad of ["academy", "gateway:" + exportKey(createPublicKey(academyKey)), "Academy:x"]) {
      expect(() => loadSubgraphConfig({ ...SUBGRAPH_KEYS, HUB_SERVICE_PUBLIC_KEYS: bad }, "venues", 4003)).toThrow(/HUB_SERVICE_PUBLIC_KEYS: a list of <service>:<base64 SPKI DER Ed25519 public key>/);
    }
  });

  test("HUB_SUBGRAPH_TIMEOUT_MS bounds each subgraph call: 10 s unless set", () => {
    expect(loadGatewayConfig({ HUB_JWT_SECRET: SECRET, ...GATEWAY_KEY }).subgraphTimeoutMs).toBe(10_000);
    expect(loadGatewayConfig({ HUB_JWT_SECRET: SECRET, ...GATEWAY_KEY, HUB_SUBGRAPH_TIMEOUT_MS: "2500" }).subgraphTimeoutMs).toBe(2500);
    expect(() => loadGatewayConfig({ HUB_JWT_SECRET: SECRET, ...GATEWAY_KEY, HUB_SUBGRAPH_TIMEOUT_MS: "10s" })).toThrow(/HUB_SUBGRAPH_TIMEOUT_MS: a whole number of milliseconds from 100 to 600000/);
  });
});
