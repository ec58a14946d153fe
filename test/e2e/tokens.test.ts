import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, JWTPayload, KeyLike, SignJWT } from "jose";
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from "@gateway/auth";
import { loadGatewayConfig } from "@gateway/config";
import { DEV_IDENTITIES } from "@gateway/dev-identities";
import { ConfigError } from "@platform/config";
import { Listening } from "@platform/http";
import { testGatewayKeyEnv } from "@kit/testing";
import { GraphQLResponse, startTestGateway, startTestHub, TEST_JWT_SECRET, TestHub } from "../support/hub";

// Bearer tokens at the gateway (issue 10, point 2): what it accepts, what it refuses and what it tells the caller.
// One hub with the shared secret (HS256); a second gateway over the same subgraphs that also trusts the keys of an
// identity provider, served as a JSON Web Key Set by a small local HTTP server.
let hub: TestHub;
let jwksGateway: Listening;
let jwksServer: Server;
let rsa: { privateKey: KeyLike; publicKey: KeyLike };
let ec: { privateKey: KeyLike; publicKey: KeyLike };
let stranger: { privateKey: KeyLike; publicKey: KeyLike };
let jwksUrl = "";

beforeAll(async () => {
  hub = await startTestHub();
  rsa = await generateKeyPair("RS256");
  ec = await generateKeyPair("ES256");
  stranger = await generateKeyPair("RS256");
  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" },
    { ...(await exportJWK(ec.publicKey)), kid: "ec-1", alg: "ES256", use: "sig" },
  ];
  jwksServer = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys })));
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  jwksGateway = await startTestGateway(Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url])), { tokens: { jwksUrl, clockToleranceSeconds: 5 } });
});
afterAll(async () => {
  await jwksGateway?.stop();
  await new Promise((resolve) => jwksServer?.close(resolve));
  await hub?.stop();
});

const LEADER = { sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] };
const now = () => Math.floor(Date.now() / 1000);
const secret = new TextEncoder().encode(TEST_JWT_SECRET);

/** A JWT with these claims and header; with `standard`, iss, aud, iat and exp (1 h) unless the claims set them. */
async function sign(claims: JWTPayload, key: KeyLike | Uint8Array = secret, header: { alg: string; kid?: string } = { alg: "HS256" }, standard = true): Promise<string> {
  const filled = standard ? { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now(), exp: now() + 3600, ...claims } : claims;
  return new SignJWT(filled).setProtectedHeader(header).sign(key);
}

async function ask(token: string, url = hub.gateway.url): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ me { id } }" }) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

/** Asserts the token is accepted; returns `me` (the person, when the demo data has them). */
async function accepted(token: string, url = hub.gateway.url): Promise<string | null> {
  const { status, body } = await ask(token, url);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data.me?.id ?? null;
}

/** Asserts a 401 UNAUTHENTICATED whose message matches `why` and tells the caller what to do. */
async function refused(token: string, why: RegExp, url = hub.gateway.url): Promise<void> {
  const { status, body } = await ask(token, url);
  expect(status).toBe(401);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  expect(body.errors?.[0].message).toMatch(why);
  expect(body.errors?.[0].message).toMatch(/sign in again|public view/);
}

