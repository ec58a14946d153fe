import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Area, areaByCode, Organization, organizationById } from "../directory";
import { FilingEvent } from "./filing-event.entity";
import { FilingRecord } from "./filing-record.entity";
import { filingEventsByFiling } from "./filing.loaders";
import { canSeeFilingDetails } from "./filing.policy";
import { FilingService } from "./filing.service";
import { FilingAction } from "./filing.enums";

const filings = new FilingService();

/** Whether this caller sees the filing's events and charter (§9.2); loads go through the request's loaders. */
async function detailsVisible(ctx: HubContext, filing: FilingRecord): Promise<boolean> {
  if (ctx.viewer.has("FEDERATION_ADMIN")) return true;
  if (ctx.viewer.anonymous) return false;
  const org = await organizationById(ctx).load(filing.organizationId);
  const homeArea = org ? await areaByCode(ctx).load(org.homeAreaCode) : null;
  return !!homeArea && canSeeFilingDetails(ctx.viewer, filing.organizationId, homeArea);
}

@Resolver(() => FilingRecord)
export class FilingRecordResolver {
  @Mutation(() => FilingRecord, {
    description:
      "Moves a filing (备案) one step through its workflow. The wrong actor is FORBIDDEN; an action not allowed from the current state is a CONFLICT naming the state and the allowed actions.",
  })
  transitionFiling(
    @Arg("filingId", () => ID) filingId: string,
    @Arg("action", () => FilingAction) action: FilingAction,
    @Arg("comment", () => String, { nullable: true, description: "Required for RETURN and REJECT." }) comment: string | null | undefined,
    @Ctx() ctx: HubContext,
  ) {
    return filings.transition(ctx, filingId, action, comment);
  }

  @FieldResolver(() => Organization)
  organization(@Root() filing: FilingRecord, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(filing.organizationId);
  }

  @FieldResolver(() => Area, { description: "The filing authority (by default the street)." })
  authority(@Root() filing: FilingRecord, @Ctx() ctx: HubContext) {
    return areaByCode(ctx).load(filing.authorityAreaCode);
  }

  @FieldResolver(() => String, { nullable: true, description: "章程; null unless the caller may see filing details." })
  async charterDocumentUrl(@Root() filing: FilingRecord, @Ctx() ctx: HubContext) {
    return (await detailsVisible(ctx, filing)) ? filing.charterDocumentUrl : null;
  }

  @FieldResolver(() => [FilingEvent], { description: "The append-only history, oldest first; empty unless the caller may see filing details." })
  async events(@Root() filing: FilingRecord, @Ctx() ctx: HubContext) {
    return (await detailsVisible(ctx, filing)) ? filingEventsByFiling(ctx).load(filing.id) : [];
  }
}
