import { keyOnlyReference, ReferenceResolver, referenceById } from "../../kit/schema";
import { academyById, courseById, enrollmentById, offeringById, sessionById } from "../loaders";

export const academyReferences: Record<string, ReferenceResolver> = {
  Academy: referenceById("Academy", academyById),
  Course: referenceById("Course", courseById),
  CourseOffering: referenceById("CourseOffering", offeringById),
  CourseSession: referenceById("CourseSession", sessionById),
  Enrollment: referenceById("Enrollment", enrollmentById),
  Organization: keyOnlyReference("Organization"),
};