describe("the shared secret (HS256)", () => {
  test("a well-formed token is the person it names", async () => {
    expect(await accepted(await hub.token(LEADER))).toBe("per_zhang_leader");
  });

  test("every dev identity of the explorer's picker gets a token the gateway accepts", async () => {
    for (const identity of DEV_IDENTITIES) await accepted(await hub.token(identity.payload));
  });

  test("an expired token, and one without exp, are refused", async () => {
    await refused(await hub.token(LEADER, "-1m"), /has expired/);
    const forever = await new SignJWT({ ...LEADER }).setProtectedHeader({ alg: "HS256" }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setIssuedAt().sign(secret);
    await refused(forever, /no expiry \(exp\)/);
  });

  test("a token not valid yet (nbf or iat in the future) is refused; within the clock tolerance it is accepted", async () => {
    await refused(await sign({ ...LEADER, nbf: now() + 300 }), /not valid yet \(nbf/);
    await refused(await sign({ ...LEADER, iat: now() + 300 }), /not valid yet \(iat/);
    expect(await accepted(await sign({ ...LEADER, nbf: now() + 10 }))).toBe("per_zhang_leader");
    expect(await accepted(await sign({ ...LEADER, iat: now() + 10 }))).toBe("per_zhang_leader");
  });

  test("the clock tolerance is the gateway's setting: 5 s refuses what 30 s (the default) accepts", async () => {
    await refused(await sign({ ...LEADER, nbf: now() + 15 }), /not valid yet/, jwksGateway.url);
    expect(await accepted(await sign({ ...LEADER, nbf: now() + 15 }))).toBe("per_zhang_leader");
  });

  test("a token valid for longer than the maximum lifetime (24 h by default) is refused", async () => {
    await refused(await hub.token(LEADER, "48h"), /longer than the hub allows \(86400 s/);
  });

  test("wrong issuer, wrong audience: refused, naming the expected value", async () => {
    await refused(await new SignJWT({ ...LEADER }).setProtectedHeader({ alg: "HS256" }).setIssuer("someone-else").setAudience(TOKEN_AUDIENCE).setExpirationTime("1h").sign(secret), /issuer \(iss\) must be "federation-hub"/);
    await refused(await new SignJWT({ ...LEADER }).setProtectedHeader({ alg: "HS256" }).setIssuer(TOKEN_ISSUER).setAudience("another-api").setExpirationTime("1h").sign(secret), /audience \(aud\) must be "federation-hub-api"/);
  });

  test('alg "none" is refused, as is a token signed with another secret', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
    const unsigned = `${encode({ alg: "none", typ: "JWT" })}.${encode({ ...LEADER, roles: ["FEDERATION_ADMIN"], iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, exp: now() + 600 })}.`;
    await refused(unsigned, /algorithm "none" is not accepted/);
    await refused(await sign(LEADER, new TextEncoder().encode("another-secret-0123456789abcdef0123456")), /bad signature/);
    await refused("not.a.token", /not a JWT/);
  });

  test("RS256 signed by a private key is refused by a gateway that trusts only its secret", async () => {
    await refused(await sign(LEADER, rsa.privateKey, { alg: "RS256", kid: "rsa-1" }), /algorithm "RS256" is not accepted here \(accepted: HS256\)/);
  });
});

describe("claims", () => {
  test.each([
    ["an unknown role", { sub: "per_x", roles: ["MAYOR"] }, /roles.0 "MAYOR" is not a hub role/],
    ["the service role", { sub: "per_x", roles: ["SERVICE"], orgIds: ["org_lezhulin"] }, /SERVICE is for subgraphs/],
    ["street staff with an empty area list", { sub: "per_x", roles: ["STREET_STAFF"], areaCodes: [] }, /areaCodes must list at least one entry for STREET_STAFF/],
    ["street staff without areaCodes", { sub: "per_x", roles: ["SS"] }, /areaCodes must list at least one entry/],
    ["a leader whose orgIds hold an empty id", { sub: "per_x", roles: ["ORG_LEADER"], orgIds: [""] }, /orgIds.0 must not be empty/],
    ["a scope that is a string, not a list", { sub: "per_x", roles: ["VENUE_ADMIN"], facilityIds: "fac_zx_center" }, /facilityIds must be an array/],
    ["a scope with a number in it", { sub: "per_x", roles: ["PROGRAM_OFFICER"], programIds: [42] }, /programIds.0 must be a string/],
    ["academy staff without academyIds", { sub: "per_x", roles: ["ACADEMY_STAFF"] }, /academyIds must list at least one entry/],
    ["staff without sub", { roles: ["FEDERATION_ADMIN"] }, /sub is required: FEDERATION_ADMIN acts as a person/],
    ["a partner who is also staff, without sub", { roles: ["PARTNER", "STREET_STAFF"], areaCodes: ["340111X01"] }, /sub is required: STREET_STAFF/],
    ["roles missing", { sub: "per_x" }, /roles must be an array/],
  ])("%s is refused, naming the claim", async (_what, claims, why) => {
    await refused(await sign(claims as JWTPayload), why);
  });

  test("a partner needs no sub; a supervisor or reviewer assigned nothing is a person with no scope, not a wildcard", async () => {
    expect(await accepted(await hub.token({ roles: ["PARTNER"] }))).toBeNull();
    await accepted(await hub.token({ sub: "per_t_sup", roles: ["SUP"], orgIds: [] }));
    await accepted(await hub.token({ sub: "per_t_rv", roles: ["RV"], applicationIds: [] }));
  });
});

describe("the identity provider's keys (HUB_JWKS_URL)", () => {
  test("RS256 and ES256 tokens signed by the published keys are accepted; the shared secret still works beside them", async () => {
    expect(await accepted(await sign(LEADER, rsa.privateKey, { alg: "RS256", kid: "rsa-1" }), jwksGateway.url)).toBe("per_zhang_leader");
    expect(await accepted(await sign(LEADER, ec.privateKey, { alg: "ES256", kid: "ec-1" }), jwksGateway.url)).toBe("per_zhang_leader");
    expect(await accepted(await hub.token(LEADER), jwksGateway.url)).toBe("per_zhang_leader");
  });

  test("a token signed by a key the provider does not publish is refused, whatever kid it claims", async () => {
    await refused(await sign(LEADER, stranger.privateKey, { alg: "RS256", kid: "rsa-1" }), /bad signature/, jwksGateway.url);
    await refused(await sign(LEADER, stranger.privateKey, { alg: "RS256", kid: "stranger" }), /key the identity provider does not publish/, jwksGateway.url);
  });

  test("RS/HS confusion: an HS256 token whose secret is the provider's public key text is refused", async () => {
    const publicKeyText = await exportSPKI(rsa.publicKey);
    await refused(await sign({ ...LEADER, roles: ["FEDERATION_ADMIN"] }, new TextEncoder().encode(publicKeyText)), /bad signature/, jwksGateway.url);
  });

  test("expiry, issuer and audience hold for provider tokens too", async () => {
    const rs = (claims: JWTPayload, standard = true) => sign(claims, rsa.privateKey, { alg: "RS256", kid: "rsa-1" }, standard);
    await refused(await rs({ ...LEADER, exp: now() - 120 }), /has expired/, jwksGateway.url);
    await refused(await rs({ ...LEADER, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE }, false), /no expiry/, jwksGateway.url);
    await refused(await rs({ ...LEADER, aud: "another-api" }), /audience/, jwksGateway.url);
  });

  test("a gateway with only a key set refuses HS256 tokens; an unreachable key set is a 503, not the caller's fault", async () => {
    const subgraphUrls = Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url]));
    const only = await startTestGateway(subgraphUrls, { jwtSecret: undefined, tokens: { jwksUrl } });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise((resolve) => closed.close(resolve));
    const dead = await startTestGateway(subgraphUrls, { jwtSecret: undefined, tokens: { jwksUrl: deadUrl } });
    try {
      await refused(await hub.token(LEADER), /algorithm "HS256" is not accepted here \(accepted: RS256, ES256\)/, only.url);
      expect(await accepted(await sign(LEADER, ec.privateKey, { alg: "ES256", kid: "ec-1" }), only.url)).toBe("per_zhang_leader");
      const { status, body } = await ask(await sign(LEADER, rsa.privateKey, { alg: "RS256", kid: "rsa-1" }), dead.url);
      expect(status).toBe(503);
      expect(body.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(body.errors?.[0].message).toMatch(/try again/);
      expect(JSON.stringify(body)).not.toContain(deadUrl);
    } finally {
      await only.stop();
      await dead.stop();
    }
  });
});

describe("configuration", () => {
  const base = { ...testGatewayKeyEnv() };

  test("neither HUB_JWT_SECRET nor HUB_JWKS_URL is a ConfigError naming both", () => {
    expect(() => loadGatewayConfig(base)).toThrow(ConfigError);
    expect(() => loadGatewayConfig(base)).toThrow(/HUB_JWT_SECRET: set HUB_JWT_SECRET .*HUB_JWKS_URL/);
  });

  test("a key set alone is enough; issuer, audience, tolerance and lifetime default to the hub's and can be set", () => {
    expect(loadGatewayConfig({ ...base, HUB_JWKS_URL: "https://id.example.org/jwks.json" }).tokens).toEqual({
      secret: undefined,
      jwksUrl: "https://id.example.org/jwks.json",
      issuer: "federation-hub",
      audience: "federation-hub-api",
      clockToleranceSeconds: 30,
      maxLifetimeSeconds: 86400,
    });
    const custom = loadGatewayConfig({ ...base, HUB_JWT_SECRET: "s".repeat(40), HUB_JWT_ISSUER: "https://id.example.org", HUB_JWT_AUDIENCE: "hub", HUB_JWT_CLOCK_TOLERANCE_SECONDS: "10", HUB_JWT_MAX_LIFETIME_SECONDS: "3600" });
    expect(custom.tokens).toMatchObject({ issuer: "https://id.example.org", audience: "hub", clockToleranceSeconds: 10, maxLifetimeSeconds: 3600 });
    expect(() => loadGatewayConfig({ ...base, HUB_JWT_SECRET: "s".repeat(40), HUB_JWT_CLOCK_TOLERANCE_SECONDS: "3600" })).toThrow(/HUB_JWT_CLOCK_TOLERANCE_SECONDS: a whole number of seconds from 0 to 300/);
    expect(() => loadGatewayConfig({ ...base, HUB_JWKS_URL: "ftp://id.example.org/jwks" })).toThrow(/HUB_JWKS_URL: an http\(s\) URL/);
  });
});
