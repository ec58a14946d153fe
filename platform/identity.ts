import { z } from "zod";
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

/** Request ids travel in headers, logs and signatures: letters, digits, `_` and `-` only, so none can smuggle a separator. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The caller's x-request-id when it is safe to pass on, else null (the server makes a new one). */
export function safeRequestId(raw: string | string[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && REQUEST_ID_PATTERN.test(value) ? value : null;
}

const ids = z.array(z.string().min(1, "an empty id"));

/** Every field of the identity header, strictly: known roles only, no unknown keys, no missing ones. */
const claimsSchema = z.strictObject({
  personId: z.string().min(1).nullable(),
  roles: z.array(z.enum(Object.keys(ROLES) as [Role, ...Role[]])),
  orgIds: ids,
  areaCodes: ids,
  academyIds: ids,
  facilityIds: ids,
  programIds: ids,
  applicationIds: ids,
  service: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/).nullable(),
});

/** Claims that the identity header may carry, or null: the gateway can check a token's claims before it signs them. */
export function validClaims(value: unknown): Claims | null {
  const result = claimsSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** Encodes claims for the identity header: base64url of JSON with the keys in one fixed order (the canonical form). */
export function encodeClaims(claims: Claims): string {
  const canonical: Claims = {
    personId: claims.personId,
    roles: claims.roles,
    orgIds: claims.orgIds,
    areaCodes: claims.areaCodes,
    academyIds: claims.academyIds,
    facilityIds: claims.facilityIds,
    programIds: claims.programIds,
    applicationIds: claims.applicationIds,
    service: claims.service,
  };
  return Buffer.from(JSON.stringify(canonical), "utf8").toString("base64url");
}

/**
 * Decodes an identity header, accepting only the canonical encoding of fully valid claims: the header must be
 * exactly what `encodeClaims` writes for what it decodes to, so one set of claims has one spelling.
 */
export function decodeClaims(identity: string): Claims {
  const refuse = () => new UnauthenticatedError("The identity header is not the canonical encoding of valid claims.");
  if (!/^[A-Za-z0-9_-]+$/.test(identity)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(identity, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  const claims = validClaims(parsed);
  if (!claims || encodeClaims(claims) !== identity) throw refuse();
  return claims;
}
