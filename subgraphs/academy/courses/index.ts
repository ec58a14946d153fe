import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { AcademyCoursesResolver } from "./academy.resolver";
import { CourseOffering } from "./course-offering.entity";
import { CourseOfferingResolver } from "./course-offering.resolver";
import { Course } from "./course.entity";
import { AudienceRole, CourseStatus, CourseTopic, OfferingStatus } from "./course.enums";
import { CourseResolver } from "./course.resolver";
import { seedCourses } from "./course.seed";

export { AudienceRole, Course, CourseOffering, CourseStatus, CourseTopic, OfferingStatus };

/** The course catalogue: courses and their offerings (期), with Academy.courses (DOMAIN §4). */
export const coursesFeature: Feature = {
  name: "courses",
  entities: [Course, CourseOffering],
  resolvers: [CourseResolver, CourseOfferingResolver, AcademyCoursesResolver],
  references: {
    Course: referenceById("Course", (ctx) => rowLoader(ctx, Course)),
    CourseOffering: referenceById("CourseOffering", (ctx) => rowLoader(ctx, CourseOffering)),
  },
  seed: seedCourses,
};
