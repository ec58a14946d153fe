import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { FederationMembership } from "@subgraphs/organizations/federation-membership/federation-membership.entity";
import { FilingEvent } from "@subgraphs/organizations/filing/filing-event.entity";
import { FilingRecord } from "@subgraphs/organizations/filing/filing-record.entity";
import { Membership } from "@subgraphs/organizations/directory/membership.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { Person } from "@subgraphs/organizations/directory/person.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm, MemberRole, OrgCategory, OrgForm, OrgStatus } from "@subgraphs/organizations/directory/directory.enums";
import { FederationMembershipStatus } from "@subgraphs/organizations/federation-membership/federation-membership.enums";
import { FilingStatus } from "@subgraphs/organizations/filing/filing.enums";
import { expectNoGrowth } from "@test/support/statements";

let subgraph: RunningSubgraph;
const ORGS = 50;
const MEMBERS = 6;
const orgId = (i: number) => `org_fbatch${String(i).padStart(3, "0")}`;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
  const db = subgraph.db;
  const indexes = Array.from({ length: ORGS }, (_, i) => i);
  await db.getRepository(Organization).insert(
    indexes.map((i) => ({
      id: orgId(i), name: `批量备案组织${i}`, legalForm: LegalForm.FILED, orgForm: OrgForm.TEAM, category: OrgCategory.OTHER, secondaryCategories: [],
      hubType: null, status: OrgStatus.ACTIVE, foundedOn: null, homeAreaCode: "340104Z01C01", serviceAreaCodes: [], unifiedSocialCreditCode: null,
    })),
  );
  const people = indexes.flatMap((i) => Array.from({ length: MEMBERS }, (_, j) => ({ i, j, id: `per_fbatch${i}_${j}` })));
  await db.getRepository(Person).insert(people.map(({ i, j, id }) => ({ id, fullName: `成员${i}${j}`, phone: null, birthYear: 1950 + j * 5, residentAreaCode: null, consentPublicName: false })));
  await db.getRepository(Membership).insert(
    people.map(({ i, j, id }) => ({ id: `mem_fbatch${i}_${j}`, organizationId: orgId(i), personId: id, role: j === 0 ? MemberRole.LEADER : MemberRole.MEMBER, joinedOn: "2021-01-01", leftOn: null })),
  );
  await db.getRepository(FilingRecord).insert(
    indexes.map((i) => ({
      id: `fil_fbatch${i}`, organizationId: orgId(i), filingNo: `SJK-BA-2021-${String(i + 1).padStart(4, "0")}`, authorityAreaCode: "340104Z01", status: FilingStatus.FILED,
      submittedAt: new Date("2021-05-01T02:00:00Z"), filedOn: "2021-06-01", declaredMemberCount: MEMBERS, charterDocumentUrl: "https://docs.hub.example/c.pdf", venueDeclared: true,
    })),
  );
  await db.getRepository(FilingEvent).insert(
    indexes.flatMap((i) => [
      { id: `fev_fbatch${i}_1`, filingId: `fil_fbatch${i}`, at: new Date("2021-05-01T02:00:00Z"), from: FilingStatus.DRAFT, to: FilingStatus.SUBMITTED, actorPersonId: `per_fbatch${i}_0`, actorRole: "ORG_LEADER", comment: null },
      { id: `fev_fbatch${i}_2`, filingId: `fil_fbatch${i}`, at: new Date("2021-06-01T02:00:00Z"), from: FilingStatus.STREET_REVIEW, to: FilingStatus.FILED, actorPersonId: null, actorRole: "STREET_STAFF", comment: null },
    ]),
  );
  await db.getRepository(FederationMembership).insert(
    indexes.map((i) => ({ id: `fmem_fbatch${i}`, federationId: "org_sjk_fed", memberId: orgId(i), status: FederationMembershipStatus.APPLIED, appliedAt: new Date("2021-12-01T02:00:00Z"), joinedOn: null, decidedAt: null, decidedByPersonId: null })),
  );
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
  let body: { data?: any; errors?: unknown[] } = {};
  const count = await countStatements(subgraph.db, async () => {
    body = (await signedRequest(subgraph.url, LIST, { first }, claims)).body;
  });
  expect(body.errors).toBeUndefined();
  const nodes = body.data.organizations.nodes;
  expect(nodes).toHaveLength(first);
  for (const node of nodes) {
    expect(node.filing.status).toBe("FILED");
    expect(node.ageStructure.suppressed).toBe(false);
    expect(node.federationMemberships).toHaveLength(1);
    if (claims.roles?.length) expect(node.filing.events).toHaveLength(2);
  }
  return count;
}

test.each([
  ["a federation admin (history visible)", { personId: "per_fa", roles: ["FEDERATION_ADMIN"] } as Partial<Claims>],
  ["street staff in scope (scope checked per filing)", { personId: "per_sjk_clerk", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] } as Partial<Claims>],
  ["an anonymous partner", {} as Partial<Claims>],
])("filing, ageStructure and federationMemberships of 50 organizations cost as many statements as of 5, for %s", async (_label, claims) => {
  const five = await statements(5, claims);
  const fifty = await statements(ORGS, claims);
  expectNoGrowth(five, fifty);
  expect(fifty).toBeLessThanOrEqual(12);
});
