import { ReferenceResolver, referenceById } from "../../kit/schema";
import { bookingById, equipmentById, facilityById, roomById } from "../facilities/facility.loaders";

export const venueReferences: Record<string, ReferenceResolver> = {
  Facility: referenceById("Facility", facilityById),
  Room: referenceById("Room", roomById),
  Booking: referenceById("Booking", bookingById),
  Equipment: referenceById("Equipment", equipmentById),
};
