import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { BookingCourseSessionResolver } from "./booking.resolver";
import { CourseOfferingSessionsResolver } from "./course-offering.resolver";
import { CourseSession } from "./course-session.entity";
import { SessionMode, SessionStatus } from "./course-session.enums";
import { CourseSessionResolver } from "./course-session.resolver";
import { seedSessions } from "./course-session.seed";

export { CourseSession, SessionMode, SessionStatus };

/** Teaching sessions of an offering, with CourseOffering.sessions and venues' Booking.courseSession (DOMAIN §4, §7). */
export const sessionsFeature: Feature = {
  name: "sessions",
  entities: [CourseSession],
  resolvers: [CourseSessionResolver, CourseOfferingSessionsResolver, BookingCourseSessionResolver],
  references: { CourseSession: referenceById("CourseSession", (ctx) => rowLoader(ctx, CourseSession)) },
  seed: seedSessions,
};
