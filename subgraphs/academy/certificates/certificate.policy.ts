import { Viewer } from "../../../platform/identity";
import { MASKED_VERIFY_CODE } from "./certificate.rules";

/**
 * DOMAIN §9.2 "Certificates": FA R; SS/CS R s; SUP R s; OL R own members; OM R own; AC R W; RV R (of applicant's
 * people, M); PO, VA —; PT verify only (verifyCertificate, the name masked by the organizations subgraph).
 * Safer readings where the matrix needs facts this subgraph does not hold:
 * - OL and SUP: certificates taken for an organization in their orgIds (the one the person enrolled for).
 * - SS/CS: this subgraph cannot place an organization in an area, so they read certificates only through the
 *   enrollments of organizations in their area (Organization.enrollments → certificate), never by person or id.
 * - RV: which people belong to an assigned application's applicant is funding's and organizations' to say;
 *   until it travels with the token, reviewers read none.
 * - AC: certificates issued by their academy or an academy below it (read access to child academies).
 * - Everyone reads their own certificates (the holder is a clear-text reader, §9.3).
 */
export function seesCertificate(
  viewer: Viewer,
  certificate: { personId: string; organizationId: string | null },
  issuerLine: readonly string[],
): boolean {
  if (viewer.service !== null) return true;
  if (viewer.anonymous) return false;
  if (viewer.personId !== null && viewer.personId === certificate.personId) return true;
  if (viewer.has("FEDERATION_ADMIN")) return true;
  if ((viewer.has("ORG_LEADER") || viewer.has("SUPERVISOR")) && certificate.organizationId !== null && viewer.orgIds.includes(certificate.organizationId)) return true;
  return viewer.has("ACADEMY_STAFF") && issuerLine.some((id) => viewer.academyIds.includes(id));
}

/** The verify code proves a paper certificate genuine, so only its holder and academy staff read it in clear. */
export function verifyCodeFor(viewer: Viewer, certificate: { personId: string; verifyCode: string }): string {
  const holder = viewer.personId !== null && viewer.personId === certificate.personId;
  return holder || viewer.has("ACADEMY_STAFF") ? certificate.verifyCode : MASKED_VERIFY_CODE;
}
