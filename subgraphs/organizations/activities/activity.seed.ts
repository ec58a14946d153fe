import { EntityManager } from "typeorm";
import { DAY_MS, daysBetween } from "../../kit/days";
import { ServiceActivity } from "./service-activity.entity";
import { VolunteerHourLine } from "./volunteer-hour-line.entity";
import { Membership, Person } from "../directory";
import { demoMembers, rosterOn } from "./activity-members.seed";
import { ActivityType, VerificationStatus } from "./activity.enums";

/** One activity of the demo plan before ids, leads and volunteers are assigned. */
interface Planned {
  day: string;
  type: ActivityType;
  title: string;
  from: string;
  to: string;
  visits: number;
  volunteers: number;
  minutes: number;
}

interface OrgPlan {
  organizationId: string;
  key: string;
  areaCode: string;
  leaderId: string;
  /** Who leads when the leader does not, in turn. */
  otherLeads: string[];
  /** People of the directory seed who belong from the start. */
  foundingIds: string[];
  verification: VerificationStatus;
  verifiedById: string;
  grantFor: (day: string) => string | null;
  /** Whether the leader leads the i-th activity (chronological) of the plan. */
  leaderLeads: (index: number, day: string) => boolean;
  plan: Planned[];
}

function daysOfWeek(from: string, to: string, weekday: number): string[] {
  return daysBetween(from, to).filter((day) => new Date(`${day}T00:00:00Z`).getUTCDay() === weekday);
}

const pickEvenly = <T>(items: T[], n: number): T[] => Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const SAT = 6;
const SUN = 0;
const TUE = 2;
const WED = 3;

/**
 * DOMAIN §10.3 "六零系八零", 2021-01-01 … 2021-12-06: 11 birthday parties (9 × 240 min, 45 visits), 30 handicraft
 * sessions (6 × 150, 16), 44 home-visit rounds (7 × 150, 13) and the end-of-year round (6 × 135, 20): 86 events,
 * 1,567 visits, 97,770 min = 1,629.5 h. H1 holds 6 + 15 + 22 of them (43 events, 796 visits, 49,560 min: M10).
 */
function sixtyForEightyPlan(): Planned[] {
  const months = Array.from({ length: 11 }, (_, m) => `2021-${String(m + 1).padStart(2, "0")}`);
  const birthdays = months.map((month) => daysOfWeek(`${month}-01`, `${month}-28`, SAT)[2]);
  const crafts = [...pickEvenly(daysOfWeek("2021-01-01", "2021-06-30", WED), 15), ...pickEvenly(daysOfWeek("2021-07-01", "2021-12-05", WED), 15)];
  const rounds = [...pickEvenly(daysOfWeek("2021-01-01", "2021-06-30", TUE), 22), ...pickEvenly(daysOfWeek("2021-07-01", "2021-12-05", TUE), 22)];
  return [
    ...birthdays.map((day, i) => ({ day, type: ActivityType.BIRTHDAY_PARTY, title: `集体生日会(${i + 1}月)`, from: "09:00", to: "12:00", visits: 45, volunteers: 9, minutes: 240 })),
    ...crafts.map((day, i) => ({ day, type: ActivityType.HANDICRAFT, title: `手工兴趣课(第${i + 1}期)`, from: "14:30", to: "16:30", visits: 16, volunteers: 6, minutes: 150 })),
    ...rounds.map((day, i) => ({ day, type: ActivityType.HOME_VISIT, title: `一对一入户探访(第${i + 1}轮)`, from: "09:00", to: "11:30", visits: 13, volunteers: 7, minutes: 150 })),
    { day: "2021-12-06", type: ActivityType.HOME_VISIT, title: "年末一对一入户探访", from: "09:00", to: "11:15", visits: 20, volunteers: 6, minutes: 135 },
  ];
}

const JIAQIAO_KINDS: [ActivityType, string, string, string, number, number, number][] = [
  [ActivityType.PATROL, "小区夜间巡逻", "19:00", "21:00", 0, 5, 120],
  [ActivityType.CLEANUP, "楼道环境清洁", "08:30", "10:30", 0, 6, 120],
  [ActivityType.HAIRCUT, "义务理发", "09:00", "11:30", 18, 3, 150],
  [ActivityType.PATROL, "小区夜间巡逻", "19:00", "21:00", 0, 5, 120],
  [ActivityType.MEDIATION, "邻里纠纷调解", "15:00", "16:30", 3, 2, 90],
];

function jiaqiaoPlan(): Planned[] {
  return pickEvenly(daysOfWeek("2021-04-01", "2022-02-28", SAT), 20).map((day, i) => {
    const [type, title, from, to, visits, volunteers, minutes] = JIAQIAO_KINDS[i % JIAQIAO_KINDS.length];
    return { day, type, title, from, to, visits, volunteers, minutes };
  });
}

function danceTeamPlan(): Planned[] {
  return pickEvenly(daysOfWeek("2021-04-01", "2022-02-28", SUN), 20).map((day, i) =>
    i % 4 === 3
      ? { day, type: ActivityType.PERFORMANCE, title: "广场舞展演", from: "19:00", to: "20:30", visits: 80, volunteers: 12, minutes: 120 }
      : { day, type: ActivityType.GROUP_EVENT, title: "广场舞集体练习", from: "19:00", to: "20:30", visits: 30, volunteers: 10, minutes: 90 },
  );
}

/** Spreads `share` of a run evenly: true for round(share·n) of the first n items. */
const evenShare = (share: number) => (i: number) => Math.round((i + 1) * share) > Math.round(i * share);

