import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { UnauthenticatedError } from "./errors";

/** Roles of DOMAIN §9.1, with the short codes the domain text uses. */
export const ROLES = {
  FEDERATION_ADMIN: "FA",
  STREET_STAFF: "SS",
  COMMUNITY_STAFF: "CS",
  SUPERVISOR: "SUP",
  ORG_LEADER: "OL",
  ORG_MEMBER: "OM",
  ACADEMY_STAFF: "AC",
  INSTRUCTOR: "INS",
  REVIEWER: "RV",
  PROGRAM_OFFICER: "PO",
  VENUE_ADMIN: "VA",
  PARTNER: "PT",
  SERVICE: "SVC",
} as const;
export type Role = keyof typeof ROLES;

/** The caller's claims as the gateway forwards them (DOMAIN §9.1 scopes). */
export interface Claims {
  personId: string | null;
  roles: Role[];
  orgIds: string[];
  areaCodes: string[];
  academyIds: string[];
  facilityIds: string[];
  programIds: string[];
  /** Applications a reviewer (RV) is assigned to. */
  applicationIds: string[];
  /** Set when the caller is another subgraph (a saga step), never for people. */
  service: string | null;
}

/** The signed caller every resolver receives. */
export interface Viewer extends Claims {
  anonymous: boolean;
  has(role: Role): boolean;
}

/** The anonymous public viewer (partner view). */
export const ANONYMOUS_CLAIMS: Claims = {
  personId: null,
  roles: [],
  orgIds: [],
  areaCodes: [],
  academyIds: [],
  facilityIds: [],
  programIds: [],
  applicationIds: [],
  service: null,
};

/** Wraps claims with helpers; anonymous when there is no person, no role and no service. */
export function toViewer(claims: Claims): Viewer {
  return {
    ...claims,
    anonymous: !claims.personId && claims.roles.length === 0 && !claims.service,
    has: (role: Role) => claims.roles.includes(role),
  };
}

/** Role names accepted from tokens and the CLI: full names or the §9.1 short codes. */
export function parseRole(raw: string): Role | null {
  const upper = raw.trim().toUpperCase();
  if (upper in ROLES) return upper as Role;
  const byCode = Object.entries(ROLES).find(([, code]) => code === upper);
  return byCode ? (byCode[0] as Role) : null;
}

export const IDENTITY_HEADER = "x-hub-identity";
export const SIGNATURE_HEADER = "x-hub-signature";
export const REQUEST_ID_HEADER = "x-request-id";
/** How old a signed request may be when it arrives. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

/** Encodes claims for the identity header. */
export function encodeClaims(claims: Claims): string {
  return Buffer.from(JSON.stringify(claims), "utf8").toString("base64url");
}

function mac(secret: string, timestamp: number, requestId: string, identity: string, body: string): string {
  const bodyHash = createHash("sha256").update(body).digest("hex");
  return createHmac("sha256", secret).update(`${timestamp}.${requestId}.${identity}.${bodyHash}`).digest("hex");
}

/** The signature header value for one subgraph request: HMAC over time, request id, claims and body. */
export function signRequest(secret: string, identity: string, requestId: string, body: string, at = Date.now()): string {
  const timestamp = Math.floor(at / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, requestId, identity, body)}`;
}

/** Headers that carry a caller to a subgraph; used by the gateway and by subgraph-to-subgraph calls. */
export function signedHeaders(secret: string, claims: Claims, requestId: string, body: string): Record<string, string> {
  const identity = encodeClaims(claims);
  return {
    [IDENTITY_HEADER]: identity,
    [REQUEST_ID_HEADER]: requestId,
    [SIGNATURE_HEADER]: signRequest(secret, identity, requestId, body),
  };
}

const ARRAY_CLAIMS = ["orgIds", "areaCodes", "academyIds", "facilityIds", "programIds", "applicationIds"] as const;

function decodeClaims(identity: string): Claims {
  const parsed = JSON.parse(Buffer.from(identity, "base64url").toString("utf8")) as Partial<Claims>;
  const claims: Claims = { ...ANONYMOUS_CLAIMS, personId: typeof parsed.personId === "string" ? parsed.personId : null };
  claims.roles = (Array.isArray(parsed.roles) ? parsed.roles : []).map(String).map(parseRole).filter((r): r is Role => r !== null);
  for (const key of ARRAY_CLAIMS) claims[key] = Array.isArray(parsed[key]) ? parsed[key]!.map(String) : [];
  claims.service = typeof parsed.service === "string" ? parsed.service : null;
  return claims;
}

/**
 * Verifies the gateway's signature on a subgraph request and returns the caller's claims.
 * Throws UNAUTHENTICATED (the server answers 401) when the request is unsigned, altered or stale.
 */
export function verifyRequest(
  secret: string,
  headers: { identity?: string; signature?: string; requestId?: string },
  body: string,
  at = Date.now(),
): Claims {
  const { identity, signature, requestId = "" } = headers;
  if (!identity || !signature) throw new UnauthenticatedError("This subgraph accepts only requests signed by the hub gateway.");
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
  if (!match) throw new UnauthenticatedError("The request signature is malformed.");
  const timestamp = Number(match[1]);
  if (Math.abs(at / 1000 - timestamp) > MAX_SIGNATURE_AGE_SECONDS) throw new UnauthenticatedError("The request signature has expired.");
  const expected = Buffer.from(mac(secret, timestamp, requestId, identity, body), "hex");
  if (!timingSafeEqual(expected, Buffer.from(match[2], "hex"))) throw new UnauthenticatedError("The request signature does not match.");
  try {
    return decodeClaims(identity);
  } catch {
    throw new UnauthenticatedError("The identity header is malformed.");
  }
}
