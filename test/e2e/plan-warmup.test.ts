import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QueryPlanner } from "@apollo/query-planner";
import { pinClock } from "@kit/clock";
import { readManifest } from "@gateway/trusted-documents";
import { writeTrustedDocuments } from "@scripts/build-trusted-documents";
import { startTestHub, TestHub } from "../support/hub";

// Issue 12, point 4: the gateway plans the shipped operations (the trusted-document manifest) at start-up, so the
// first request of each does not wait for the query planner; any other document is planned on first use, as before.
const root = join(__dirname, "..", "..");
let hub: TestHub;
let manifestPath: string;

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  manifestPath = join(mkdtempSync(join(tmpdir(), "hub-plans-")), "trusted-documents.json");
  writeTrustedDocuments(root, manifestPath);
  hub = await startTestHub({ gateway: { trustedDocumentsPath: manifestPath } }); // trusted documents off: warm-up only
}, 60_000);
afterAll(async () => {
  pinClock(null);
  await hub?.stop();
});

test("a shipped operation's first request uses the plan made at start-up; a new document is planned once", async () => {
  const planned = jest.spyOn(QueryPlanner.prototype, "buildQueryPlan");
  try {
    const shipped = readManifest(manifestPath).find((operation) => operation.type === "query" && !/\$/.test(operation.body));
    expect(shipped).toBeDefined();
    const first = await hub.query(shipped!.body);
    expect(first.body.errors ?? []).toEqual([]);
    expect(planned).not.toHaveBeenCalled();

    const adHoc = `query NotShipped { organizations(first: 2) { totalCount } }`;
    expect((await hub.query(adHoc)).body.errors).toBeUndefined();
    expect((await hub.query(adHoc)).body.errors).toBeUndefined();
    expect(planned).toHaveBeenCalledTimes(1);
  } finally {
    planned.mockRestore();
  }
});
