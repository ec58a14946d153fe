import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, verify } from "node:crypto";
import { UnauthenticatedError } from "./errors";
import { Claims, decodeClaims, encodeClaims, IDENTITY_HEADER, REQUEST_ID_HEADER, REQUEST_ID_PATTERN, SIGNATURE_HEADER } from "./identity";

// Requests to a subgraph are signed with Ed25519 by the caller's own private key: the gateway's (key id
// "gateway"), or a subgraph's when it calls another one as a service (key id = its name). Subgraphs hold only
// public keys, so a compromised subgraph can speak neither as the gateway nor as another service.

/** The key id of the gateway; any other key id is a service, named like its subgraph. */
export const GATEWAY_KEY_ID = "gateway";
/** How far a signature's timestamp may be from the receiver's clock, either way. */
export const MAX_SIGNATURE_AGE_SECONDS = 60;
/** Names the payload layout; a new layout gets a new label, so two layouts never verify each other. */
const PAYLOAD_LABEL = "hub-request-v1";
const KEY_ID = /^[a-z][a-z0-9-]{0,31}$/;
const SIGNATURE_FORMAT = /^key=([a-z][a-z0-9-]{0,31}),aud=([a-z][a-z0-9-]{0,31}),t=(\d{1,12}),nonce=([A-Za-z0-9_-]{22}),sig=([A-Za-z0-9_-]{86})$/;

/** Who signs: a key id and its Ed25519 private key. */
export interface RequestSigner {
  keyId: string;
  key: KeyObject;
}

/** The request a signature is bound to. */
export interface SignedTarget {
  method: string;
  /** Path and query string as sent (`/graphql`). */
  path: string;
  /** The name of the subgraph the request is meant for. */
  audience: string;
}

/**
 * What a signature covers, as a JSON array of strings and one integer: JSON's quoting makes the encoding
 * unambiguous, so no field's content can move into its neighbour.
 */
export function signingPayload(target: SignedTarget, parts: { timestamp: number; nonce: string; requestId: string; keyId: string; identity: string; body: string }): Buffer {
  const bodyHash = createHash("sha256").update(parts.body).digest("base64url");
  const fields = [PAYLOAD_LABEL, target.method.toUpperCase(), target.path, target.audience, parts.timestamp, parts.nonce, parts.requestId, parts.keyId, parts.identity, bodyHash];
  return Buffer.from(JSON.stringify(fields), "utf8");
}

/** The signature header for one request: key id, audience, time, a fresh nonce and the Ed25519 signature. */
export function signRequest(signer: RequestSigner, target: SignedTarget, identity: string, requestId: string, body: string, at = Date.now()): string {
  const timestamp = Math.floor(at / 1000);
  const nonce = randomBytes(16).toString("base64url");
  const payload = signingPayload(target, { timestamp, nonce, requestId, keyId: signer.keyId, identity, body });
  const signature = sign(null, payload, signer.key).toString("base64url");
  return `key=${signer.keyId},aud=${target.audience},t=${timestamp},nonce=${nonce},sig=${signature}`;
}

/** All headers that carry a caller to a subgraph (identity, request id, signature). */
export function signedHeaders(signer: RequestSigner, target: SignedTarget, claims: Claims, requestId: string, body: string, at = Date.now()): Record<string, string> {
  const identity = encodeClaims(claims);
  return { [IDENTITY_HEADER]: identity, [REQUEST_ID_HEADER]: requestId, [SIGNATURE_HEADER]: signRequest(signer, target, identity, requestId, body, at) };
}

/** A request whose signature checked out: who signed it, for whom it speaks, and its nonce for the replay check. */
export interface VerifiedRequest {
  keyId: string;
  claims: Claims;
  nonce: string;
  /** When the signature stops being fresh (ms since the epoch): the nonce must be remembered until then. */
  freshUntil: number;
}

/**
 * Verifies a signed request to the subgraph `audience`. `keyFor` returns the public key this subgraph trusts for
 * a key id (undefined: not accepted here). Throws UNAUTHENTICATED for anything unsigned, malformed, stale, meant
 * for another subgraph, signed by an unknown key, not matching, or with claims the signer may not make.
 * Replay (a nonce seen before) is the caller's check: it needs a store.
 */
