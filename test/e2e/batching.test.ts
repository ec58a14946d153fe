import { ObjectLiteral } from "typeorm";
import { statementCounter } from "@kit/db";
import { countStatements } from "@kit/testing";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { Booking } from "@subgraphs/venues/bookings/booking.entity";
import { Enrollment } from "@subgraphs/academy/enrollment/enrollment.entity";
import { Grant } from "@subgraphs/funding/grants/grant.entity";
import { startTestHub, TestHub } from "../support/hub";

let hub: TestHub;
let staff: Promise<string>;
const BATCH_ORGS = 50;

/** Copies a demo row under new values: the batch's rows look like real data without knowing every column. */
async function cloneRows<T extends ObjectLiteral>(hubName: string, entity: new () => T, templateId: string, count: number, vary: (i: number) => Partial<T>) {
  const repository = hub.subgraphs[hubName].db.getRepository(entity);
  const template = await repository.findOneByOrFail({ id: templateId } as never);
  await repository.insert(Array.from({ length: count }, (_, i) => ({ ...template, ...vary(i) })));
}

beforeAll(async () => {
  hub = await startTestHub();
  // enrollments are not public (DOMAIN §9.2): a federation admin who is also staff of the academy running the offering
  staff = hub.token({ sub: "per_t_batch_staff", roles: ["FA", "AC"], areaCodes: ["340100"], academyIds: ["acad_cq"] });
  const orgId = (i: number) => `org_batch${String(i).padStart(3, "0")}`;
  await cloneRows("organizations", Organization, "org_jiaqiao", BATCH_ORGS, (i) => ({ id: orgId(i), name: `批量测试组织${i}` }));
  await cloneRows("venues", Booking, "bkg_jq_202203_meeting", BATCH_ORGS, (i) => ({ id: `bkg_batch${i}`, organizationId: orgId(i) }));
  await cloneRows("academy", Enrollment, "enr_bs_jq_leader", BATCH_ORGS, (i) => ({ id: `enr_batch${i}`, organizationId: orgId(i), personId: `per_batch${i}` }));
  await cloneRows("funding", Grant, "grant_sjk_qinlin_jq", BATCH_ORGS, (i) => ({ id: `grant_batch${i}`, organizationId: orgId(i), agreementNo: `BATCH-${i}`, applicationId: `app_batch${i}` }));
});
afterAll(() => hub?.stop());

const LIST = `query($first: Int!) {
  organizations(filter: { search: "批量测试组织" }, first: $first) {
    nodes {
      id name homeArea { name }
      bookings { id title room { name facility { name } } organization { name } }
      enrollments { status offering { label course { title } } }
      grants { awardedFen periodFrom program { name funder { name } } organization { name } }
    }
  }
}`;

/** SQL statements each subgraph runs for one listing of `first` organizations. */
async function statementsPerSubgraph(first: number): Promise<Record<string, number>> {
  const subgraphs = Object.values(hub.subgraphs);
  const start = subgraphs.map((s) => statementCounter(s.db).count);
  const { body } = await hub.query(LIST, { first }, await staff);
  const counts = Object.fromEntries(subgraphs.map((s, i) => [s.name, statementCounter(s.db).count - start[i]]));
  expect(body.errors).toBeUndefined();
  const nodes: { bookings: unknown[]; enrollments: unknown[]; grants: unknown[] }[] = body.data.organizations.nodes;
  expect(nodes).toHaveLength(first);
  for (const node of nodes) {
    expect(node.bookings).toHaveLength(1);
    expect(node.enrollments).toHaveLength(1);
    expect(node.grants).toHaveLength(1);
  }
  return counts;
}

test("listing 50 organizations with bookings, enrollments and grants costs each subgraph as many statements as listing 5", async () => {
  const five = await statementsPerSubgraph(5);
  const fifty = await statementsPerSubgraph(BATCH_ORGS);
  expect(fifty).toEqual(five);
  for (const count of Object.values(fifty)) expect(count).toBeLessThanOrEqual(6);
});

test("the statement counter sees every statement (a guard for the test above)", async () => {
  const counted = await countStatements(hub.subgraphs.organizations.db, () => hub.subgraphs.organizations.db.query("SELECT 1"));
  expect(counted).toBe(1);
});