// §3.9 looks back 12 months from the demo's today (2022-03-12): the leader of 乐竹邻 leads 55% there
// (CONCENTRATION 10), 加侨飞扬's 17 of 20 (85%, 25), the dance team's 19 of 20 (95%, 25).
const CONCENTRATION_FROM = "2021-03-12";

function plans(): OrgPlan[] {
  const lezhulin = sixtyForEightyPlan();
  const before = lezhulin.filter((p) => p.day < CONCENTRATION_FROM).length;
  const leaderShare = evenShare(0.55);
  return [
    {
      organizationId: "org_lezhulin",
      key: "lzl_2021",
      areaCode: "340111X01C01",
      leaderId: "per_zhang_leader",
      otherLeads: ["per_lzl_deputy", "per_lzl_bb2", "per_lzl_bb1"],
      foundingIds: ["per_zhang_leader", "per_lzl_deputy"],
      verification: VerificationStatus.SUPERVISOR_VERIFIED,
      verifiedById: "per_wu_supervisor",
      grantFor: () => "grant_cq2021_6080",
      leaderLeads: (i) => (i < before ? leaderShare(i) : leaderShare(i - before)),
      plan: lezhulin,
    },
    {
      organizationId: "org_jiaqiao",
      key: "jq",
      areaCode: "340104Z01C01P01",
      leaderId: "per_liu_leader",
      otherLeads: ["per_jq_bb1"],
      foundingIds: ["per_liu_leader"],
      verification: VerificationStatus.SUPERVISOR_VERIFIED,
      verifiedById: "per_shen_worker",
      // the "亲邻行动" grant runs 2021-06-01 … 2022-05-31: earlier activities are not its outputs
      grantFor: (day) => (day >= "2021-06-01" ? "grant_sjk_qinlin_jq" : null),
      leaderLeads: (i) => ![5, 11, 17].includes(i),
      plan: jiaqiaoPlan(),
    },
    {
      organizationId: "org_tl_dance",
      key: "tl",
      areaCode: "340700X01C01P01",
      leaderId: "per_tl_leader",
      otherLeads: ["per_tl_m01"],
      foundingIds: ["per_tl_leader"],
      verification: VerificationStatus.ORG_CONFIRMED,
      verifiedById: "per_tl_leader",
      grantFor: () => null,
      leaderLeads: (i) => i !== 9,
      plan: danceTeamPlan(),
    },
  ];
}

const ROLE: Partial<Record<ActivityType, string>> = {
  [ActivityType.HOME_VISIT]: "探访",
  [ActivityType.BIRTHDAY_PARTY]: "服务",
  [ActivityType.HANDICRAFT]: "带教",
  [ActivityType.PERFORMANCE]: "表演",
};

/** The demo service records of §10.3 (and the contrast teams of §10.2), each with its volunteer lines. */
export function demoActivities(): { activities: ServiceActivity[]; lines: VolunteerHourLine[] } {
  const activities: ServiceActivity[] = [];
  const lines: VolunteerHourLine[] = [];
  for (const org of plans()) {
    const ordered = [...org.plan].sort((a, b) => (a.day + a.from < b.day + b.from ? -1 : 1));
    let others = 0;
    let drawn = 0;
    ordered.forEach((p, i) => {
      const id = `act_${org.key}_${String(i + 1).padStart(3, "0")}`;
      const lead = org.leaderLeads(i, p.day) ? org.leaderId : org.otherLeads[others++ % org.otherLeads.length];
      const pool = [...org.foundingIds, ...rosterOn(org.organizationId, p.day)].filter((personId) => personId !== lead);
      const team = [lead, ...Array.from({ length: p.volunteers - 1 }, (_, k) => pool[(drawn + k) % pool.length])];
      drawn += p.volunteers - 1;
      const endsAt = at(p.day, p.to);
      const recordedAt = at(p.day, "20:00") < endsAt ? new Date(endsAt.getTime() + 3_600_000) : at(p.day, "20:00");
      activities.push({
        id,
        organizationId: org.organizationId,
        title: p.title,
        type: p.type,
        startsAt: at(p.day, p.from),
        endsAt,
        serviceDay: p.day,
        areaCode: org.areaCode,
        bookingId: null,
        grantId: org.grantFor(p.day),
        leadOrganizerId: lead,
        recordedById: lead,
        recordedAt,
        beneficiaryVisits: p.visits,
        volunteerMinutes: p.volunteers * p.minutes,
        verification: org.verification,
        verifiedById: org.verifiedById,
        verifiedAt: new Date(recordedAt.getTime() + 7 * DAY_MS),
        verificationComment: null,
        version: 1,
        supersedesId: null,
        supersededById: null,
        correctionReason: null,
      });
      team.forEach((personId, k) => {
        lines.push({ id: `vline_${id.slice(4)}_${String(k + 1).padStart(2, "0")}`, activityId: id, personId, serviceDay: p.day, minutes: p.minutes, role: k === 0 ? "负责" : (ROLE[p.type] ?? "志愿者") });
      });
    });
  }
  return { activities, lines };
}

async function insertInChunks<T extends object>(tx: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await tx.getRepository(entity).insert(rows.slice(i, i + 200) as never);
}

/** Loads the members and service records of the demo (DOMAIN §10.2–10.3) after the directory seed. */
export async function seedActivities(tx: EntityManager): Promise<void> {
  const { people, memberships } = demoMembers();
  await insertInChunks(tx, Person, people);
  await insertInChunks(tx, Membership, memberships);
  const { activities, lines } = demoActivities();
  await insertInChunks(tx, ServiceActivity, activities);
  await insertInChunks(tx, VolunteerHourLine, lines);
}
