import { typeOfId } from "../../kit/ids";
import { ReferenceResolver } from "../../kit/schema";
import { bookingById, facilityById, roomById } from "../loaders";

// The gateway sends one representation per entity and does not deduplicate: each goes through a loader.
// A malformed id or an id of another kind can only be unknown here, so it resolves to null before SQL.
export const venueReferences: Record<string, ReferenceResolver> = {
  Facility: (ref, ctx) => (typeOfId(String(ref.id)) === "Facility" ? facilityById(ctx).load(String(ref.id)) : null),
  Room: (ref, ctx) => (typeOfId(String(ref.id)) === "Room" ? roomById(ctx).load(String(ref.id)) : null),
  Booking: (ref, ctx) => (typeOfId(String(ref.id)) === "Booking" ? bookingById(ctx).load(String(ref.id)) : null),
};
