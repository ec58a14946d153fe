import { createPublicKey, KeyObject } from "node:crypto";
import { ANONYMOUS_CLAIMS, Claims, decodeClaims, encodeClaims, safeRequestId } from "@platform/identity";
import { MemoryNonceStore } from "@platform/nonce-store";
import { GATEWAY_KEY_ID, newSigningKey, RequestSigner, signedHeaders, SignedTarget, verifySignedRequest } from "@platform/request-signing";

const gateway: RequestSigner = { keyId: GATEWAY_KEY_ID, key: newSigningKey() };
const academy: RequestSigner = { keyId: "academy", key: newSigningKey() };
const PUBLIC: Record<string, KeyObject> = { gateway: createPublicKey(gateway.key), academy: createPublicKey(academy.key) };
const keyFor = (keyId: string) => PUBLIC[keyId];

const claims: Claims = { ...ANONYMOUS_CLAIMS, personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] };
const VENUES: SignedTarget = { method: "POST", path: "/graphql", audience: "venues" };
const BODY = '{"query":"{ me { id } }"}';

/** The headers as the verifier reads them. */
function sign(signer = gateway, who: Claims = claims, target = VENUES, body = BODY, at = Date.now(), requestId = "req-1") {
  const h = signedHeaders(signer, target, who, requestId, body, at);
  return { identity: h["x-hub-identity"], signature: h["x-hub-signature"], requestId: h["x-request-id"] };
}
const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

