import { tranchePlanProblems } from "@subgraphs/funding/programs/tranche-plan.rules";
import { TrancheCondition } from "@subgraphs/funding/programs/program.enums";

const { ON_SIGNING, ON_MIDTERM_PASS, ON_FINAL_PASS } = TrancheCondition;

/** The messages of a plan's problems, each a BAD_USER_INPUT. */
function messages(plan: Parameters<typeof tranchePlanProblems>[0]): string[] {
  const problems = tranchePlanProblems(plan);
  expect(problems.every((p) => p.code === "BAD_USER_INPUT")).toBe(true);
  return problems.map((p) => p.message);
}

test("a 50/30/20 plan and a pay-after-completion plan are sound", () => {
  expect(messages([{ seq: 1, percent: 50, condition: ON_SIGNING }, { seq: 2, percent: 30, condition: ON_MIDTERM_PASS }, { seq: 3, percent: 20, condition: ON_FINAL_PASS }])).toEqual([]);
  expect(messages([{ seq: 1, percent: 100, condition: ON_FINAL_PASS }])).toEqual([]);
});

test("thirds in hundredths sum to exactly 100", () => {
  expect(messages([33.33, 33.33, 33.34].map((percent, i) => ({ seq: i + 1, percent, condition: ON_FINAL_PASS })))).toEqual([]);
});

test("percents that do not sum to 100 are reported with the sum", () => {
  expect(messages([{ seq: 1, percent: 50, condition: ON_SIGNING }, { seq: 2, percent: 30, condition: ON_FINAL_PASS }])).toEqual([
    "The tranche percents sum to 80; they must sum to 100.",
  ]);
});

test("an empty plan, seqs out of order and a zero tranche are reported", () => {
  expect(messages([])).toHaveLength(1);
  const problems = messages([{ seq: 2, percent: 100, condition: ON_SIGNING }, { seq: 1, percent: 0, condition: ON_FINAL_PASS }]);
  expect(problems).toEqual([
    "Tranche 1 has seq 2; seqs run 1, 2, 3… in order.",
    "Tranche 2 has seq 1; seqs run 1, 2, 3… in order.",
    "Tranche 1 pays 0%; every tranche pays more than 0%.",
  ]);
});
