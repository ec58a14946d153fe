import { Viewer } from "../../../platform/identity";
import { MASKED_VERIFY_CODE } from "./certificate.rules";

/** DOMAIN §9.2 "Certificates": signed-in callers read them; partner front-ends and anonymous callers see none. */
export function seesCertificates(viewer: Viewer): boolean {
  return !viewer.anonymous && !viewer.has("PARTNER");
}

/** The verify code proves a paper certificate genuine, so only its holder and academy staff read it in clear. */
export function verifyCodeFor(viewer: Viewer, certificate: { personId: string; verifyCode: string }): string {
  const holder = viewer.personId !== null && viewer.personId === certificate.personId;
  return holder || viewer.has("ACADEMY_STAFF") ? certificate.verifyCode : MASKED_VERIFY_CODE;
}
