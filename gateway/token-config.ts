import { z } from "zod";
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, DEFAULT_MAX_LIFETIME_SECONDS, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenPolicy } from "./auth";

const seconds = (max: number) => {
  const form = `a whole number of seconds from 0 to ${max}`;
  return z.coerce.number({ error: form }).int(form).min(0, form).max(max, form);
};

/** How the gateway checks bearer tokens: the variables beside HUB_JWT_SECRET. */
export const TOKEN_ENV = {
  HUB_JWKS_URL: z
    .url({ protocol: /^https?$/, error: "an http(s) URL of a JSON Web Key Set, e.g. https://id.example.org/.well-known/jwks.json" })
    .optional()
    .describe("the identity provider's key set: RS256/ES256 tokens are verified against it (this, HUB_JWT_SECRET or both)"),
  HUB_JWT_ISSUER: z.string().min(1).default(TOKEN_ISSUER).describe("the `iss` every bearer token must carry"),
  HUB_JWT_AUDIENCE: z.string().min(1).default(TOKEN_AUDIENCE).describe("the `aud` every bearer token must carry"),
  HUB_JWT_CLOCK_TOLERANCE_SECONDS: seconds(300).default(DEFAULT_CLOCK_TOLERANCE_SECONDS).describe("leeway between the issuer's clock and the gateway's on exp, nbf and iat (s)"),
  HUB_JWT_MAX_LIFETIME_SECONDS: seconds(30 * 24 * 3600)
    .default(DEFAULT_MAX_LIFETIME_SECONDS)
    .describe("the longest a bearer token may be valid, from iat to exp (s); longer tokens are refused"),
} as const;

/** Refuses an environment with neither a secret nor a key set: the gateway could verify no token. */
export function requireTokenKeys(env: { HUB_JWT_SECRET?: unknown; HUB_JWKS_URL?: unknown }, ctx: z.RefinementCtx): void {
  if (!env.HUB_JWT_SECRET && !env.HUB_JWKS_URL) {
    ctx.addIssue({ code: "custom", path: ["HUB_JWT_SECRET"], message: "set HUB_JWT_SECRET (HS256, 32+ characters), HUB_JWKS_URL (RS256/ES256) or both" });
  }
}

type TokenEnv = Partial<{ [K in keyof typeof TOKEN_ENV]: z.output<(typeof TOKEN_ENV)[K]> }> & { HUB_JWT_SECRET?: string };

export function tokenPolicyFrom(v: TokenEnv): TokenPolicy {
  return {
    secret: v.HUB_JWT_SECRET,
    jwksUrl: v.HUB_JWKS_URL,
    issuer: v.HUB_JWT_ISSUER,
    audience: v.HUB_JWT_AUDIENCE,
    clockToleranceSeconds: v.HUB_JWT_CLOCK_TOLERANCE_SECONDS,
    maxLifetimeSeconds: v.HUB_JWT_MAX_LIFETIME_SECONDS,
  };
}
