import { MiddlewareFn } from "type-graphql";
import { ForbiddenError } from "../../../platform/errors";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Application, reviewedApplicants } from "../applications";
import { staffCoverArea } from "../../kit/area-scope";
import type { Grant } from "./grant.entity";

// Who reads what of a grant (DOMAIN §9.2 "Grants, tranches, evaluations, output reports").
//
// Every grant is public in part (挂榜): its programme, organization, period, application (in the application's own
// public view) and its awarded amount. Local disclosure rule [INF], chosen here: the awarded amount is public, as a
// 立项公示 of awarded projects lists it; the agreement number, the signing date and what has been paid out
// (disbursedFen) are not. Where a grant stands (status) is in the summary an organization's members read.
//
// - "full": federation admins; the grantee's leader (OL own); its supervisor (SUP, orgIds); the programme's officers
//   (PO, programIds); reviewers for the past grants of the applicants assigned to them; street/community staff whose
//   area covers the grant's project (its application's target area: funding does not hold the grantee's home area,
//   see application.policy).
// - "summary": the grantee's members (OM own).
// - "public": everyone else. AC and VA have "—" in §9.2 but cannot get less than an anonymous caller.

export type GrantAccess = "full" | "summary" | "public";

export async function grantAccess(ctx: HubContext, grant: Pick<Grant, "organizationId" | "programId" | "applicationId">): Promise<GrantAccess> {
  const viewer = ctx.viewer;
  if (viewer.has("FEDERATION_ADMIN")) return "full";
  if ((viewer.has("ORG_LEADER") || viewer.has("SUPERVISOR")) && viewer.orgIds.includes(grant.organizationId)) return "full";
  if (viewer.has("PROGRAM_OFFICER") && viewer.programIds.includes(grant.programId)) return "full";
  if ((await reviewedApplicants(ctx)).has(grant.organizationId)) return "full";
  if (viewer.has("STREET_STAFF") || viewer.has("COMMUNITY_STAFF")) {
    const application = await rowLoader(ctx, Application).load(grant.applicationId);
    if (application && staffCoverArea(viewer, application.targetAreaCode)) return "full";
  }
  if (viewer.has("ORG_MEMBER") && viewer.orgIds.includes(grant.organizationId)) return "summary";
  return "public";
}

const RANK: Record<GrantAccess, number> = { public: 0, summary: 1, full: 2 };

/** Guards a grant field outside the public view: `needs` is the least access that reads it. */
export function GrantFieldFor(needs: Exclude<GrantAccess, "public">): MiddlewareFn<HubContext> {
  return async ({ root, context, info }, next) => {
    if (RANK[await grantAccess(context, root as Grant)] < RANK[needs]) {
      throw new ForbiddenError(
        `Grant.${info.fieldName} is not public: partners see a grant's programme, organization, period and awarded amount. ` +
          (needs === "summary" ? "Members of the grantee read its status; so do " : "It is for ") +
          "the grantee's leader, its supervisor, street/community staff of its area, the programme's officers, reviewers of its new applications and federation admins read it.",
      );
    }
    return next();
  };
}

/**
 * The grants of a status-filtered list that the caller may see: a status filter matches only grants whose status
 * the caller reads, or the filter would tell partners what the status field withholds (a SUSPENDED grant missing
 * from `grants(status: [IN_PROGRESS])`). Accesses are checked side by side, so their lookups share batches.
 */
export async function withReadableStatus<G extends Grant>(ctx: HubContext, grants: G[]): Promise<G[]> {
  const access = await Promise.all(grants.map((grant) => grantAccess(ctx, grant)));
  return grants.filter((_, i) => access[i] !== "public");
}