describe("Ed25519 request signatures", () => {
  test("while the gateway rotates its key, a subgraph trusting the old and the new public key accepts both, and nothing else", () => {
    const next: RequestSigner = { keyId: GATEWAY_KEY_ID, key: newSigningKey() };
    const rotating = (keyId: string) => (keyId === GATEWAY_KEY_ID ? [PUBLIC.gateway, createPublicKey(next.key)] : undefined);
    expect(verifySignedRequest(rotating, VENUES, sign(gateway), BODY).claims).toEqual(claims);
    expect(verifySignedRequest(rotating, VENUES, sign(next), BODY).claims).toEqual(claims);
    // once the old key is dropped, what it signs is refused
    expect(() => verifySignedRequest(() => [createPublicKey(next.key)], VENUES, sign(gateway), BODY)).toThrow(/does not match/);
    const stranger: RequestSigner = { keyId: GATEWAY_KEY_ID, key: newSigningKey() };
    expect(() => verifySignedRequest(rotating, VENUES, sign(stranger), BODY)).toThrow(/does not match/);
  });

  test("a request the gateway signed for this subgraph yields the caller's claims and its nonce", () => {
    const verified = verifySignedRequest(keyFor, VENUES, sign(), BODY);
    expect(verified).toMatchObject({ keyId: "gateway", claims });
    expect(verified.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(verified.nonce).not.toBe(verifySignedRequest(keyFor, VENUES, sign(), BODY).nonce);
  });

  test("the signature covers method, path, subgraph, body, identity and request id: changing any one breaks it", () => {
    const headers = sign();
    expect(() => verifySignedRequest(keyFor, VENUES, headers, '{"query":"{ organizations { totalCount } }"}')).toThrow(/does not match/);
    expect(() => verifySignedRequest(keyFor, { ...VENUES, method: "GET" }, headers, BODY)).toThrow(/does not match/);
    expect(() => verifySignedRequest(keyFor, { ...VENUES, path: "/graphql?query=%7Bme%7Bid%7D%7D" }, headers, BODY)).toThrow(/does not match/);
    expect(() => verifySignedRequest(keyFor, { ...VENUES, audience: "academy" }, headers, BODY)).toThrow(/signed for the venues subgraph, not academy/);
    // an audience rewritten in the header still fails: the verifier signs its own name into the payload
    expect(() => verifySignedRequest(keyFor, { ...VENUES, audience: "academy" }, { ...headers, signature: headers.signature.replace("aud=venues", "aud=academy") }, BODY)).toThrow(/does not match/);
    expect(() => verifySignedRequest(keyFor, VENUES, { ...headers, identity: encodeClaims({ ...claims, roles: ["FEDERATION_ADMIN"] }) }, BODY)).toThrow(/does not match/);
    expect(() => verifySignedRequest(keyFor, VENUES, { ...headers, requestId: "req-2" }, BODY)).toThrow(/does not match/);
    expect(() => verifySignedRequest(keyFor, VENUES, { ...headers, signature: headers.signature.replace(/nonce=[^,]+/, `nonce=${"A".repeat(22)}`) }, BODY)).toThrow(/does not match/);
    const t = Number(/t=(\d+)/.exec(headers.signature)![1]);
    expect(() => verifySignedRequest(keyFor, VENUES, { ...headers, signature: headers.signature.replace(/t=\d+/, `t=${t - 1}`) }, BODY)).toThrow(/does not match/);
  });

  test("unsigned, malformed, stale and future-dated requests are refused", () => {
    expect(() => verifySignedRequest(keyFor, VENUES, {}, "")).toThrow(/only requests signed by the hub gateway or an allowed service/);
    expect(() => verifySignedRequest(keyFor, VENUES, { ...sign(), signature: "t=1,v1=00" }, BODY)).toThrow(/malformed/);
    expect(() => verifySignedRequest(keyFor, VENUES, sign(gateway, claims, VENUES, BODY, Date.now() - 2 * 60_000), BODY)).toThrow(/expired/);
    expect(() => verifySignedRequest(keyFor, VENUES, sign(gateway, claims, VENUES, BODY, Date.now() + 2 * 60_000), BODY)).toThrow(/expired/);
  });

  test("the re-split attack of issue 10 no longer verifies: a request id cannot carry a second identity", () => {
    const forged = b64({ roles: ["FA"], service: "x" });
    const smuggling = `r.${forged}=`;
    expect(safeRequestId(smuggling)).toBeNull();
    // even if a signer were handed that id, the split halves are a different JSON array, and the id is refused
    const h = sign(gateway, ANONYMOUS_CLAIMS, VENUES, BODY, Date.now(), "r");
    expect(() => verifySignedRequest(keyFor, VENUES, { ...h, identity: forged }, BODY)).toThrow(/does not match/);
    expect(() => verifySignedRequest(keyFor, VENUES, { ...h, requestId: smuggling }, BODY)).toThrow(/request id must be 1 to 64 letters, digits, _ or -/);
  });

  test("a service speaks only for itself, the gateway never for a service, and a subgraph's key cannot pass as the gateway's", () => {
    expect(verifySignedRequest(keyFor, VENUES, sign(academy, { ...ANONYMOUS_CLAIMS, service: "academy" }), BODY)).toMatchObject({ keyId: "academy" });
    expect(() => verifySignedRequest(keyFor, VENUES, sign(academy, { ...ANONYMOUS_CLAIMS, service: "organizations" }), BODY)).toThrow(/must carry the service identity "academy"/);
    expect(() => verifySignedRequest(keyFor, VENUES, sign(academy, claims), BODY)).toThrow(/must carry the service identity "academy"/);
    expect(() => verifySignedRequest(keyFor, VENUES, sign(gateway, { ...ANONYMOUS_CLAIMS, service: "academy" }), BODY)).toThrow(/never speaks for a service/);
    expect(() => verifySignedRequest(keyFor, VENUES, sign(gateway, { ...ANONYMOUS_CLAIMS, roles: ["SERVICE"] }), BODY)).toThrow(/never speaks for a service/);
    expect(() => verifySignedRequest(keyFor, VENUES, sign({ keyId: GATEWAY_KEY_ID, key: academy.key }), BODY)).toThrow(/does not match/);
    expect(() => verifySignedRequest(keyFor, VENUES, sign({ keyId: "funding", key: newSigningKey() }, { ...ANONYMOUS_CLAIMS, service: "funding" }), BODY)).toThrow(/accepts no requests signed by "funding"/);
  });
});

describe("request ids", () => {
  test("only letters, digits, _ and - up to 64 characters pass; anything else is replaced", () => {
    expect(safeRequestId("5f0c-abc_DEF")).toBe("5f0c-abc_DEF");
    expect(safeRequestId(["first", "second"])).toBe("first");
    for (const bad of [undefined, "", "a".repeat(65), "a.b", "a b", "a=", "请求", "a\nb"]) expect(safeRequestId(bad)).toBeNull();
  });
});

describe("the identity header", () => {
  test("is canonical base64url JSON: what encodeClaims writes decodes to the same claims", () => {
    expect(decodeClaims(encodeClaims(claims))).toEqual(claims);
    // key order of the input does not matter to the encoding
    const reordered = Object.fromEntries(Object.entries(claims).reverse()) as unknown as Claims;
    expect(encodeClaims(reordered)).toBe(encodeClaims(claims));
  });

  test("any other spelling of valid claims is refused", () => {
    const json = JSON.stringify(JSON.parse(Buffer.from(encodeClaims(claims), "base64url").toString()));
    const spellings = [
      b64(Object.fromEntries(Object.entries(claims).reverse())), // other key order
      b64(JSON.stringify(claims, null, 1)), // whitespace
      Buffer.from(json).toString("base64"), // base64 with padding or + /
      `${encodeClaims(claims)}=`,
      b64(json.replace('"roles"', '"roles":[],"roles"')), // a duplicate key
    ];
    for (const identity of spellings) expect(() => decodeClaims(identity)).toThrow(/not the canonical encoding of valid claims/);
  });

  test("every field is validated: known roles, non-empty ids, no missing or unknown fields", () => {
    const bad: unknown[] = [
      { ...claims, roles: ["FA"] }, // the short code is for tokens and the CLI, not the wire
      { ...claims, roles: ["ROOT"] },
      { ...claims, areaCodes: [""] }, // an empty area code would match every area
      { ...claims, orgIds: [1] },
      { ...claims, personId: 7 },
      { ...claims, personId: "" },
      { ...claims, service: "Academy!" },
      { ...claims, admin: true },
      Object.fromEntries(Object.entries(claims).filter(([key]) => key !== "programIds")),
      { roles: ["FA"], service: "x" },
      [],
      "claims",
    ];
    for (const value of bad) expect(() => decodeClaims(b64(value))).toThrow(/not the canonical encoding of valid claims/);
    expect(() => decodeClaims("not base64url!")).toThrow(/not the canonical encoding/);
    expect(() => decodeClaims(b64("{not json"))).toThrow(/not the canonical encoding/);
  });
});

describe("the in-memory replay store", () => {
  test("knows a nonce until its signature is stale, then forgets it", async () => {
    const store = new MemoryNonceStore();
    expect(await store.firstSeen("n1", Date.now() + 60_000)).toBe(true);
    expect(await store.firstSeen("n1", Date.now() + 60_000)).toBe(false);
    expect(await store.firstSeen("n2", Date.now() - 1)).toBe(true);
    expect(await store.firstSeen("n2", Date.now() + 60_000)).toBe(true);
  });

  test("is bounded: when full of live nonces it refuses (503) rather than forget one that could be replayed", async () => {
    const store = new MemoryNonceStore(2);
    await store.firstSeen("a", Date.now() + 60_000);
    await store.firstSeen("b", Date.now() + 60_000);
    await expect(store.firstSeen("c", Date.now() + 60_000)).rejects.toMatchObject({ extensions: { http: { status: 503 } } });
    expect(await store.firstSeen("a", Date.now() + 60_000)).toBe(false);
  });
});
