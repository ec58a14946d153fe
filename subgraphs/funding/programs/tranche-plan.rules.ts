import { problem, Problem } from "../../kit/problem";
import { TrancheCondition } from "./program.enums";

export interface TrancheRuleValue {
  seq: number;
  percent: number;
  condition: TrancheCondition;
}

/**
 * What is wrong with a programme's tranche plan (DOMAIN §6: the percents sum to 100); empty when the plan is
 * sound. Seqs run 1…n in order, every percent is above 0.
 */
export function tranchePlanProblems(plan: readonly TrancheRuleValue[]): Problem[] {
  if (!plan.length) return [problem("BAD_USER_INPUT", "A tranche plan needs at least one tranche.")];
  const problems: Problem[] = [];
  plan.forEach((rule, i) => {
    if (rule.seq !== i + 1) problems.push(problem("BAD_USER_INPUT", `Tranche ${i + 1} has seq ${rule.seq}; seqs run 1, 2, 3… in order.`));
    if (!(rule.percent > 0)) problems.push(problem("BAD_USER_INPUT", `Tranche ${rule.seq} pays ${rule.percent}%; every tranche pays more than 0%.`));
  });
  // compared in hundredths of a percent, so 33.33 + 33.33 + 33.34 is exactly 100
  const hundredths = plan.reduce((sum, rule) => sum + Math.round(rule.percent * 100), 0);
  if (hundredths !== 100 * 100) problems.push(problem("BAD_USER_INPUT", `The tranche percents sum to ${hundredths / 100}; they must sum to 100.`));
  return problems;
}
