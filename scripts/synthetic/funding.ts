import { addDays } from "../../subgraphs/kit/days";
import { Application, ApplicationStatus } from "../../subgraphs/funding/applications";
import { ApplicantTrack, Call, CallStatus } from "../../subgraphs/funding/calls";
import { Funder, FunderType } from "../../subgraphs/funding/funders";
import { Grant, GrantStatus } from "../../subgraphs/funding/grants";
import { FundingProgram, ProgramType, TrancheCondition } from "../../subgraphs/funding/programs";
import { LegalForm, Organization, OrgStatus } from "../../subgraphs/organizations/directory";
import { NOW } from "./calendar";
import { World } from "./manifest";
import { Rng } from "./rng";
import { sid, Volumes } from "./volumes";

export interface FundingRows {
  funders: Funder[];
  programs: FundingProgram[];
  calls: Call[];
  applications: Application[];
  grants: Grant[];
}

const STAGED = [
  { seq: 1, percent: 50, condition: TrancheCondition.ON_SIGNING },
  { seq: 2, percent: 30, condition: TrancheCondition.ON_MIDTERM_PASS },
  { seq: 3, percent: 20, condition: TrancheCondition.ON_FINAL_PASS },
];
const MICRO_CATEGORIES = ["为老服务", "文体活动", "邻里互助", "环境治理", "平安建设"];
const BAOHE_CATEGORIES = ["社会治理", "社区营造", "专业服务", "志愿服务", "福利慈善"]; // [S15]
const ROUNDS: Record<number, { status: CallStatus; opens: string; closes: string; signed: string }> = {
  2020: { status: CallStatus.ARCHIVED, opens: "2020-03-01", closes: "2020-04-30", signed: "2020-06-15" },
  2021: { status: CallStatus.DECIDED, opens: "2021-03-01", closes: "2021-04-30", signed: "2021-06-15" },
  2022: { status: CallStatus.OPEN, opens: "2022-03-01", closes: "2022-04-30", signed: "" },
};
const ROUND_LABEL: Record<number, string> = { 2020: "第一届", 2021: "第二届", 2022: "第三届" };
const registered = (o: Organization) => o.legalForm === LegalForm.SOCIAL_GROUP || o.legalForm === LegalForm.SOCIAL_SERVICE_AGENCY || o.legalForm === LegalForm.FOUNDATION;
// INFORMAL teams cannot hold grants (DOMAIN §3.1); preparing and deregistered ones do not apply
const mayApply = (o: Organization) => o.legalForm !== LegalForm.INFORMAL && o.status !== OrgStatus.PREPARING && o.status !== OrgStatus.DEREGISTERED;
const fen = (yuan: number) => yuan * 100;
const shanghai = (day: string) => new Date(`${day}T09:00:00+08:00`);

/**
 * Funders (a street office per street, civil affairs per district, a few foundations), their programmes and yearly
 * calls (2020 archived, 2021 decided, 2022 open on the demo's today), applications (one per organization and call,
 * from organizations of the funder's area, track by legal form) and grants for the awarded ones (≈ 40%).
 */
