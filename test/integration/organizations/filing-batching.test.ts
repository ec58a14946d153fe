import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { startTestSubgraph } from "@kit/testing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm } from "@subgraphs/organizations/directory/directory.enums";
import { FilingStatus } from "@subgraphs/organizations/filing/filing.enums";
import { expectNoGrowth } from "@test/support/statements";
import { ANONYMOUS, addFederation, addFederationMembership, addFiling, addOrganization, addStreet, countedRequest, federationAdmin, streetStaffOf } from "./fixtures";

let subgraph: RunningSubgraph;
const ORGS = 50;
const MEMBERS = 6;
const FILED_HISTORY = 4; // SUBMITTED, COMMUNITY_REVIEWED, STREET_REVIEW, FILED (addFiling)

// 50 filed teams of one street, each with 6 members (ages spread so that no band is suppressed as a whole), a FILED
// filing with its history, and an application to the street's federation
beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const db = subgraph.db;
  const { street, community } = await addStreet(db, "FB");
  const federation = (await addFederation(db, "fb_fed", { homeAreaCode: street })).orgId;
  for (let i = 0; i < ORGS; i++) {
    const { orgId, leaderId } = await addOrganization(db, `fb${i}`, {
      name: `批量备案组织${i}`, legalForm: LegalForm.FILED, members: MEMBERS, birthYears: Array.from({ length: MEMBERS }, (_, j) => 1950 + j * 5), homeAreaCode: community,
    });
    await addFiling(db, `fb${i}`, orgId, street, { status: FilingStatus.FILED, declaredMemberCount: MEMBERS, submittedBy: leaderId });
    await addFederationMembership(db, `fb${i}`, federation, orgId);
  }
});
afterAll(() => subgraph?.stop());

const LIST = `query($first: Int!) {
  organizations(filter: { search: "批量备案组织" }, first: $first) {
    nodes {
      id
      filing { id status filingNo charterDocumentUrl authority { name } organization { name } events { from to actor { displayName } } }
      ageStructure { suppressed averageAge bands { band count } }
      federationMemberships { status federation { name } member { name } }
    }
  }
}`;

async function statements(first: number, claims: Partial<Claims>): Promise<number> {
  const { count, data } = await countedRequest(subgraph, LIST, { first }, claims);
  const nodes = data.organizations.nodes;
  expect(nodes).toHaveLength(first);
  for (const node of nodes) {
    expect(node.filing.status).toBe("FILED");
    expect(node.ageStructure.suppressed).toBe(false);
    expect(node.federationMemberships).toHaveLength(1);
    if (claims.roles?.length) {
      expect(node.filing.events).toHaveLength(FILED_HISTORY);
      expect(node.filing.events[0].actor.displayName).toBeTruthy();
    }
  }
  return count;
}

test.each([
  ["a federation admin (history visible)", federationAdmin()],
  ["street staff in scope (scope checked per filing)", streetStaffOf("990100SFB")],
  ["an anonymous partner", ANONYMOUS],
])("filing, ageStructure and federationMemberships of 50 organizations cost as many statements as of 5, for %s", async (_label, claims) => {
  const five = await statements(5, claims);
  const fifty = await statements(ORGS, claims);
  expectNoGrowth(five, fifty);
  expect(fifty).toBeLessThanOrEqual(12);
});
