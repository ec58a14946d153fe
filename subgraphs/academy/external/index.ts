import { Feature } from "../../kit/feature";
import { keyOnlyReference } from "../../kit/schema";
import { AreaStub } from "./area.stub";
import { BookingStub } from "./booking.stub";
import { OrganizationStub } from "./organization.stub";
import { PersonStub } from "./person.stub";

export { AreaStub, BookingStub, OrganizationStub, PersonStub };

/** Entities other subgraphs own that the academy refers to or adds fields to; only their keys live here. */
export const externalFeature: Feature = {
  name: "external",
  orphanedTypes: [AreaStub, BookingStub, OrganizationStub, PersonStub],
  references: {
    Organization: keyOnlyReference("Organization"),
    // venues' Booking: the academy only adds courseSession
    Booking: keyOnlyReference("Booking"),
    Person: keyOnlyReference("Person"),
  },
};
