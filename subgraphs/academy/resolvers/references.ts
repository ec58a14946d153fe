import { typeOfId } from "../../kit/ids";
import { ReferenceResolver } from "../../kit/schema";
import { academyById, courseById, enrollmentById, offeringById, sessionById } from "../loaders";

// The gateway sends one representation per entity and does not deduplicate: each goes through a loader.
// A malformed id or one of another kind can only be unknown here, so it resolves to null instead of reaching SQL.
export const academyReferences: Record<string, ReferenceResolver> = {
  Academy: (ref, ctx) => (typeOfId(String(ref.id)) === "Academy" ? academyById(ctx).load(String(ref.id)) : null),
  Course: (ref, ctx) => (typeOfId(String(ref.id)) === "Course" ? courseById(ctx).load(String(ref.id)) : null),
  CourseOffering: (ref, ctx) => (typeOfId(String(ref.id)) === "CourseOffering" ? offeringById(ctx).load(String(ref.id)) : null),
  CourseSession: (ref, ctx) => (typeOfId(String(ref.id)) === "CourseSession" ? sessionById(ctx).load(String(ref.id)) : null),
  Enrollment: (ref, ctx) => (typeOfId(String(ref.id)) === "Enrollment" ? enrollmentById(ctx).load(String(ref.id)) : null),
  // owned by organizations: only its key is needed to resolve the contributed `enrollments`
  Organization: (ref) => (typeOfId(String(ref.id)) === "Organization" ? { id: String(ref.id) } : null),
};
