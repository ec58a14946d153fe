import { z } from "zod";
import { Claims, parseRole, Role } from "../platform/identity";

// The claims of a verified hub token (DOMAIN §9.1), checked before any of them reaches a subgraph: a claim the
// subgraphs would read as "no limit" (an empty scope, an unknown role dropped silently) is refused here.

/** The scope claims of §9.1, each a list of ids or area codes. */
export const SCOPE_CLAIMS = ["orgIds", "areaCodes", "academyIds", "facilityIds", "programIds", "applicationIds"] as const;
export type ScopeClaim = (typeof SCOPE_CLAIMS)[number];

/**
 * The scope a role acts within: a token with the role and an empty scope is refused. SUP (orgIds) and RV
 * (applicationIds) are absent on purpose: their scope lists assignments, and "assigned nothing" is a real state
 * that the subgraphs read as no access, never as every organization or application.
 */
export const REQUIRED_SCOPE: Partial<Record<Role, ScopeClaim>> = {
  STREET_STAFF: "areaCodes",
  COMMUNITY_STAFF: "areaCodes",
  ORG_LEADER: "orgIds",
  ORG_MEMBER: "orgIds",
  ACADEMY_STAFF: "academyIds",
  INSTRUCTOR: "academyIds",
  VENUE_ADMIN: "facilityIds",
  PROGRAM_OFFICER: "programIds",
};

/** Roles that need no person: a partner front-end acts for the public. Every other role is a person (`sub`). */
const WITHOUT_PERSON: ReadonlySet<Role> = new Set<Role>(["PARTNER"]);

const MAX_ID = 128;
const MAX_ENTRIES = 1000;

const id = z
  .string({ error: "must be a string" })
  .min(1, "must not be empty")
  .max(MAX_ID, `must be at most ${MAX_ID} characters`)
  .regex(/^\S(.*\S)?$/, "must not start or end with spaces");

const scope = z.array(id, { error: "must be an array of ids" }).max(MAX_ENTRIES, `must hold at most ${MAX_ENTRIES} entries`);

const role = z.string({ error: "must be a string" }).transform((raw, ctx): Role => {
  const parsed = parseRole(raw);
  if (!parsed) ctx.addIssue({ code: "custom", message: `"${raw}" is not a hub role (one of DOMAIN §9.1: FA, SS, CS, SUP, OL, OM, AC, INS, RV, PO, VA, PT)` });
  else if (parsed === "SERVICE") ctx.addIssue({ code: "custom", message: "SERVICE is for subgraphs calling each other, never a bearer token" });
  return parsed ?? ("PARTNER" as Role);
});

const payloadSchema = z
  .object({
    sub: id.optional(),
    roles: z.array(role, { error: "must be an array of role names" }).max(20),
    ...Object.fromEntries(SCOPE_CLAIMS.map((claim) => [claim, scope.optional()])),
  })
  .superRefine((payload, ctx) => {
    const roles = payload.roles as Role[];
    if (!payload.sub && (roles.length === 0 || roles.some((r) => !WITHOUT_PERSON.has(r)))) {
      ctx.addIssue({ code: "custom", path: ["sub"], message: `is required: ${roles.length ? roles.filter((r) => !WITHOUT_PERSON.has(r)).join(", ") : "a token without roles"} acts as a person` });
    }
    for (const r of roles) {
      const claim = REQUIRED_SCOPE[r];
      const value = claim ? (payload as unknown as Record<ScopeClaim, string[] | undefined>)[claim] : undefined;
      if (claim && !value?.length) ctx.addIssue({ code: "custom", path: [claim], message: `must list at least one entry for ${r}` });
    }
  });

/** The token payload's claims are not what a hub token holds: the message names each bad claim. */
export class ClaimsError extends Error {}

/** The hub's claims from a verified JWT payload; throws ClaimsError naming every bad claim. */
export function claimsFromPayload(payload: Record<string, unknown>): Claims {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    throw new ClaimsError(parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "payload"} ${issue.message}`).join("; "));
  }
  const value = parsed.data as { sub?: string; roles: Role[] } & Partial<Record<ScopeClaim, string[]>>;
  const scopes = Object.fromEntries(SCOPE_CLAIMS.map((claim) => [claim, [...new Set(value[claim] ?? [])]])) as Record<ScopeClaim, string[]>;
  return {
    personId: value.sub ?? null,
    roles: [...new Set(value.roles)],
    ...scopes,
    service: null, // only subgraphs sign service identities; a bearer token never carries one
  };
}
