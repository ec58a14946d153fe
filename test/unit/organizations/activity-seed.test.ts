import { DAILY_LIMIT_MINUTES, PREPARATION_ALLOWANCE_MINUTES, durationMinutes } from "@subgraphs/organizations/activity-recording/activity.rules";
import { ageBandOf } from "@subgraphs/organizations/directory/masking.policy";
import { demoActivities } from "@subgraphs/organizations/activities/activity.seed";
import { demoMembers } from "@subgraphs/organizations/activities/activity-members.seed";
import { ActivityType, VerificationStatus } from "@subgraphs/organizations/activities/activity.enums";
import { AgeBand, MemberRole } from "@subgraphs/organizations/directory/directory.enums";

const { activities, lines } = demoActivities();
const { people, memberships } = demoMembers();
const of = (organizationId: string) => activities.filter((a) => a.organizationId === organizationId);
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

test("§10.3: 86 activities of 乐竹邻 in 2021 sum to 1,567 visits and 97,770 min, all on grant_cq2021_6080 and verified", () => {
  const lzl = of("org_lezhulin");
  expect(lzl).toHaveLength(86);
  expect(sum(lzl.map((a) => a.beneficiaryVisits))).toBe(1567);
  const ids = new Set(lzl.map((a) => a.id));
  expect(sum(lines.filter((l) => ids.has(l.activityId)).map((l) => l.minutes))).toBe(97_770);
  expect(sum(lzl.map((a) => a.volunteerMinutes))).toBe(97_770);
  expect(lzl.every((a) => a.grantId === "grant_cq2021_6080" && a.verification === VerificationStatus.SUPERVISOR_VERIFIED)).toBe(true);
  expect(lzl.every((a) => a.serviceDay >= "2021-01-01" && a.serviceDay <= "2021-12-06")).toBe(true);
  const count = (type: ActivityType) => lzl.filter((a) => a.type === type).length;
  expect([count(ActivityType.BIRTHDAY_PARTY), count(ActivityType.HANDICRAFT), count(ActivityType.HOME_VISIT)]).toEqual([11, 30, 45]);
});

test("M10: the first half of 2021 holds 43 events, 796 visits and 49,560 min", () => {
  const h1 = of("org_lezhulin").filter((a) => a.serviceDay <= "2021-06-30");
  expect([h1.length, sum(h1.map((a) => a.beneficiaryVisits)), sum(h1.map((a) => a.volunteerMinutes))]).toEqual([43, 796, 49_560]);
});

test("every line keeps the §3.10 rules: within duration + 60 min, one line a person, at most 16 h a person a day", () => {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const perDay = new Map<string, number>();
  for (const line of lines) {
    const activity = byId.get(line.activityId)!;
    expect(line.minutes).toBeLessThanOrEqual(durationMinutes(activity.startsAt, activity.endsAt) + PREPARATION_ALLOWANCE_MINUTES);
    const key = `${line.personId}@${line.serviceDay}`;
    perDay.set(key, (perDay.get(key) ?? 0) + line.minutes);
  }
  expect(Math.max(...perDay.values())).toBeLessThanOrEqual(DAILY_LIMIT_MINUTES);
  for (const activity of activities) {
    const persons = lines.filter((l) => l.activityId === activity.id).map((l) => l.personId);
    expect(new Set(persons).size).toBe(persons.length);
    expect(persons[0]).toBe(activity.leadOrganizerId);
  }
});

test("§3.9 concentration: leader-led shares over 2021-03-12 … 2022-03-12 are 55%, 85% and 95%", () => {
  const share = (organizationId: string, leaderId: string) => {
    const window = of(organizationId).filter((a) => a.serviceDay >= "2021-03-12" && a.serviceDay < "2022-03-12");
    return window.filter((a) => a.leadOrganizerId === leaderId).length / window.length;
  };
  expect(share("org_lezhulin", "per_zhang_leader")).toBeGreaterThanOrEqual(0.54);
  expect(share("org_lezhulin", "per_zhang_leader")).toBeLessThanOrEqual(0.56);
  expect(share("org_jiaqiao", "per_liu_leader")).toBe(0.85);
  expect(share("org_tl_dance", "per_tl_leader")).toBe(0.95);
  expect(of("org_jiaqiao")).toHaveLength(20);
  expect(of("org_tl_dance").every((a) => a.grantId === null && a.verification === VerificationStatus.ORG_CONFIRMED)).toBe(true);
});

test("§10.2 rosters: 乐竹邻 adds 19 people (21 with leader and deputy) in the article's bands and timeline", () => {
  const lzl = memberships.filter((m) => m.organizationId === "org_lezhulin");
  expect(lzl).toHaveLength(19);
  const births = new Map(people.map((p) => [p.id, p.birthYear]));
  births.set("per_zhang_leader", 1956).set("per_lzl_deputy", 1959);
  const all = ["per_zhang_leader", "per_lzl_deputy", ...lzl.map((m) => m.personId)];
  for (const year of [2021, 2022]) {
    const bands = all.map((id) => ageBandOf(births.get(id)!, year));
    const count = (band: AgeBand) => bands.filter((b) => b === band).length;
    expect([count(AgeBand.UNDER_40), count(AgeBand.FROM_40_TO_59), count(AgeBand.FROM_60_TO_69), count(AgeBand.FROM_70_TO_79)]).toEqual([1, 2, 12, 6]);
  }
  const joined = (by: string) => 2 + lzl.filter((m) => m.joinedOn <= by).length;
  expect([joined("2019-10-31"), joined("2020-12-31"), joined("2021-12-31")]).toEqual([7, 12, 21]);
  expect(lzl.filter((m) => m.role === MemberRole.BACKBONE)).toHaveLength(2);
  const jq = memberships.filter((m) => m.organizationId === "org_jiaqiao");
  expect([jq.length + 1, jq.filter((m) => m.role === MemberRole.BACKBONE).length, jq.filter((m) => m.role === MemberRole.DEPUTY).length]).toEqual([9, 1, 0]);
  const tl = memberships.filter((m) => m.organizationId === "org_tl_dance");
  expect(tl.every((m) => m.role === MemberRole.MEMBER)).toBe(true);
  expect(tl).toHaveLength(29);
  expect(people.every((p) => /^100-0000-\d{4}$/.test(p.phone!))).toBe(true);
});
