import { ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { Facility } from "../facilities";

@ObjectType()
export class FacilityConnection extends Connection(Facility, "Facility") {}
