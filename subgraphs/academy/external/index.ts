import { Feature } from "../../kit/feature";
import { typeOfId } from "../../kit/ids";
import { keyOnlyReference, ReferenceResolver } from "../../kit/schema";
import { AreaStub } from "./area.stub";
import { BookingStub } from "./booking.stub";
import { OrganizationStub } from "./organization.stub";
import { PersonStub } from "./person.stub";

export { AreaStub, BookingStub, OrganizationStub, PersonStub };

const AREA_CODE = /^[0-9A-Za-z]{1,20}$/;

/** The checked key, plus the home area's code when the gateway sends it for a field that @requires it. */
const organizationReference: ReferenceResolver = (ref) => {
  if (typeOfId(String(ref.id)) !== "Organization") return null;
  const code = (ref.homeArea as { code?: unknown } | undefined)?.code;
  const stub: OrganizationStub = { id: String(ref.id) };
  if (typeof code === "string" && AREA_CODE.test(code)) stub.homeArea = { code };
  return stub;
};

/** Entities other subgraphs own that the academy refers to or adds fields to; only their keys live here. */
export const externalFeature: Feature = {
  name: "external",
  orphanedTypes: [AreaStub, BookingStub, OrganizationStub, PersonStub],
  references: {
    Organization: organizationReference,
    // venues' Booking: the academy only adds courseSession
    Booking: keyOnlyReference("Booking"),
    Person: keyOnlyReference("Person"),
  },
};
