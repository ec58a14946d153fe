import { dirname } from "node:path";
import { SUBGRAPHS } from "@scripts/subgraphs";
import { Listening } from "@platform/http";
import { startSubgraph } from "@kit/server";
import { freshTestStore, TEST_CALLER_KEYS, testSubgraphKeyEnv } from "@kit/testing";
import { StoreConfig } from "@kit/db";
import { startTestGateway } from "../support/hub";
import { startProcess, StartedProcess, stopProcess } from "../support/processes";

// One subgraph process goes down and comes back while the gateway keeps running: the answer is partial, says
// which service is missing, and is whole again once the service is back. The subgraphs run as their own processes
// (dist/, built by `npm test` before jest); the gateway runs in the test.
const DEMO_NOW = "2022-03-12T09:00:00+08:00";

/** The environment that points a subgraph process at `store`, as docker-compose would configure it. */
function storeEnv(name: string, store: StoreConfig): Record<string, string> {
  if (store.kind === "sqlite") return { DATA_DIR: dirname(store.file) };
  return { DATABASE_URL: store.url, DATABASE_PREFIX: store.database.slice(0, -name.length) };
}

/** The subgraph `name` as its own process on `port` (0: a free one), serving `store`. */
function startSubgraphProcess(name: string, store: StoreConfig, port: number): Promise<StartedProcess> {
  return startProcess(`subgraphs/${name}/main.js`, { PORT: String(port), ...testSubgraphKeyEnv(), HUB_NOW: DEMO_NOW, ...storeEnv(name, store) });
}

const stores: Record<string, StoreConfig> = {};
const processes: Record<string, StartedProcess> = {};
let gateway: Listening;

beforeAll(async () => {
  for (const name of ["organizations", "venues"]) {
    const module = SUBGRAPHS.find((m) => m.name === name)!;
    stores[name] = await freshTestStore(name);
    // the demo data, written once through the subgraph's own seed; the process then serves that store
    const seeded = await startSubgraph(module, { store: stores[name], callerKeys: TEST_CALLER_KEYS, port: 0, seed: true });
    await seeded.stop();
    processes[name] = await startSubgraphProcess(name, stores[name], 0);
  }
  gateway = await startTestGateway({ organizations: processes.organizations.url, venues: processes.venues.url });
});

afterAll(async () => {
  await gateway?.stop();
  for (const running of Object.values(processes)) await stopProcess(running);
});

// organizations answers the organization, venues adds its tenancy and answers the facility (both nullable, so a
// missing part stays where it is instead of nulling its parents)
const QUERY = `{
  organization(id: "org_lezhulin") { name incubationTenancy { id } }
  facility(id: "fac_cq_incubator") { name }
}`;

async function ask(accept = "application/graphql-response+json"): Promise<{ status: number; body: any }> {
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", accept }, body: JSON.stringify({ query: QUERY }) });
  return { status: response.status, body: await response.json() };
}

test("with venues down the answer is 200 with organizations' data and an error naming venues; back up, it is whole again", async () => {
  const whole = await ask();
  expect(whole.status).toBe(200);
  expect(whole.body.errors).toBeUndefined();
  expect(whole.body.data.organization.name).toBe("乐竹邻志愿服务队");
  expect(whole.body.data.organization.incubationTenancy).not.toBeNull();
  expect(whole.body.data.facility.name).toBeTruthy();

  const venuesPort = new URL(processes.venues.url).port;
  expect(await stopProcess(processes.venues)).toBe(0);

  for (const accept of ["application/json", "application/graphql-response+json"]) {
    const partial = await ask(accept);
    expect(partial.status).toBe(200);
    expect(partial.body.data.organization).toEqual({ name: "乐竹邻志愿服务队", incubationTenancy: null });
    expect(partial.body.data.facility).toBeNull();
    expect(partial.body.errors.length).toBeGreaterThan(0);
    for (const error of partial.body.errors) {
      expect(error.extensions).toEqual({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "venues" });
      expect(error.message).toMatch(/^The venues service is unavailable/);
    }
    // nothing of the internal network or the gateway's code
    expect(JSON.stringify(partial.body)).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\/|ECONNREFUSED|fetch failed|stack|\.js:\d+/);
  }

  processes.venues = await startSubgraphProcess("venues", stores.venues, Number(venuesPort));
  const again = await ask();
  expect(again.status).toBe(200);
  expect(again.body.errors).toBeUndefined();
  expect(again.body.data).toEqual(whole.body.data);
});

test("the gateway's metrics count the failed subgraph fetches by subgraph", async () => {
  const metrics = await (await fetch(gateway.url.replace("/graphql", "/metrics"))).text();
  const failures = /hub_subgraph_fetch_failures_total\{subgraph="venues"\} (\d+)/.exec(metrics);
  expect(Number(failures?.[1])).toBeGreaterThan(0);
});
