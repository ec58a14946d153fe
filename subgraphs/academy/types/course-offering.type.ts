import { ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { CourseOffering } from "../entities/course-offering.entity";

@ObjectType()
export class CourseOfferingConnection extends Connection(CourseOffering, "CourseOffering") {}
