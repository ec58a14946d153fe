import { DataSource } from "typeorm";
import { FundingProgram } from "./funding-program.entity";
import { ProgramType, TrancheCondition } from "./program.enums";
import { tranchePlanProblems } from "./tranche-plan.rules";
import { TrancheRule } from "./tranche-rule.type";

const plan = (...rules: [percent: number, condition: TrancheCondition][]): TrancheRule[] =>
  rules.map(([percent, condition], i) => ({ seq: i + 1, percent, condition }));

// DOMAIN §10.6; amounts in fen. Dates, amounts, categories and agreement numbers not in the article are [INF placeholder].
const MICRO_VENTURE_PLAN = plan([50, TrancheCondition.ON_SIGNING], [30, TrancheCondition.ON_MIDTERM_PASS], [20, TrancheCondition.ON_FINAL_PASS]);

const PROGRAMS: FundingProgram[] = [
  { id: "prog_cq_micro", funderId: "fdr_cq_street", name: "常青街道社区微创投", type: ProgramType.MICRO_VENTURE, categories: ["为老服务", "邻里互助", "文体娱乐", "志愿服务"], maxAwardFen: 2_000_000, cycleMonths: 12, tranchePlan: MICRO_VENTURE_PLAN },
  { id: "prog_sjk_qinlin", funderId: "fdr_sjk_bureau", name: "\"亲邻行动\" 微公益创投", type: ProgramType.MICRO_VENTURE, categories: ["邻里互助", "平安建设", "环境美化"], maxAwardFen: 1_000_000, cycleMonths: 12, tranchePlan: MICRO_VENTURE_PLAN },
  { id: "prog_sjk_nihao", funderId: "fdr_sjk_bureau", name: "\"你好,邻里\" 微公益创投", type: ProgramType.MICRO_VENTURE, categories: ["居民需求菜单"], maxAwardFen: 1_000_000, cycleMonths: 12, tranchePlan: MICRO_VENTURE_PLAN },
  { id: "prog_bh_venture", funderId: "fdr_bh_civil", name: "包河区公益创投", type: ProgramType.VENTURE_PHILANTHROPY, categories: ["社会治理", "社区营造", "专业服务", "志愿服务", "福利慈善"], maxAwardFen: null, cycleMonths: 12, tranchePlan: plan([100, TrancheCondition.ON_FINAL_PASS]) },
  { id: "prog_cq_purchase", funderId: "fdr_cq_street", name: "常青街道社工服务购买", type: ProgramType.GOV_PURCHASE, categories: ["专业社工服务"], maxAwardFen: null, cycleMonths: 12, tranchePlan: plan([50, TrancheCondition.ON_SIGNING], [50, TrancheCondition.ON_FINAL_PASS]) },
];

/** The programmes of the demo data (DOMAIN §10.6); a bad tranche plan stops the seed before it writes. */
export async function seedPrograms(db: DataSource): Promise<void> {
  for (const program of PROGRAMS) {
    const problems = tranchePlanProblems(program.tranchePlan);
    if (problems.length) throw new Error(`Seed programme ${program.id} has a bad tranche plan: ${problems.map((p) => p.message).join(" ")}`);
  }
  await db.getRepository(FundingProgram).insert(PROGRAMS);
}
