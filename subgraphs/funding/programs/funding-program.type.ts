import { ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { Application } from "../applications/application.entity";
import { FundingProgram } from "./funding-program.entity";

@ObjectType()
export class FundingProgramConnection extends Connection(FundingProgram, "FundingProgram") {}

@ObjectType()
export class ApplicationConnection extends Connection(Application, "Application") {}