export function generateFunding(seed: number, volumes: Volumes, world: World): FundingRows {
  const rng = Rng.forPart(seed, "funding");
  const funders: Funder[] = [];
  const programs: FundingProgram[] = [];
  const calls: Call[] = [];
  const applicantsOf = new Map<string, Organization[]>(); // by program
  const addFunder = (name: string, type: FunderType, areaCode: string) => {
    const funder: Funder = { id: sid("fdr", funders.length + 1, 3), name, type, areaCode };
    funders.push(funder);
    return funder;
  };
  const addProgram = (funder: Funder, name: string, type: ProgramType, maxAwardYuan: number, categories: string[], applicants: Organization[], rounds: number[]) => {
    const program: FundingProgram = { id: sid("prog", programs.length + 1, 3), funderId: funder.id, name, type, categories, maxAwardFen: fen(maxAwardYuan), cycleMonths: 12, tranchePlan: type === ProgramType.DONATION ? [{ seq: 1, percent: 100, condition: TrancheCondition.ON_SIGNING }] : STAGED };
    programs.push(program);
    applicantsOf.set(program.id, applicants.filter(mayApply));
    for (const year of rounds) {
      const round = ROUNDS[year];
      calls.push({
        id: sid("call", calls.length + 1, 4),
        programId: program.id,
        title: `${year}年${name}项目征集`,
        round: ROUND_LABEL[year],
        opensAt: shanghai(round.opens),
        closesAt: new Date(`${round.closes}T17:30:00+08:00`),
        budgetFen: fen(maxAwardYuan * rng.int(10, 30)),
        tracks: type === ProgramType.VENTURE_PHILANTHROPY ? [ApplicantTrack.REGISTERED_ORG] : [ApplicantTrack.REGISTERED_ORG, ApplicantTrack.FILED_TEAM],
        status: round.status,
      });
    }
  };
  for (const street of world.streets) {
    const office = addFunder(`${street.name}办事处`, street.level === "FUNCTIONAL_ZONE" ? FunderType.FUNCTIONAL_ZONE_BUREAU : FunderType.STREET_OFFICE, street.code);
    addProgram(office, `${street.name}社区微创投`, ProgramType.MICRO_VENTURE, 30_000, MICRO_CATEGORIES, world.orgsByStreet.get(street.code) ?? [], [2020, 2021, 2022]);
  }
  const districts = world.areas.filter((a) => a.level === "DISTRICT");
  for (const district of districts) {
    const inDistrict = world.streets.filter((s) => s.parentCode === district.code).flatMap((s) => world.orgsByStreet.get(s.code) ?? []);
    if (!inDistrict.length) continue;
    const bureau = addFunder(`${district.name}民政局`, FunderType.DISTRICT_CIVIL_AFFAIRS, district.code);
    // venture philanthropy is for registered organizations only [S15]
    addProgram(bureau, `${district.name}公益创投`, ProgramType.VENTURE_PHILANTHROPY, 100_000, BAOHE_CATEGORIES, inDistrict.filter(registered), [2021, 2022]);
  }
  const foundation = addFunder("合肥市某慈善基金会", FunderType.CHARITY_FOUNDATION, "340100");
  addProgram(foundation, "邻里守望慈善项目", ProgramType.DONATION, 50_000, MICRO_CATEGORIES, world.organizations, [2021]);

  const applications: Application[] = [];
  const grants: Grant[] = [];
  const applied = new Set<string>();
  const grantOf = new Map<string, string>(); // `${programId}|${orgId}` → latest grant id
  const programOf = new Map(programs.map((p) => [p.id, p]));
  // calls weighted by how many may apply to them, so small district programmes are not flooded
  const callWeights = Object.fromEntries(calls.map((c) => [c.id, Math.max(1, applicantsOf.get(c.programId)!.length)]));
  const callById = new Map(calls.map((c) => [c.id, c]));
  // earlier rounds first, so a later application can point at the applicant's earlier grant (DOMAIN §8.2)
  const drawn: Call[] = [];
  for (let a = 0; a < volumes.applications; a++) drawn.push(callById.get(rng.weighted(callWeights))!);
  drawn.sort((x, y) => x.opensAt.getTime() - y.opensAt.getTime());
  for (const call of drawn) {
    const program = programOf.get(call.programId)!;
    const pool = applicantsOf.get(program.id)!;
    let org: Organization | null = null;
    for (let tries = 0; tries < 20 && !org; tries++) {
      const candidate = pool.length ? rng.pick(pool) : null;
      if (candidate && !applied.has(`${call.id}|${candidate.id}`)) org = candidate;
    }
    if (!org) continue; // everyone eligible has applied: one application per (organization, call)
    applied.add(`${call.id}|${org.id}`);
    const year = call.opensAt.getUTCFullYear();
    const open = call.status === CallStatus.OPEN;
    const status = open
      ? (rng.weighted({ SUBMITTED: 50, DRAFT: 25, ELIGIBILITY_CHECK: 15, COACHING: 10 }) as ApplicationStatus)
      : (rng.weighted({ AWARDED: 55, REJECTED: 30, INELIGIBLE: 8, WITHDRAWN: 7 }) as ApplicationStatus);
    const maxYuan = program.maxAwardFen! / 100;
    const requestedFen = fen(Math.round(rng.int(Math.min(3_000, maxYuan), maxYuan) / 100) * 100); // ¥3k up to the programme's cap
    const app: Application = {
      id: sid("app", applications.length + 1, 5),
      callId: call.id,
      track: registered(org) ? ApplicantTrack.REGISTERED_ORG : ApplicantTrack.FILED_TEAM,
      applicantOrgId: org.id,
      projectTitle: `${org.name.slice(0, 40)}${rng.pick(["关爱行动", "服务项目", "邻里计划", "提升计划", "微项目"])}`,
      category: rng.pick(program.categories),
      summary: "合成数据:项目摘要。",
      targetAreaCode: org.homeAreaCode,
      plannedOutputs: { serviceEvents: rng.int(10, 40), beneficiaryVisits: rng.int(200, 1500), volunteerMinutes: rng.int(100, 1000) * 60 },
      requestedFen,
      applicantStarsAtSubmission: null, // no ratings are generated yet
      status,
      submittedAt: status === ApplicationStatus.DRAFT ? null : new Date(call.opensAt.getTime() + rng.int(0, Math.min(call.closesAt.getTime(), NOW.getTime()) - call.opensAt.getTime() - 1)),
      previousGrantId: grantOf.get(`${program.id}|${org.id}`) ?? null,
    };
    applications.push(app);
    if (status !== ApplicationStatus.AWARDED) continue;
    const signedOn = addDays(ROUNDS[year].signed, rng.int(0, 20));
    const awardedFen = Math.min(requestedFen, fen(Math.round((requestedFen / 100) * (0.8 + 0.2 * rng.next()) / 100) * 100));
    // 2020 grants are over (2% terminated with clawback); 2021 ones are past midterm as of the demo's today
    const grantStatus = year === 2020 ? (rng.chance(0.02) ? GrantStatus.TERMINATED : GrantStatus.CLOSED) : (rng.weighted({ MIDTERM_PASSED: 85, REMEDIATION: 10, SUSPENDED: 5 }) as GrantStatus);
    const paidShare = program.type === ProgramType.DONATION || grantStatus === GrantStatus.CLOSED ? 1 : grantStatus === GrantStatus.MIDTERM_PASSED ? 0.8 : 0.5;
    const grant: Grant = {
      id: sid("grant", grants.length + 1, 5),
      applicationId: app.id,
      organizationId: org.id,
      programId: program.id,
      agreementNo: `XT-${year}-${program.id.slice(6)}-${String(grants.length + 1).padStart(5, "0")}`,
      signedOn,
      awardedFen,
      disbursedFen: Math.round(awardedFen * paidShare),
      periodFrom: signedOn,
      periodTo: addDays(signedOn, 364),
      status: grantStatus,
    };
    grants.push(grant);
    grantOf.set(`${program.id}|${org.id}`, grant.id);
  }
  return { funders, programs, calls, applications, grants };
}
