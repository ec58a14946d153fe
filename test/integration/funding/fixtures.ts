import { DataSource } from "typeorm";
import { Application, ApplicationStatus } from "@subgraphs/funding/applications";
import { ApplicantTrack, Call, CallStatus } from "@subgraphs/funding/calls";
import { Funder, FunderType } from "@subgraphs/funding/funders";
import { Grant, GrantStatus } from "@subgraphs/funding/grants";
import { FundingProgram, ProgramType, TrancheCondition } from "@subgraphs/funding/programs";

// Factories for rows of the test's own, with readable ids (`fdr_t_<key>`, `prog_t_<key>`, …). Amounts are in fen;
// areas are made up (district 349901 of the city 349900), which the demo data does not use.

/** A funder (`fdr_t_<key>`): a street office of the made-up street 349901S01 unless changed. */
export async function addTestFunder(db: DataSource, key: string, funder: Partial<Omit<Funder, "id">> = {}): Promise<string> {
  const id = `fdr_t_${key}`;
  await db.getRepository(Funder).insert({ id, name: `测试资助方${key}`, type: FunderType.STREET_OFFICE, areaCode: "349901S01", ...funder });
  return id;
}

/** A micro-venture plan: half on signing, 30 % after the midterm review, the rest after the final one. */
export const THREE_TRANCHES = [
  { seq: 1, percent: 50, condition: TrancheCondition.ON_SIGNING },
  { seq: 2, percent: 30, condition: TrancheCondition.ON_MIDTERM_PASS },
  { seq: 3, percent: 20, condition: TrancheCondition.ON_FINAL_PASS },
];

/** A funder's programme (`prog_t_<key>`): a one-year micro-venture of at most 20,000 yuan paid in THREE_TRANCHES unless changed. */
export async function addTestProgram(db: DataSource, key: string, program: { funderId: string } & Partial<Omit<FundingProgram, "id" | "funderId">>): Promise<string> {
  const id = `prog_t_${key}`;
  await db.getRepository(FundingProgram).insert({
    id,
    name: `测试项目${key}`,
    type: ProgramType.MICRO_VENTURE,
    categories: [],
    maxAwardFen: 2_000_000,
    cycleMonths: 12,
    tranchePlan: THREE_TRANCHES,
    ...program,
  });
  return id;
}

/** A call (`call_t_<key>`) of a programme: open through March 2022 for both tracks with a 200,000 yuan budget unless changed. */
export async function addTestCall(db: DataSource, key: string, call: { programId: string } & Partial<Omit<Call, "id" | "programId">>): Promise<string> {
  const id = `call_t_${key}`;
  await db.getRepository(Call).insert({
    id,
    title: `测试征集${key}`,
    round: null,
    opensAt: new Date("2022-03-01T09:00:00+08:00"),
    closesAt: new Date("2022-03-31T17:00:00+08:00"),
    budgetFen: 20_000_000,
    tracks: [ApplicantTrack.REGISTERED_ORG, ApplicantTrack.FILED_TEAM],
    status: CallStatus.OPEN,
    ...call,
  });
  return id;
}

/** An application (`app_t_<key>`) of an organization to a call: a filed team's awarded 10,000 yuan project unless changed. */
export function applicationRow(key: string, application: Pick<Application, "callId" | "applicantOrgId"> & Partial<Application>): Application {
  return {
    id: `app_t_${key}`,
    track: ApplicantTrack.FILED_TEAM,
    projectTitle: `测试项目${key}`,
    category: null,
    summary: "测试项目简介",
    targetAreaCode: null,
    plannedOutputs: { serviceEvents: 1, beneficiaryVisits: 1, volunteerMinutes: 1 },
    requestedFen: 1_000_000,
    applicantStarsAtSubmission: null,
    status: ApplicationStatus.AWARDED,
    submittedAt: new Date("2020-11-20T10:00:00+08:00"),
    previousGrantId: null,
    ...application,
  };
}

export async function addTestApplication(db: DataSource, key: string, application: Parameters<typeof applicationRow>[1]): Promise<string> {
  const row = applicationRow(key, application);
  await db.getRepository(Application).insert(row);
  return row.id;
}

/** A grant (`grant_t_<key>`) on an awarded application: 10,000 yuan for 2021, half paid, in progress unless changed. */
export function grantRow(key: string, grant: Pick<Grant, "applicationId" | "organizationId" | "programId"> & Partial<Grant>): Grant {
  return {
    id: `grant_t_${key}`,
    agreementNo: `T-${key.toUpperCase()}`,
    signedOn: "2020-12-28",
    awardedFen: 1_000_000,
    disbursedFen: 500_000,
    periodFrom: "2021-01-01",
    periodTo: "2021-12-31",
    status: GrantStatus.IN_PROGRESS,
    ...grant,
  };
}

export async function addTestGrant(db: DataSource, key: string, grant: Parameters<typeof grantRow>[1]): Promise<string> {
  const row = grantRow(key, grant);
  await db.getRepository(Grant).insert(row);
  return row.id;
}
