import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { ageStructure } from "./age-structure.rules";
import { FederationMembership, federationMembershipsByOrganization } from "../federation-membership";
import { FilingRecord } from "./filing-record.entity";
import { activeMembershipsByOrganization, Organization, Person, personById } from "../directory";
import { AgeStructure } from "./age-structure.type";
import { seesFilingInProgress } from "./filing.policy";

/** Filing, federation membership and age structure of an organization (DOMAIN §3.1, §3.5, §3.7). */
@Resolver(() => Organization)
export class OrganizationFilingResolver {
  @FieldResolver(() => FilingRecord, { nullable: true, description: "The filing (备案); null for organizations that never filed, and for partners until it is approved." })
  async filing(@Root() org: Organization, @Ctx() ctx: HubContext) {
    const filing = await rowLoader(ctx, FilingRecord, "organizationId").load(org.id);
    if (!filing || filing.filingNo !== null || seesFilingInProgress(ctx.viewer, org.id)) return filing;
    return null;
  }

  @FieldResolver(() => [FederationMembership], { description: "Memberships as a member of federations and, for a federation, of its members." })
  federationMemberships(@Root() org: Organization, @Ctx() ctx: HubContext) {
    return federationMembershipsByOrganization(ctx).load(org.id);
  }

  @FieldResolver(() => AgeStructure, { nullable: true, description: "Active members' age bands; public because small cells are suppressed." })
  async ageStructure(@Root() org: Organization, @Ctx() ctx: HubContext) {
    const members = await activeMembershipsByOrganization(ctx).load(org.id);
    const people = await personById(ctx).loadMany(members.map((m) => m.personId));
    const birthYears = people.map((p) => (p instanceof Person ? p.birthYear : null));
    return ageStructure(birthYears, Number(businessDate(now()).slice(0, 4)));
  }
}
