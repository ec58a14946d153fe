import { Feature } from "../../kit/feature";
import { referenceById } from "../../kit/schema";
import { AcademyCoursesResolver } from "./academy.resolver";
import { CourseOffering } from "./course-offering.entity";
import { CourseOfferingResolver } from "./course-offering.resolver";
import { Course } from "./course.entity";
import { AudienceRole, CourseStatus, CourseTopic, OfferingStatus } from "./course.enums";
import { courseById, offeringById, statusArgs } from "./course.loaders";
import { CourseResolver } from "./course.resolver";
import { seedCourses } from "./course.seed";

export { AudienceRole, Course, CourseOffering, CourseStatus, CourseTopic, OfferingStatus, courseById, offeringById, statusArgs };

/** The course catalogue: courses and their offerings (期), with Academy.courses (DOMAIN §4). */
export const coursesFeature: Feature = {
  name: "courses",
  entities: [Course, CourseOffering],
  resolvers: [CourseResolver, CourseOfferingResolver, AcademyCoursesResolver],
  references: {
    Course: referenceById("Course", courseById),
    CourseOffering: referenceById("CourseOffering", offeringById),
  },
  seed: seedCourses,
};
