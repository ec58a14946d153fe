import { GraphQLError } from "graphql";
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, JWTPayload, SignJWT } from "jose";
import { UnauthenticatedError } from "../platform/errors";
import { ANONYMOUS_CLAIMS, Claims } from "../platform/identity";
import { log } from "../platform/log";
import { ClaimsError, claimsFromPayload } from "./token-claims";

/** Issuer and audience of hub tokens unless HUB_JWT_ISSUER / HUB_JWT_AUDIENCE say otherwise. */
export const TOKEN_ISSUER = "federation-hub";
export const TOKEN_AUDIENCE = "federation-hub-api";
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
export const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 3600;

/** Algorithms the hub accepts: HS256 with the shared secret, RS256/ES256 with the keys of the JWKS URL. */
const SECRET_ALGORITHMS = ["HS256"];
const JWKS_ALGORITHMS = ["RS256", "ES256"];

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

/** How the gateway checks bearer tokens; at least one of `secret` and `jwksUrl`. */
export interface TokenPolicy {
  /** HS256 shared secret (HUB_JWT_SECRET). */
  secret?: string;
  /** The identity provider's key set (HUB_JWKS_URL), for RS256/ES256 tokens. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Leeway for the clocks of the issuer and the gateway on exp, nbf and iat. */
  clockToleranceSeconds?: number;
  /** The longest exp − iat a token may have. */
  maxLifetimeSeconds?: number;
}

/** Signs an HS256 token (dev tokens, tests); production tokens come from the federation's identity provider. */
export async function mintToken(secret: string, payload: TokenPayload, expiresIn = "12h", on: { issuer?: string; audience?: string } = {}): Promise<string> {
  const jwt = new SignJWT({ ...payload })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(on.issuer ?? TOKEN_ISSUER)
    .setAudience(on.audience ?? TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (payload.sub) jwt.setSubject(payload.sub);
  return jwt.sign(key(secret));
}

const SIGN_IN = "sign in again for a new token, or send no token for the public view";
const refused = (why: string) => new UnauthenticatedError(`The token is not valid: ${why}; ${SIGN_IN}.`);

/** The reason a caller can act on, for each way jose refuses a token. */
function refusal(error: unknown, issuer: string, audience: string): GraphQLError {
  if (error instanceof errors.JWTExpired) return new UnauthenticatedError(`The token has expired; ${SIGN_IN}.`);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return refused("it is not valid yet (nbf is in the future; check the issuer's clock)");
    if (error.claim === "iss") return refused(`its issuer (iss) must be "${issuer}"`);
    if (error.claim === "aud") return refused(`its audience (aud) must be "${audience}"`);
    if (error.claim === "exp") return refused("it has no expiry (exp); the hub accepts only tokens that expire");
    return refused(`its ${error.claim} claim is wrong`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) return refused("it is signed with a key the identity provider does not publish");
  return refused("bad signature or format");
}

/** The identity provider's keys could not be fetched: not the caller's fault, so no UNAUTHENTICATED. */
function keysUnavailable(): GraphQLError {
  return new GraphQLError("The hub cannot check tokens right now (its identity provider's keys are unreachable); try again in a moment.", {
    extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } },
  });
}

/** The key set could not be fetched or read: a network error (not a JOSE error), a timeout, a non-200 or bad JSON. */
function keySetFailed(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === "ERR_JOSE_GENERIC";
}

/**
 * A function from an `Authorization` header to the caller's claims: none means the anonymous public viewer;
 * a malformed, forged, expired, not-yet-valid, unlimited or mis-scoped token is UNAUTHENTICATED with a message
 * saying what to do.
 */
export function tokenVerifier(policy: TokenPolicy): (header: string | undefined) => Promise<Claims> {
  if (!policy.secret && !policy.jwksUrl) throw new Error("tokenVerifier needs a secret, a JWKS URL or both");
  const issuer = policy.issuer ?? TOKEN_ISSUER;
  const audience = policy.audience ?? TOKEN_AUDIENCE;
  const clockTolerance = policy.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  const maxLifetime = policy.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  const secret = policy.secret ? key(policy.secret) : null;
  const jwks = policy.jwksUrl ? createRemoteJWKSet(new URL(policy.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : null;
  const accepted = [...(secret ? SECRET_ALGORITHMS : []), ...(jwks ? JWKS_ALGORITHMS : [])];
  const options = { issuer, audience, clockTolerance, requiredClaims: ["exp"] };

  async function verify(token: string): Promise<JWTPayload> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw refused("it is not a JWT (header.payload.signature)");
    }
    // the algorithm picks the key: an RS256 token is never checked against the secret, nor HS256 against a public key
    if (!alg || !accepted.includes(alg)) throw refused(`its algorithm "${alg ?? "none"}" is not accepted here (accepted: ${accepted.join(", ")})`);
    try {
      if (SECRET_ALGORITHMS.includes(alg)) return (await jwtVerify(token, secret!, { ...options, algorithms: SECRET_ALGORITHMS })).payload;
      return (await jwtVerify(token, jwks!, { ...options, algorithms: JWKS_ALGORITHMS })).payload;
    } catch (error) {
      if (keySetFailed(error)) {
        log.error({ err: error }, "the identity provider's key set could not be fetched");
        throw keysUnavailable();
      }
      throw refusal(error, issuer, audience);
    }
  }

  return async (header) => {
    if (!header) return ANONYMOUS_CLAIMS;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"; omit it to use the public view.');
    const payload = await verify(match[1]);
    const now = Date.now() / 1000;
    if (typeof payload.iat === "number" && payload.iat > now + clockTolerance) throw refused("it is not valid yet (iat is in the future; check the issuer's clock)");
    const start = typeof payload.iat === "number" ? payload.iat : typeof payload.nbf === "number" ? payload.nbf : now;
    if (payload.exp! - start > maxLifetime) throw refused(`it is valid for longer than the hub allows (${maxLifetime} s from issue to expiry)`);
    try {
      return claimsFromPayload(payload);
    } catch (error) {
      if (error instanceof ClaimsError) throw refused(`its claims are wrong (${error.message})`);
      throw error;
    }
  };
}
