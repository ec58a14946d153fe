import { errors, jwtVerify, SignJWT } from "jose";
import { UnauthenticatedError } from "../platform/errors";
import { ANONYMOUS_CLAIMS, Claims, parseRole, Role } from "../platform/identity";

/** Issuer and audience of hub tokens. */
export const TOKEN_ISSUER = "federation-hub";
export const TOKEN_AUDIENCE = "federation-hub-api";

const key = (secret: string) => new TextEncoder().encode(secret);

/** The JWT payload of a hub token: `sub` is the person id; scopes as DOMAIN §9.1. */
export interface TokenPayload {
  sub?: string;
  roles: string[];
  orgIds?: string[];
  areaCodes?: string[];
  academyIds?: string[];
  facilityIds?: string[];
  programIds?: string[];
  applicationIds?: string[];
}

/** Signs a token (dev tokens, tests); production tokens come from the federation's identity provider. */
export async function mintToken(secret: string, payload: TokenPayload, expiresIn = "12h"): Promise<string> {
  const jwt = new SignJWT({ ...payload }).setProtectedHeader({ alg: "HS256" }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setIssuedAt().setExpirationTime(expiresIn);
  if (payload.sub) jwt.setSubject(payload.sub);
  return jwt.sign(key(secret));
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * The caller's claims from an `Authorization` header: none means the anonymous public viewer;
 * a malformed, forged or expired token is UNAUTHENTICATED with a message saying what to do.
 */
export async function claimsFromAuthorization(header: string | undefined, secret: string): Promise<Claims> {
  if (!header) return ANONYMOUS_CLAIMS;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"; omit it to use the public view.');
  try {
    const { payload } = await jwtVerify(match[1], key(secret), { algorithms: ["HS256"], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    const roles = strings(payload.roles).map(parseRole).filter((r): r is Role => r !== null && r !== "SERVICE");
    return {
      personId: typeof payload.sub === "string" ? payload.sub : null,
      roles,
      orgIds: strings(payload.orgIds),
      areaCodes: strings(payload.areaCodes),
      academyIds: strings(payload.academyIds),
      facilityIds: strings(payload.facilityIds),
      programIds: strings(payload.programIds),
      applicationIds: strings(payload.applicationIds),
      service: null, // only subgraphs sign service identities; a bearer token never carries one
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new UnauthenticatedError("The token has expired; sign in again for a new one.");
    throw new UnauthenticatedError("The token is not valid (bad signature, issuer or format); sign in again, or send no token for the public view.");
  }
}
