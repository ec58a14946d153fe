import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateScalar } from "../../kit/scalars";
import { Organization, organizationById, personById, PersonType } from "../directory";
import { SupervisionAssignment } from "./supervision-assignment.entity";
import { SupervisionVisit } from "./supervision-visit.entity";
import { SupervisionService } from "./supervision.service";
import { SupervisionVisitType } from "./supervision.enums";

const supervision = new SupervisionService();

@Resolver(() => SupervisionAssignment)
export class SupervisionAssignmentResolver {
  @FieldResolver(() => Organization)
  organization(@Root() assignment: SupervisionAssignment, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(assignment.organizationId);
  }

  @FieldResolver(() => Organization, { description: "The social-work agency the supervisor works for." })
  agency(@Root() assignment: SupervisionAssignment, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(assignment.agencyOrgId);
  }

  @FieldResolver(() => PersonType)
  supervisor(@Root() assignment: SupervisionAssignment, @Ctx() ctx: HubContext) {
    return personById(ctx).load(assignment.supervisorPersonId);
  }

  @FieldResolver(() => [SupervisionVisit], { description: "The most recent visits, oldest first." })
  visits(@Root() assignment: SupervisionAssignment, @Ctx() ctx: HubContext, @Arg("last", () => Int, { nullable: true, defaultValue: 5 }) last?: number) {
    return supervision.visits(ctx, assignment, last);
  }

  @Mutation(() => SupervisionVisit, { description: "Records a supervision visit; only the assigned supervisor may." })
  recordSupervisionVisit(
    @Arg("assignmentId", () => ID) assignmentId: string,
    @Arg("date", () => DateScalar) date: string,
    @Arg("type", () => SupervisionVisitType) type: SupervisionVisitType,
    @Ctx() ctx: HubContext,
    @Arg("notes", () => String, { nullable: true }) notes?: string,
    @Arg("shareWithLeader", () => Boolean, { nullable: true, defaultValue: false }) shareWithLeader?: boolean,
  ) {
    return supervision.recordVisit(ctx, { assignmentId, date, type, notes, shareWithLeader });
  }
}

@Resolver(() => SupervisionVisit)
export class SupervisionVisitResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The supervisor and agency read them; the leader when shared; admins and staff in scope a summary; others null.",
  })
  notes(@Root() visit: SupervisionVisit, @Ctx() ctx: HubContext) {
    return supervision.notes(ctx, visit);
  }
}

/** Organization.supervision (DOMAIN §3.6). */
@Resolver(() => Organization)
export class OrganizationSupervisionResolver {
  @FieldResolver(() => [SupervisionAssignment], { description: "Supervision assignments, past ones included; empty for the public." })
  supervision(@Root() org: Organization, @Ctx() ctx: HubContext) {
    return supervision.forOrganization(ctx, org);
  }
}
