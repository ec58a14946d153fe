import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { ServiceActivity } from "@subgraphs/organizations/activities/service-activity.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { TestOrganization, addOrganization, addStreet, leaderOf } from "./fixtures";

// Many people record at once: every mutation gets its own transaction on both stores (on SQLite, whose one
// connection TypeORM shares, overlapping transactions would otherwise fail or see each other's rows).
// a team of 18 whose leader records; its members 2…18 are the volunteers
let subgraph: RunningSubgraph;
let team: TestOrganization;
beforeAll(async () => {
  pinClock(new Date("2021-06-30T20:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const { community } = await addStreet(subgraph.db, "CW");
  team = await addOrganization(subgraph.db, "cw", { members: 18, joinedOn: "2020-01-01", homeAreaCode: community });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

test("20 concurrent service records by the leader are all written, each whole", async () => {
  const leader = leaderOf(team.orgId, team.leaderId);
  const before = await subgraph.db.getRepository(ServiceActivity).count();
  const at = (i: number, hour: number) => `2021-06-${String(10 + (i % 10)).padStart(2, "0")}T${String(hour + Math.floor(i / 10) * 2).padStart(2, "0")}:00:00+08:00`;
  const record = (i: number) =>
    signedRequest(
      subgraph.url,
      `mutation($input: RecordServiceActivityInput!) { recordServiceActivity(input: $input) { id volunteerMinutes } }`,
      {
        input: {
          organizationId: team.orgId, title: `并发记录${i}`, type: "HOME_VISIT", areaCode: "990100SCWC01",
          startsAt: at(i, 8),
          endsAt: at(i, 9),
          volunteerLines: [{ personId: team.memberIds[(i % 17) + 1], minutes: 60 }],
          beneficiaryVisits: 3,
        },
      },
      leader,
    );
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => record(i)));
  expect(results.map((r) => r.body.errors?.[0]?.message ?? "ok")).toEqual(Array(20).fill("ok"));
  expect(await subgraph.db.getRepository(ServiceActivity).count()).toBe(before + 20);
});