export function verifySignedRequest(
  keyFor: (keyId: string) => KeyObject | readonly KeyObject[] | undefined,
  target: SignedTarget,
  headers: { identity?: string; signature?: string; requestId?: string },
  body: string,
  at = Date.now(),
): VerifiedRequest {
  const { identity, signature, requestId } = headers;
  if (!identity || !signature || requestId === undefined) throw new UnauthenticatedError("This subgraph accepts only requests signed by the hub gateway or an allowed service.");
  const match = SIGNATURE_FORMAT.exec(signature);
  if (!match) throw new UnauthenticatedError("The request signature is malformed.");
  const [, keyId, audience, t, nonce, sig] = match;
  if (!REQUEST_ID_PATTERN.test(requestId)) throw new UnauthenticatedError("The request id must be 1 to 64 letters, digits, _ or -.");
  if (audience !== target.audience) throw new UnauthenticatedError(`The request was signed for the ${audience} subgraph, not ${target.audience}.`);
  const timestamp = Number(t);
  if (Math.abs(at / 1000 - timestamp) > MAX_SIGNATURE_AGE_SECONDS) throw new UnauthenticatedError("The request signature has expired (or the clocks differ by more than a minute).");
  const found = keyFor(keyId);
  // several keys of one signer while it rotates: the old and the new public key are both trusted for a while
  const keys = found === undefined ? [] : Array.isArray(found) ? found : [found as KeyObject];
  if (keys.length === 0) throw new UnauthenticatedError(`This subgraph accepts no requests signed by "${keyId}".`);
  const payload = signingPayload(target, { timestamp, nonce, requestId, keyId, identity, body });
  const signatureBytes = Buffer.from(sig, "base64url");
  if (!keys.some((key) => verify(null, payload, key, signatureBytes))) throw new UnauthenticatedError("The request signature does not match.");
  const claims = decodeClaims(identity);
  if (keyId === GATEWAY_KEY_ID && (claims.service !== null || claims.roles.includes("SERVICE"))) throw new UnauthenticatedError("The gateway never speaks for a service.");
  if (keyId !== GATEWAY_KEY_ID && claims.service !== keyId) throw new UnauthenticatedError(`A request signed by "${keyId}" must carry the service identity "${keyId}".`);
  return { keyId, claims, nonce, freshUntil: (timestamp + MAX_SIGNATURE_AGE_SECONDS + 1) * 1000 };
}

/** A key that decodes but is not what the hub needs (another algorithm, a bad list entry). */
export class KeyFormatError extends Error {}

const isPem = (text: string) => text.trimStart().startsWith("-----BEGIN");

function ed25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") throw new KeyFormatError(`this one is ${key.asymmetricKeyType ?? "not an asymmetric key"}`);
  return key;
}

/** An Ed25519 private key from PEM or base64 PKCS#8 DER. */
export function parsePrivateKey(text: string): KeyObject {
  const key = isPem(text) ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text.trim(), "base64"), format: "der", type: "pkcs8" });
  return ed25519(key);
}

/** An Ed25519 public key from PEM or base64 SPKI DER. */
export function parsePublicKey(text: string): KeyObject {
  const key = isPem(text) ? createPublicKey(text) : createPublicKey({ key: Buffer.from(text.trim(), "base64"), format: "der", type: "spki" });
  return ed25519(key);
}

/** One or more Ed25519 public keys (PEM blocks, or base64 SPKI DER separated by commas): two while the signer rotates. */
export function parsePublicKeys(text: string): KeyObject[] {
  const entries = isPem(text) ? (text.match(/-----BEGIN [^-]+-----[\s\S]+?-----END [^-]+-----/g) ?? []) : text.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) throw new KeyFormatError("no key found");
  return entries.map(parsePublicKey);
}

/** Service public keys from `academy:<base64 SPKI DER>,organizations:<…>` (commas or whitespace between entries). */
export function parseServiceKeys(text: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const colon = entry.indexOf(":");
    const name = entry.slice(0, colon);
    if (colon < 0 || !KEY_ID.test(name) || name === GATEWAY_KEY_ID) throw new KeyFormatError(`entries of the form <service>:<base64 key>, the service in lowercase and not "gateway" (got "${entry.slice(0, 20)}…")`);
    if (keys.has(name)) throw new KeyFormatError(`the service ${name} is listed twice`);
    keys.set(name, parsePublicKey(entry.slice(colon + 1)));
  }
  return keys;
}

/** A new Ed25519 private key (its public key: `createPublicKey(key)`). */
export function newSigningKey(): KeyObject {
  return generateKeyPairSync("ed25519").privateKey;
}

/** A key as one line of base64 DER (PKCS#8 for private keys, SPKI for public ones): the form env variables take. */
export function exportKey(key: KeyObject): string {
  return (key.type === "private" ? key.export({ format: "der", type: "pkcs8" }) : key.export({ format: "der", type: "spki" })).toString("base64");
}
