import { Directive, Field, ID, InputType, ObjectType } from "type-graphql";
import { Connection } from "../pagination";
import { AuditEntry, AuditOutcome } from "./audit-entry.entity";

@InputType({ description: "Narrows an audit log; all given conditions must hold." })
export class AuditLogFilter {
  @Field(() => Date, { nullable: true, description: "Entries at or after this instant." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Entries before this instant." })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: "Entries of this person (the token's subject)." })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "Entries of operations with this name, e.g. BookBirthdayParty." })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: "Entries of this mutation root field, e.g. cancelBooking." })
  field?: string | null;

  @Field(() => [AuditOutcome], { nullable: true, description: "Entries that ended one of these ways." })
  outcomes?: AuditOutcome[] | null;
}

@ObjectType()
@Directive("@shareable")
export class AuditEntryConnection extends Connection(AuditEntry, "AuditEntry", { shareable: true }) {}
