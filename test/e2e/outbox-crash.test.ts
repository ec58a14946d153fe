import { dirname } from "node:path";
import { pinClock } from "@kit/clock";
import { openDataSource, StoreConfig } from "@kit/db";
import { DeliveryStatus, InboxEntry, OutboxDelivery } from "@kit/events";
import { RunningSubgraph } from "@kit/server";
import { freshTestStore, registerTestSubgraph, signedRequest, startTestSubgraph, TEST_KEYS, testSubgraphKeyEnv } from "@kit/testing";
import { exportKey } from "@platform/request-signing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { OrgEligibility } from "@subgraphs/venues/bookings";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { DEMO_NOW } from "@test/integration/organizations/fixtures";
import { eventually } from "../support/eventually";
import { startProcess, stopProcess } from "../support/processes";

// Issue 11, point 4, with a real crash: the organizations subgraph runs as its own process (dist/, as docker compose
// runs it), commits a filing approval whose event venues cannot take yet, and is killed with SIGKILL. Started again,
// it delivers the event from its outbox, and venues applies it once. The kill may catch the relay mid-call, its
// claim's lease still running (the call's 10 s timeout + 5 s): the restarted relay sends the event when it ends.
const APPROVE = `mutation($id: ID!) { transitionFiling(filingId: $id, action: APPROVE) { status } }`;
const CLERK = { personId: "per_cq_street_clerk", roles: ["STREET_STAFF" as const], areaCodes: ["340111X01"] };

/** The variables that point an organizations process at `store` (the test's SQLite file or MySQL database). */
function storeEnv(store: StoreConfig): Record<string, string> {
  if (store.kind === "sqlite") return { DATA_DIR: dirname(store.file) };
  return { DATABASE_URL: store.url, DATABASE_PREFIX: store.database.slice(0, -"organizations".length) };
}

let venues: RunningSubgraph | undefined;
afterAll(async () => {
  await venues?.stop();
  pinClock(null);
});

test("an event committed before the producer was killed is delivered after its restart, and applied once", async () => {
  pinClock(new Date(DEMO_NOW));
  const store = await freshTestStore("organizations");
  await (await startTestSubgraph(organizationsSubgraph, { store, seed: true })).stop(); // the demo data, then no process
  const env = {
    ...testSubgraphKeyEnv(),
    ...storeEnv(store),
    HUB_NOW: "2022-03-12T09:00:00+08:00",
    HUB_SERVICE_SIGNING_KEY: exportKey(TEST_KEYS.services.organizations),
    HUB_OUTBOX_POLL_MS: "100",
  };

  // venues is not there yet: the relay's attempts fail and the event stays in the outbox
  const first = await startProcess("subgraphs/organizations/main.js", { ...env, VENUES_URL: "http://127.0.0.1:9/graphql" });
  registerTestSubgraph({ name: "organizations", url: first.url });
  const approved = await signedRequest(first.url, APPROVE, { id: "fil_cq_0258" }, CLERK);
  expect(approved.body).toEqual({ data: { transitionFiling: { status: "FILED" } } });
  first.child.kill("SIGKILL");
  expect(await first.exited).toBeNull(); // killed, not exited

  const db = await openDataSource(store, organizationsSubgraph);
  const pending = await db.getRepository(OutboxDelivery).findBy({ aggregateId: "org_cq_queue_3", consumer: "venues" });
  await db.destroy();
  expect(pending.map((d) => d.status)).toEqual([DeliveryStatus.PENDING]);

  venues = await startTestSubgraph(venuesSubgraph, { seed: true });
  expect(await venues.db.getRepository(OrgEligibility).findOneBy({ organizationId: "org_cq_queue_3" })).toBeNull();
  const second = await startProcess("subgraphs/organizations/main.js", { ...env, VENUES_URL: venues.url });
  try {
    await eventually(async () => expect(await venues!.db.getRepository(OrgEligibility).findOneBy({ organizationId: "org_cq_queue_3" })).toMatchObject({ legalForm: "FILED", status: "ACTIVE" }), 30_000, 100);
    expect(await venues.db.getRepository(InboxEntry).findBy({ eventId: pending[0].eventId })).toHaveLength(1);
  } finally {
    expect(await stopProcess(second)).toBe(0);
  }
}, 90_000);
