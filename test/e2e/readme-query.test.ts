import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pinClock } from "@kit/clock";
import { DEMO_NOW } from "@test/integration/organizations/fixtures";
import { startTestHub, TestHub } from "../support/hub";

// The README's first query is what a newcomer pastes without a token: it must run for the public as written and
// read only what DOMAIN §9.2 lets the public read (no enrollments, no certificates).
const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
const tryIt = /```graphql\n([\s\S]*?)```/.exec(readme)![1];

let hub: TestHub;
beforeAll(async () => {
  pinClock(DEMO_NOW);
  hub = await startTestHub();
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  pinClock(null);
});

test("demo: the README's try-it query runs anonymously without errors and asks nothing the public may not read", async () => {
  expect(tryIt).not.toMatch(/\benrollments\b|\bcertificates\b/);
  const { body } = await hub.query(tryIt);
  expect(body.errors ?? []).toEqual([]);
  expect(body.data.organization).toMatchObject({ name: "乐竹邻志愿服务队", certifiedMemberCount: 0 });
});
