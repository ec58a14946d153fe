import { MiddlewareFn } from "type-graphql";
import { Brackets, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { ForbiddenError } from "../../../platform/errors";
import { Viewer } from "../../../platform/identity";
import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Call, CallStatus } from "../calls";
import { staffAreaPrefixes, staffCoverArea } from "../../kit/area-scope";
import type { Application } from "./application.entity";
import { ApplicationStatus } from "./application.enums";

// Who reads which applications (DOMAIN §9.2 "Applications"). Every application a caller sees is either read in
// full or in the public 挂榜 view: its id, title, status, call, applicant and grant, and only once AWARDED.
//
// - the applicant's leader and members (OL/OM own): all of its applications, drafts included;
// - nobody else sees a DRAFT;
// - its supervisor (SUP with the applicant in orgIds);
// - federation admins once the call has closed ("R (after close)"): at closesAt, or when its status moved on;
// - the programme's officers (PO with the call's programme in programIds);
// - reviewers assigned to it (applicationIds), until the call is DECIDED (§9.1 "valid until the call is DECIDED");
// - street/community staff whose area covers it. Funding does not know the applicant's home area (organizations
//   owns it and no snapshot or event carries it here yet), so the scope is the project's target area, the only
//   area an application holds; an application without one is out of every staff scope. When the applicant's
//   area reaches funding (a snapshot at submission kept current by an OrganizationMoved event), scope on that.
// - everyone else, partners and anonymous callers included, sees AWARDED applications in the public view only.
//   A "—" in §9.2 where PT reads (AC, VA) cannot mean less than the public view: dropping the token gives it.
//
// Reviewers read applications in full: no field of an application holds the applicant's personal data yet
// (contact person, coaching supervisor are not modelled); minimize them here when they arrive.

export type ApplicationAccess = "full" | "public" | "none";

/** Call statuses before the call has closed: federation admins do not read its applications yet. */
const BEFORE_CLOSE = [CallStatus.DRAFT, CallStatus.OPEN];
/** Call statuses that end a reviewer's assignment. */
const REVIEW_OVER = [CallStatus.DECIDED, CallStatus.ARCHIVED];

type CallFacts = Pick<Call, "programId" | "status" | "closesAt">;
type ApplicationFacts = Pick<Application, "id" | "applicantOrgId" | "status" | "targetAreaCode">;

export function callHasClosed(call: CallFacts, at: Date): boolean {
  return !BEFORE_CLOSE.includes(call.status) || call.closesAt.getTime() <= at.getTime();
}

/** The organizations whose applications the caller reads as the applicant (leader or member). */
function applicantOrgIds(viewer: Viewer): string[] {
  return viewer.has("ORG_LEADER") || viewer.has("ORG_MEMBER") ? viewer.orgIds : [];
}

/** The access of one caller to one application of one call, at an instant. */
export function applicationAccessFor(viewer: Viewer, application: ApplicationFacts, call: CallFacts | null, at: Date): ApplicationAccess {
  if (applicantOrgIds(viewer).includes(application.applicantOrgId)) return "full";
  if (application.status === ApplicationStatus.DRAFT) return "none";
  if (viewer.has("SUPERVISOR") && viewer.orgIds.includes(application.applicantOrgId)) return "full";
  if (call && viewer.has("FEDERATION_ADMIN") && callHasClosed(call, at)) return "full";
  if (call && viewer.has("PROGRAM_OFFICER") && viewer.programIds.includes(call.programId)) return "full";
  if (call && viewer.has("REVIEWER") && viewer.applicationIds.includes(application.id) && !REVIEW_OVER.includes(call.status)) return "full";
  if (staffCoverArea(viewer, application.targetAreaCode)) return "full";
  return application.status === ApplicationStatus.AWARDED ? "public" : "none";
}

/** The caller's access to an application; its call comes through the request's loader. */
export async function applicationAccess(ctx: HubContext, application: ApplicationFacts & Pick<Application, "callId">): Promise<ApplicationAccess> {
  const call = await rowLoader(ctx, Call).load(application.callId);
  return applicationAccessFor(ctx.viewer, application, call, now());
}

/**
 * The same rule as applicationAccessFor (access other than "none") as SQL, so lists are narrowed in the query:
 * `query` selects applications as `a` joined with their call as `c`.
 */
export function whereVisibleTo<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, viewer: Viewer, at: Date): SelectQueryBuilder<T> {
  return query.andWhere(
    new Brackets((where) => {
      where.where("a.status = :publicStatus", { publicStatus: ApplicationStatus.AWARDED });
      const own = applicantOrgIds(viewer);
      if (own.length) where.orWhere("a.applicantOrgId IN (:...applicantOrgIds)", { applicantOrgIds: own });
      const submitted = (condition: string, parameters: Record<string, unknown>) =>
        where.orWhere(`(a.status <> :draftStatus AND ${condition})`, { draftStatus: ApplicationStatus.DRAFT, ...parameters });
      if (viewer.has("SUPERVISOR") && viewer.orgIds.length) submitted("a.applicantOrgId IN (:...supervisedOrgIds)", { supervisedOrgIds: viewer.orgIds });
      if (viewer.has("FEDERATION_ADMIN")) submitted("(c.status NOT IN (:...beforeClose) OR c.closesAt <= :closedBy)", { beforeClose: BEFORE_CLOSE, closedBy: at });
      if (viewer.has("PROGRAM_OFFICER") && viewer.programIds.length) submitted("c.programId IN (:...officerProgramIds)", { officerProgramIds: viewer.programIds });
      if (viewer.has("REVIEWER") && viewer.applicationIds.length) {
        submitted("(a.id IN (:...assignedIds) AND c.status NOT IN (:...reviewOver))", { assignedIds: viewer.applicationIds, reviewOver: REVIEW_OVER });
      }
      staffAreaPrefixes(viewer).forEach((prefix, i) => submitted(`a.targetAreaCode LIKE :areaPrefix${i}`, { [`areaPrefix${i}`]: `${prefix}%` }));
    }),
  );
}

/** A refusal that says who may read the field. */
export function notPublic(field: string): ForbiddenError {
  return new ForbiddenError(
    `Application.${field} is not public: partners see only the title of awarded projects (挂榜). It is for the applicant, ` +
      "its supervisor, street/community staff of its area, the programme's officers, assigned reviewers and, once the call has closed, federation admins.",
  );
}

/** Guards a field outside the public view: only callers who read the application in full get it. */
export const FullApplicationOnly: MiddlewareFn<HubContext> = async ({ root, context, info }, next) => {
  if ((await applicationAccess(context, root as Application)) !== "full") throw notPublic(info.fieldName);
  return next();
};
