import { ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { Application } from "./application.entity";

@ObjectType()
export class ApplicationConnection extends Connection(Application, "Application") {}
