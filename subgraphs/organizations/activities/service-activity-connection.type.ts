import { ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { ServiceActivity } from "./service-activity.entity";

@ObjectType()
export class ServiceActivityConnection extends Connection(ServiceActivity, "ServiceActivity") {}
