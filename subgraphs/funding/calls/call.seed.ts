import { DataSource } from "typeorm";
import { Call } from "./call.entity";
import { ApplicantTrack, CallStatus } from "./call.enums";

const at = (iso: string) => new Date(iso);

const BOTH_TRACKS = [ApplicantTrack.REGISTERED_ORG, ApplicantTrack.FILED_TEAM];

// DOMAIN §10.6; amounts in fen. Dates, amounts, categories and agreement numbers not in the article are [INF placeholder].
const CALLS: Call[] = [
  { id: "call_cq_2020", programId: "prog_cq_micro", title: "2020年常青街道社区微创投项目征集", round: null, opensAt: at("2019-11-01T09:00:00+08:00"), closesAt: at("2019-11-30T17:00:00+08:00"), budgetFen: 20_000_000, tracks: BOTH_TRACKS, status: CallStatus.DECIDED },
  { id: "call_cq_2021", programId: "prog_cq_micro", title: "2021年常青街道社区微创投项目征集", round: null, opensAt: at("2020-11-01T09:00:00+08:00"), closesAt: at("2020-11-30T17:00:00+08:00"), budgetFen: 20_000_000, tracks: BOTH_TRACKS, status: CallStatus.DECIDED },
  { id: "call_cq_2022", programId: "prog_cq_micro", title: "2022年常青街道社区微创投项目征集", round: null, opensAt: at("2022-03-01T09:00:00+08:00"), closesAt: at("2022-03-31T17:00:00+08:00"), budgetFen: 20_000_000, tracks: BOTH_TRACKS, status: CallStatus.OPEN },
  { id: "call_sjk_qinlin_2021", programId: "prog_sjk_qinlin", title: "2021年\"亲邻行动\"微公益创投项目征集", round: null, opensAt: at("2021-03-15T09:00:00+08:00"), closesAt: at("2021-04-15T17:00:00+08:00"), budgetFen: 5_000_000, tracks: BOTH_TRACKS, status: CallStatus.DECIDED },
  { id: "call_sjk_nihao_2022", programId: "prog_sjk_nihao", title: "第三届\"你好,邻里\"微公益创投项目征集", round: "第三届", opensAt: at("2022-03-01T09:00:00+08:00"), closesAt: at("2022-04-30T17:00:00+08:00"), budgetFen: 10_000_000, tracks: BOTH_TRACKS, status: CallStatus.OPEN },
];

/** The calls of the demo data (DOMAIN §10.6). */
export async function seedCalls(db: DataSource): Promise<void> {
  await db.getRepository(Call).insert(CALLS);
}
