import { pinClock } from "@kit/clock";
import { DEMO_NOW } from "@test/integration/organizations/fixtures";
import { startTestHub, TestHub } from "../support/hub";
import { rows as academyRows } from "./permission-matrix/academy.rows";
import { rows as auditRows } from "./permission-matrix/audit.rows";
import { rows as fundingRows } from "./permission-matrix/funding.rows";
import { MatrixRow, missingColumns, runProbe, Send } from "./permission-matrix/matrix";
import { rows as organizationsRows } from "./permission-matrix/organizations.rows";
import { rows as venuesRows } from "./permission-matrix/venues.rows";

/** DOMAIN.md §9.2 row by row and role by role, through the gateway, on the demo data. */
const ROWS: MatrixRow[] = [...organizationsRows, ...venuesRows, ...academyRows, ...fundingRows, ...auditRows];

let hub: TestHub;
beforeAll(async () => {
  pinClock(DEMO_NOW); // the demo's today (DOMAIN §10), as npm start runs
  hub = await startTestHub();
  for (const row of ROWS) await row.setup?.(hub);
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  pinClock(null);
});

const send: Send = async (query, variables, as) => {
  const token = as.token ? await hub.token(as.token) : undefined;
  return (await hub.query(query, variables, token)).body;
};

describe.each(ROWS.map((row) => [row.data, row] as const))("demo: §9.2 %s", (_data, row) => {
  test("probes every role of §9.2", () => {
    expect(missingColumns(row)).toEqual([]);
  });

  test.each(row.probes.map((probe) => [`${probe.as.who} ${probe.does}: ${probe.expect.outcome}`, probe] as const))("%s", async (_title, probe) => {
    await runProbe(probe, send);
  });
});
