import { ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { CourseOffering } from "./course-offering.entity";

@ObjectType()
export class CourseOfferingConnection extends Connection(CourseOffering, "CourseOffering") {}
