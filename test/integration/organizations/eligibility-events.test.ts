import { dirname } from "node:path";
import { In } from "typeorm";
import { pinClock } from "@kit/clock";
import { DeliveryStatus, OutboxDelivery, OutboxEvent } from "@kit/events";
import { RunningSubgraph } from "@kit/server";
import { openDataSource } from "@kit/db";
import { freshTestStore, signedRequest, startTestSubgraph } from "@kit/testing";
import { writeTransaction } from "@kit/transaction";
import { IMPORT_OPERATION } from "@scripts/org-sheets/import-sheet";
import { republishEligibility, runRepublishEligibility } from "@scripts/republish-eligibility";
import { LegalForm, Organization, OrgStatus } from "@subgraphs/organizations/directory";
import { emitEligibilityChanged } from "@subgraphs/organizations/federation-membership";
import { FederationMembershipStatus } from "@subgraphs/organizations/federation-membership/federation-membership.enums";
import { FilingStatus } from "@subgraphs/organizations/filing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { addFederation, addFederationMembership, addFiling, addOrganization, addStreet, federationAdmin, rosterRoles, streetStaffOf } from "./fixtures";

// Issue 11, point 5, on the producer's side: each mutation that changes an organization's legal form, status or
// federation memberships writes its events into the outbox in its own transaction (one delivery each, to venues),
// with the organization's state after the change; a mutation that fails writes none. No relay runs here.
let subgraph: RunningSubgraph;
let STREET = "", COMMUNITY = "";
let CLERK: ReturnType<typeof streetStaffOf>;

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph);
  ({ street: STREET, community: COMMUNITY } = await addStreet(subgraph.db, "EVT", "事件测试街道"));
  CLERK = streetStaffOf(STREET, "per_t_evt_clerk");
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

/**
 * The outbox as the relay would read it: each delivery (in order) to `consumer` with its event, the payload parsed.
 * Venues' by default; the same transactions also tell the gateway's response cache (OrganizationListingChanged).
 */
async function outbox(consumer = "venues") {
  const deliveries = await subgraph.db.getRepository(OutboxDelivery).find({ where: { consumer }, order: { seq: "ASC" } });
  const events = await subgraph.db.getRepository(OutboxEvent).findBy({ id: In(deliveries.map((d) => d.eventId)) });
  const byId = new Map(events.map((e) => [e.id, e]));
  return deliveries.map((d) => {
    const event = byId.get(d.eventId)!;
    return { type: event.type, version: event.version, aggregateId: event.aggregateId, payload: JSON.parse(event.payload), consumer: d.consumer, status: d.status, requestId: event.requestId };
  });
}

/** Runs `action` and returns the outbox rows it added. */
async function added(action: () => Promise<unknown>, consumer = "venues") {
  const before = (await outbox(consumer)).length;
  await action();
  return (await outbox(consumer)).slice(before);
}

const changed = (organizationId: string, legalForm: string, status: string, federationIds: string[] = []) => ({
  type: "OrganizationEligibilityChanged",
  version: 1,
  aggregateId: organizationId,
  payload: { organizationId, legalForm, status, federationIds },
  consumer: "venues",
  status: DeliveryStatus.PENDING,
  requestId: "test-request",
});

const TRANSITION = `mutation($id: ID!, $action: FilingAction!, $comment: String) { transitionFiling(filingId: $id, action: $action, comment: $comment) { id status } }`;
const transition = (id: string, action: string, claims = CLERK) => signedRequest(subgraph.url, TRANSITION, { id, action }, claims).then((r) => r.body);

