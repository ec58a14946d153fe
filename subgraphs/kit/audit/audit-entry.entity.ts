import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** How a mutation's root field ended: OK, or the code of the error it answered with (platform/errors ErrorCode). */
export enum AuditOutcome {
  OK = "OK",
  BAD_USER_INPUT = "BAD_USER_INPUT",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  NOT_FOUND = "NOT_FOUND",
  CONFLICT = "CONFLICT",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

registerEnumType(AuditOutcome, { name: "AuditOutcome", description: "How an audited mutation ended: OK or its error code." });

/**
 * One root field of one mutation, as the subgraph that owns the data ran it (issue 10, point 8). Append-only: the
 * kit only inserts and reads these rows. Personal data follows DOMAIN §9.3: ids and codes only, never names,
 * phones or free-text arguments (no variables are stored).
 */
@Entity("audit_entries")
@ObjectType("AuditEntry", { description: "One mutation root field as the owning subgraph ran it: who, what, when and the outcome." })
@Directive("@shareable") // every subgraph keeps its own log and serves this same shape
export class AuditEntry {
  /** `aud_<ULID>`: id order is the order the entries were written. */
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "datetime", precision: 3 })
  @Field(() => Date, { description: "When the subgraph answered, on the hub clock." })
  at: Date;

  @Column({ type: "varchar", length: 64 })
  @Field(() => String, { description: "The request id the gateway gave the request (also in the logs)." })
  requestId: string;

  @Column({ type: "varchar", length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: "The client's operation name, as sent to the gateway." })
  operationName: string | null;

  @Index()
  @Column({ type: "varchar", length: 100 })
  @Field(() => String, { description: "The mutation root field, e.g. cancelBooking." })
  field: string;

  @Index()
  @Column({ type: "varchar", length: 40, nullable: true })
  @Field(() => ID, { nullable: true, description: "The signed-in person (the token's subject); null for anonymous callers and services." })
  personId: string | null;

  @Column({ type: "simple-json" })
  @Field(() => [String], { description: "The caller's roles (DOMAIN §9.1) as the gateway signed them." })
  roles: string[];

  @Column({ type: "varchar", length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: "The calling subgraph when a saga step made the call." })
  service: string | null;

  @Column({ type: "simple-json" })
  @Field(() => [ID], { description: "Hub ids among the field's id arguments and the id of what it returned." })
  targetIds: string[];

  @Index()
  @Column({ type: "simple-enum", enum: AuditOutcome })
  @Field(() => AuditOutcome)
  outcome: AuditOutcome;
}
