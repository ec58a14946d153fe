import { ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { Facility } from "./facility.entity";

@ObjectType()
export class FacilityConnection extends Connection(Facility, "Facility") {}
