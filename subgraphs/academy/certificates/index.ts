import { typeOfId } from "../../kit/ids";
import { keyOnlyReference, ReferenceResolver, referenceById } from "../../kit/schema";
import { academyById, courseById, enrollmentById, offeringById, sessionById } from "../courses/course.loaders";
import { CertificateService } from "./certificate.service";

const certificates = new CertificateService();

export const academyReferences: Record<string, ReferenceResolver> = {
  Academy: referenceById("Academy", academyById),
  Course: referenceById("Course", courseById),
  CourseOffering: referenceById("CourseOffering", offeringById),
  CourseSession: referenceById("CourseSession", sessionById),
  Enrollment: referenceById("Enrollment", enrollmentById),
  // not referenceById: a certificate is hidden from anonymous and partner callers on every path
  Certificate: (ref, ctx) => (typeOfId(String(ref.id)) === "Certificate" ? certificates.find(ctx, String(ref.id)) : null),
  Organization: keyOnlyReference("Organization"),
  // venues' Booking: the academy only adds courseSession
  Booking: keyOnlyReference("Booking"),
  Person: keyOnlyReference("Person"),
};
