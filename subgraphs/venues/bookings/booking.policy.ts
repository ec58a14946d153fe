import { HubContext } from "../../kit/context";
import { Viewer } from "../../../platform/identity";
import { rowLoader } from "../../kit/loaders";
import { areaInScope } from "../../kit/area-scope";
import { BookingPurpose, Facility, Room } from "../facilities";
import { Booking } from "./booking.entity";
import { BookingVisibility } from "./booking.enums";

// Scope checks on the signed viewer (DOMAIN §9.1–9.2): the gateway verified the token, the kit verified the gateway.

/** A leader or member of this organization (an organization books and cancels only for itself). */
export function actsForOrganization(viewer: Viewer, organizationId: string): boolean {
  return (viewer.has("ORG_LEADER") || viewer.has("ORG_MEMBER")) && viewer.orgIds.includes(organizationId);
}

/** The facility's venue admin (场地管理员): approves, rejects, bumps and checks in. */
export function managesFacility(viewer: Viewer, facilityId: string): boolean {
  return viewer.has("VENUE_ADMIN") && viewer.facilityIds.includes(facilityId);
}

/** Whether one of the viewer's area codes is this area or above it; an empty code covers nothing (never a wildcard). */
export function coversArea(viewer: Viewer, areaCode: string): boolean {
  return areaInScope(viewer.areaCodes, areaCode);
}

/** Academy staff of the academy a course booking is for (DOMAIN §9.1: AC scope is academyIds). */
export function staffsAcademy(viewer: Viewer, academyId: string | null): boolean {
  return viewer.has("ACADEMY_STAFF") && academyId !== null && viewer.academyIds.includes(academyId);
}

/** Another subgraph calling with its signed service identity (a saga step); never a person's token. */
export function isService(viewer: Viewer): boolean {
  return viewer.service !== null;
}

/** In what capacity the viewer may book (or cancel) for an organization at a facility; null when not at all. */
export type BookingRole = "SERVICE" | "ORGANIZATION" | "VENUE_ADMIN" | "ACADEMY" | "SPONSOR";

export function bookingRole(
  viewer: Viewer,
  target: { organizationId: string; purpose: BookingPurpose; academyId: string | null; facility: { id: string; areaCode: string } },
): BookingRole | null {
  if (isService(viewer)) return "SERVICE";
  if (actsForOrganization(viewer, target.organizationId)) return "ORGANIZATION";
  if (managesFacility(viewer, target.facility.id)) return "VENUE_ADMIN";
  if (target.purpose === BookingPurpose.COURSE_SESSION && staffsAcademy(viewer, target.academyId)) return "ACADEMY";
  // C7: a community worker books for an INFORMAL team of their community as its sponsor
  if (viewer.has("COMMUNITY_STAFF") && coversArea(viewer, target.facility.areaCode)) return "SPONSOR";
  return null;
}

/** Who sees a booking in full (title, requester, reason) without loading its facility; null: it depends on the facility. */
export function seesBookingWithoutFacility(
  viewer: Viewer,
  booking: { organizationId: string; purpose: BookingPurpose; academyId: string | null; sponsorPersonId: string | null },
): boolean | null {
  if (viewer.anonymous) return false;
  if (isService(viewer) || viewer.has("FEDERATION_ADMIN") || actsForOrganization(viewer, booking.organizationId)) return true;
  if (viewer.has("SUPERVISOR") && viewer.orgIds.includes(booking.organizationId)) return true;
  if (booking.purpose === BookingPurpose.COURSE_SESSION && staffsAcademy(viewer, booking.academyId)) return true;
  if (booking.sponsorPersonId !== null && booking.sponsorPersonId === viewer.personId) return true;
  return viewer.has("VENUE_ADMIN") || viewer.has("STREET_STAFF") || viewer.has("COMMUNITY_STAFF") ? null : false;
}

/** The facility-scoped part: its venue admin and the street/community staff whose area covers it (R s). */
export function seesBookingAtFacility(viewer: Viewer, facility: { id: string; areaCode: string }): boolean {
  return managesFacility(viewer, facility.id) || ((viewer.has("STREET_STAFF") || viewer.has("COMMUNITY_STAFF")) && coversArea(viewer, facility.areaCode));
}

/** The title partners and other organizations see on a private booking (DOMAIN §9.2 busy blocks). */
export const MASKED_TITLE = "已预约";

/**
 * Whether the viewer sees the booking in full (title, requester, reasons): its organization, its venue admin,
 * staff in scope, the academy for course bookings, services. The facility is loaded (batched) only when the
 * viewer's roles make it matter.
 */
export async function seesBookingDetails(ctx: HubContext, booking: Booking): Promise<boolean> {
  const quick = seesBookingWithoutFacility(ctx.viewer, booking);
  if (quick !== null) return quick;
  const room = await rowLoader(ctx, Room).load(booking.roomId);
  const facility = room ? await rowLoader(ctx, Facility).load(room.facilityId) : null;
  return facility !== null && seesBookingAtFacility(ctx.viewer, facility);
}

/** The title the viewer may see. */
export async function visibleTitle(ctx: HubContext, booking: Booking): Promise<string> {
  if (booking.visibility === BookingVisibility.PUBLIC) return booking.title;
  return (await seesBookingDetails(ctx, booking)) ? booking.title : MASKED_TITLE;
}
