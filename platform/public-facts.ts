import { z } from "zod";
import { Claims } from "./identity";

// The gateway's response cache (issue 12, point 5) in one vocabulary: the tags a subgraph puts on a public answer
// for the facts it shows, and the events whose facts clear them. Subgraphs write tags (kit/public-reads), the
// event producers write these events (kit/events catalog lists them), the gateway reads both; none imports another.

/** Header of a subgraph's answer, present only when the answer may be cached for its caller's role view: "public <tag> <tag>…". */
export const CACHE_TAGS_HEADER = "x-hub-cache-tags";
export const PUBLIC_MARK = "public";

/**
 * A caller whose answers depend on no person: anonymous, or a partner front-end (PT, which carries no person,
 * DOMAIN §9.2). Leaders, staff, admins and services see person-level views and are never cached.
 */
export function isPublicView(claims: Claims): boolean {
  return claims.personId === null && claims.service === null && claims.roles.every((role) => role === "PARTNER");
}

/**
 * The longest a cached answer may live (HUB_RESPONSE_CACHE_TTL_SECONDS' bound). An invalidation older than this
 * clears nothing, so the producers' relays drop undelivered ones past it (a gateway without a receiver, say).
 */
export const MAX_CACHE_TTL_SECONDS = 3600;

/** The tags of the facts a public answer shows; an event naming the same facts clears every answer tagged so. */
export const cacheTag = {
  organization: (id: string) => `org:${id}`,
  /** An area's own facts and every directory list of its subtree. */
  area: (code: string) => `area:${code}`,
  /** Directory lists not bound to one area (`organizations` with any filter, `areas`). */
  directory: "directory",
  roomDay: (roomId: string, day: string) => `room:${roomId}:${day}`,
  facilityDay: (facilityId: string, day: string) => `facility:${facilityId}:${day}`,
  /** Every free/busy answer about a day, whatever its rooms (availableRooms lists only the rooms still free). */
  freeBusyDay: (day: string) => `freebusy:${day}`,
};

const day = z.iso.date();

/** venues: a booking was made, or changed status (cancelled, approved, expired by a saga, cancelled by an event). */
export const RoomBookingsChanged = {
  type: "RoomBookingsChanged",
  version: 1,
  producer: "venues",
  consumers: ["gateway"] as readonly string[],
  description: "The bookings of a room changed on these business days (made, cancelled, approved, rejected, released): the room's free/busy on those days is different.",
  payload: z
    .object({
      roomId: z.string().regex(/^room_[0-9A-Za-z_]{1,35}$/, "a Room id"),
      facilityId: z.string().regex(/^fac_[0-9A-Za-z_]{1,35}$/, "a Facility id"),
      days: z.array(day).min(1).max(400),
    })
    .strict(),
};

/** organizations: what the public directory shows of an organization changed (status, legal form, a new one). */
export const OrganizationListingChanged = {
  type: "OrganizationListingChanged",
  version: 1,
  producer: "organizations",
  consumers: ["gateway"] as readonly string[],
  description: "An organization appeared in the directory or its directory facts changed (filing, status, legal form, import, federation membership); areaCodes are its home area and every area above it.",
  payload: z
    .object({
      organizationId: z.string().regex(/^org_[0-9A-Za-z_]{1,35}$/, "an Organization id"),
      areaCodes: z.array(z.string().regex(/^[0-9A-Z]{2,20}$/, "an area code")).max(10),
    })
    .strict(),
};

/** The events the gateway consumes to clear its response cache, by type. */
export const PUBLIC_FACT_EVENTS = [RoomBookingsChanged, OrganizationListingChanged] as const;

/** The tags an event's facts clear; null for a type the gateway does not consume. */
export function tagsClearedBy(type: string, payload: unknown): string[] | null {
  if (type === RoomBookingsChanged.type) {
    const { roomId, facilityId, days } = payload as z.infer<typeof RoomBookingsChanged.payload>;
    return days.flatMap((d) => [cacheTag.roomDay(roomId, d), cacheTag.facilityDay(facilityId, d), cacheTag.freeBusyDay(d)]);
  }
  if (type === OrganizationListingChanged.type) {
    const { organizationId, areaCodes } = payload as z.infer<typeof OrganizationListingChanged.payload>;
    return [cacheTag.organization(organizationId), cacheTag.directory, ...areaCodes.map(cacheTag.area)];
  }
  return null;
}
