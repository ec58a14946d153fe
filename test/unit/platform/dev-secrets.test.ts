import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePrivateKey } from "@platform/request-signing";
import { loadOrCreateDevSecrets } from "@scripts/dev-secrets";

// npm start's secrets: generated once into data/secrets.json, kept across restarts.
const fresh = () => mkdtempSync(join(tmpdir(), "hub-secrets-"));

test("the first start writes a JWT secret and Ed25519 keys (the gateway's, one per subgraph) readable only by the owner", () => {
  const dir = fresh();
  const secrets = loadOrCreateDevSecrets(dir, {}, ["academy", "venues"]);
  expect(parsePrivateKey(secrets.gatewaySigningKey).asymmetricKeyType).toBe("ed25519");
  expect(Object.keys(secrets.serviceSigningKeys)).toEqual(["academy", "venues"]);
  expect(statSync(join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
  expect(loadOrCreateDevSecrets(dir, {}, ["academy", "venues"])).toEqual(secrets);
});

test("a secrets file from the HMAC days keeps its JWT secret (dev tokens stay valid) and gains the keys", () => {
  const dir = fresh();
  writeFileSync(join(dir, "secrets.json"), JSON.stringify({ jwtSecret: "j".repeat(64), identitySecret: "i".repeat(64) }));
  const secrets = loadOrCreateDevSecrets(dir, {}, ["academy"]);
  expect(secrets.jwtSecret).toBe("j".repeat(64));
  const stored = JSON.parse(readFileSync(join(dir, "secrets.json"), "utf8"));
  expect(stored).toEqual({ jwtSecret: "j".repeat(64), gatewaySigningKey: secrets.gatewaySigningKey, serviceSigningKeys: { academy: secrets.serviceSigningKeys.academy } });
});

test("the environment overrides the JWT secret and the gateway's key without writing them", () => {
  const dir = fresh();
  const stored = loadOrCreateDevSecrets(dir, {});
  const secrets = loadOrCreateDevSecrets(dir, { HUB_JWT_SECRET: "e".repeat(40), HUB_GATEWAY_SIGNING_KEY: "from-env" });
  expect(secrets).toMatchObject({ jwtSecret: "e".repeat(40), gatewaySigningKey: "from-env" });
  expect(JSON.parse(readFileSync(join(dir, "secrets.json"), "utf8"))).toEqual(stored);
});
