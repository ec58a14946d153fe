import { ANONYMOUS_CLAIMS, signedHeaders, verifyRequest } from "@platform/identity";

const SECRET = "k".repeat(40);
const claims = { ...ANONYMOUS_CLAIMS, personId: "per_zhang_leader", roles: ["ORG_LEADER" as const], orgIds: ["org_lezhulin"] };

function sign(body: string, at?: number) {
  const h = signedHeaders(SECRET, claims, "req-1", body);
  return { identity: h["x-hub-identity"], signature: at ? h["x-hub-signature"].replace(/t=\d+/, `t=${Math.floor(at / 1000)}`) : h["x-hub-signature"], requestId: h["x-request-id"] };
}

test("a request signed with the shared secret yields the caller's claims", () => {
  const body = '{"query":"{ me { id } }"}';
  expect(verifyRequest(SECRET, sign(body), body)).toEqual(claims);
});

test("changing the body, the claims or the secret breaks the signature", () => {
  const body = '{"query":"{ me { id } }"}';
  const headers = sign(body);
  expect(() => verifyRequest(SECRET, headers, '{"query":"{ organizations { totalCount } }"}')).toThrow(/does not match/);
  const otherClaims = Buffer.from(JSON.stringify({ ...claims, roles: ["FEDERATION_ADMIN"] })).toString("base64url");
  expect(() => verifyRequest(SECRET, { ...headers, identity: otherClaims }, body)).toThrow(/does not match/);
  expect(() => verifyRequest("x".repeat(40), headers, body)).toThrow(/does not match/);
});

test("unsigned and stale requests are refused", () => {
  expect(() => verifyRequest(SECRET, {}, "")).toThrow(/only requests signed by the hub gateway/);
  const old = sign("{}", Date.now() - 10 * 60_000);
  expect(() => verifyRequest(SECRET, old, "{}")).toThrow(/expired/);
});