describe("filing transitions", () => {
  test("approval, suspension, reinstatement and deregistration each emit the organization's state after it", async () => {
    const { orgId } = await addOrganization(subgraph.db, "evt_team", { status: OrgStatus.PREPARING, members: 10, roles: rosterRoles(10), homeAreaCode: COMMUNITY });
    const filingId = await addFiling(subgraph.db, "evt_team", orgId, STREET, { status: FilingStatus.STREET_REVIEW });

    // an informal team becomes FILED and ACTIVE in the transaction that approves its filing
    expect(await added(() => transition(filingId, "APPROVE"))).toEqual([changed(orgId, "FILED", "ACTIVE")]);
    expect(await added(() => transition(filingId, "SUSPEND"))).toEqual([changed(orgId, "FILED", "SUSPENDED")]);
    expect(await added(() => transition(filingId, "REINSTATE"))).toEqual([changed(orgId, "FILED", "ACTIVE")]);
    // deregistration: the snapshot's last state, then the fact that cancels its bookings, in this order
    expect(await added(() => transition(filingId, "DEREGISTER"))).toEqual([
      changed(orgId, "FILED", "DEREGISTERED"),
      { ...changed(orgId, "", ""), type: "OrganizationDeregistered", payload: { organizationId: orgId, deregisteredOn: "2022-03-12" } },
    ]);
  });

  test("approval also tells the gateway that the organization's directory listing changed, for its area and those above", async () => {
    const { orgId } = await addOrganization(subgraph.db, "evt_listed", { status: OrgStatus.PREPARING, members: 10, roles: rosterRoles(10), homeAreaCode: COMMUNITY });
    const filingId = await addFiling(subgraph.db, "evt_listed", orgId, STREET, { status: FilingStatus.STREET_REVIEW });
    const toGateway = await added(() => transition(filingId, "APPROVE"), "gateway");
    expect(toGateway).toEqual([
      { type: "OrganizationListingChanged", version: 1, aggregateId: orgId, payload: { organizationId: orgId, areaCodes: expect.arrayContaining([COMMUNITY, STREET]) }, consumer: "gateway", status: DeliveryStatus.PENDING, requestId: "test-request" },
    ]);
  });

  test("steps that leave the organization as it was emit nothing; refused and conflicting transitions write none", async () => {
    const { orgId } = await addOrganization(subgraph.db, "evt_queue", { status: OrgStatus.PREPARING, members: 10, roles: rosterRoles(10), homeAreaCode: COMMUNITY });
    const filingId = await addFiling(subgraph.db, "evt_queue", orgId, STREET, { status: FilingStatus.COMMUNITY_REVIEWED });
    expect(await added(() => transition(filingId, "STREET_ACCEPT"))).toEqual([]);
    expect(await added(() => transition(filingId, "START_NOTICE"))).toEqual([]);
    const refused = await added(async () => {
      expect((await transition(filingId, "APPROVE", streetStaffOf("990100SNOWHERE"))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect((await transition(filingId, "SUSPEND")).errors?.[0].extensions?.code).toBe("CONFLICT");
    });
    expect(refused).toEqual([]);
    expect((await subgraph.db.getRepository(Organization).findOneByOrFail({ id: orgId })).status).toBe(OrgStatus.PREPARING);
  });
});

describe("federation membership decisions", () => {
  test("admitting, suspending and ending a membership emit the member's ACTIVE federations", async () => {
    const { orgId: federationId } = await addFederation(subgraph.db, "evt_fed", { status: OrgStatus.ACTIVE, homeAreaCode: STREET });
    const { orgId: member } = await addOrganization(subgraph.db, "evt_member", { legalForm: LegalForm.FILED, homeAreaCode: COMMUNITY });
    const membership = await addFederationMembership(subgraph.db, "evt_member", federationId, member);
    const DECIDE = `mutation($id: ID!, $status: FederationMembershipStatus!) { decideFederationMembership(id: $id, status: $status) { id status } }`;
    const decide = (status: FederationMembershipStatus) => signedRequest(subgraph.url, DECIDE, { id: membership, status }, federationAdmin([federationId]));

    expect(await added(() => decide(FederationMembershipStatus.ACTIVE))).toEqual([changed(member, "FILED", "ACTIVE", [federationId])]);
    expect(await added(() => decide(FederationMembershipStatus.SUSPENDED))).toEqual([changed(member, "FILED", "ACTIVE")]);
    // an illegal decision (SUSPENDED → SUSPENDED) is a CONFLICT and writes nothing
    expect(await added(async () => expect((await decide(FederationMembershipStatus.SUSPENDED)).body.errors?.[0].extensions?.code).toBe("CONFLICT"))).toEqual([]);
    expect(await added(() => decide(FederationMembershipStatus.LEFT))).toEqual([changed(member, "FILED", "ACTIVE")]);
  });
});

describe("the sheet import", () => {
  const row = (n: number, overrides: Record<string, string> = {}) => ({
    name: `事件测试队${n}`, orgForm: "队", category: "文体娱乐类", homeAreaCode: COMMUNITY, foundedOn: "2020-01-01",
    filingNo: `T-BA-2021-${900 + n}`, filedOn: "2021-01-05", leaderFullName: "测某人", leaderPhone: "100-0000-4000", declaredMemberCount: "8", ...overrides,
  });
  const importRows = (rows: Record<string, string>[]) => signedRequest(subgraph.url, IMPORT_OPERATION, { streetCode: STREET, rows, dryRun: false }, CLERK).then((r) => r.body);

  test("each new organization is announced FILED and ACTIVE; an updated one is not (its legal form and status stay)", async () => {
    const first = await added(() => importRows([row(1), row(2)]));
    const ids = (await subgraph.db.getRepository(Organization).findBy({ name: In(["事件测试队1", "事件测试队2"]) })).map((o) => o.id).sort();
    expect(first).toEqual(ids.map((id) => changed(id, "FILED", "ACTIVE")));
    expect(first.map((e) => e.payload)).not.toContainEqual(expect.objectContaining({ leaderFullName: expect.anything() }));

    const update = await added(async () => expect((await importRows([row(1, { declaredMemberCount: "9" })])).data.importFiledOrganizations).toMatchObject({ updated: 1, created: 0 }));
    expect(update).toEqual([]);
  });

  test("a sheet with a bad row writes nothing, events included; so does a dry run", async () => {
    const bad = await added(async () => {
      expect((await importRows([row(3), row(4, { foundedOn: "2021/05/01" })])).data.importFiledOrganizations).toMatchObject({ written: false });
      const dry = await signedRequest(subgraph.url, IMPORT_OPERATION, { streetCode: STREET, rows: [row(5)], dryRun: true }, CLERK);
      expect(dry.body.data.importFiledOrganizations).toMatchObject({ written: false, created: 1 });
    });
    expect(bad).toEqual([]);
  });
});

test("an event is written in its mutation's transaction: when the transaction rolls back, no outbox row remains", async () => {
  const { orgId } = await addOrganization(subgraph.db, "evt_rollback", { legalForm: LegalForm.FILED, homeAreaCode: COMMUNITY });
  const rows = await added(() =>
    expect(
      writeTransaction(subgraph.db, async (tx) => {
        await tx.getRepository(Organization).update({ id: orgId }, { status: OrgStatus.SUSPENDED });
        await emitEligibilityChanged(tx, [orgId], "test-request");
        throw new Error("a later step of the mutation failed");
      }),
    ).rejects.toThrow("a later step"),
  );
  expect(rows).toEqual([]);
  expect((await subgraph.db.getRepository(Organization).findOneByOrFail({ id: orgId })).status).toBe(OrgStatus.ACTIVE);
});

test("npm run events:republish-eligibility queues one event per organization with its current state, in batches", async () => {
  const organizations = await subgraph.db.getRepository(Organization).find({ order: { id: "ASC" } });
  expect(organizations.length).toBeGreaterThan(3);
  const rows = await added(async () => expect(await republishEligibility(subgraph.db, 2, "republish-test")).toBe(organizations.length));
  expect(rows.map((r) => r.aggregateId)).toEqual(organizations.map((o) => o.id));
  const deregistered = rows.find((r) => r.aggregateId === "org_t_evt_team")!;
  expect(deregistered).toMatchObject({ type: "OrganizationEligibilityChanged", consumer: "venues", status: "PENDING", requestId: "republish-test", payload: { legalForm: "FILED", status: "DEREGISTERED" } });
  for (const r of rows) {
    const org = organizations.find((o) => o.id === r.aggregateId)!;
    expect(r.payload).toMatchObject({ organizationId: org.id, legalForm: org.legalForm, status: org.status });
  }
});

test("the command opens the store the subgraph's environment names, queues its events and says how many", async () => {
  const store = await freshTestStore("organizations");
  const env = store.kind === "mysql" ? { DATABASE_URL: store.url, DATABASE_PREFIX: store.database.slice(0, -"organizations".length) } : { DATA_DIR: dirname(store.file) };
  const db = await openDataSource(store, organizationsSubgraph);
  try {
    const { orgId } = await addOrganization(db, "evt_cli", { legalForm: LegalForm.FILED });
    const out: string[] = [];
    const err: string[] = [];
    expect(await runRepublishEligibility([], env, { out: (t) => out.push(t), err: (t) => err.push(t) })).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("")).toMatch(/^Queued 1 OrganizationEligibilityChanged event\(s\) in the outbox of /);
    // with its directory listing for the gateway's cache (OrganizationListingChanged), which the count leaves out
    const events = await db.getRepository(OutboxEvent).findBy({ type: "OrganizationEligibilityChanged" });
    expect(await db.getRepository(OutboxEvent).countBy({ type: "OrganizationListingChanged", aggregateId: orgId })).toBe(1);
    expect(events.map((e) => [e.type, e.aggregateId, JSON.parse(e.payload)])).toEqual([["OrganizationEligibilityChanged", orgId, { organizationId: orgId, legalForm: "FILED", status: "ACTIVE", federationIds: [] }]]);
    expect(await db.getRepository(OutboxDelivery).findBy({ eventId: events[0].id })).toEqual([expect.objectContaining({ consumer: "venues", status: DeliveryStatus.PENDING })]);
    expect(await runRepublishEligibility(["--all"], env, { out: () => undefined, err: (t) => err.push(t) })).toBe(2);
  } finally {
    await db.destroy();
  }
});
