import { problem, Problem } from "../../kit/problem";
import { SchemeIndicator, StarThreshold } from "./rating-scheme.entity";
import { StarLevel } from "./rating.enums";

/** One score as a panelist submits it. */
export interface ScoreInput {
  indicator: string;
  score: number;
  comment?: string | null;
}

const MAX_COMMENT = 500;

/** The sum of the scores, to the hundredth (no floating-point dust such as 75.99999999). */
export function totalOf(scores: readonly { score: number }[]): number {
  return Math.round(scores.reduce((sum, s) => sum + s.score * 100, 0)) / 100;
}

/** §3.8: the highest star level whose threshold the total reaches; NONE below them all. */
export function starsFor(total: number, thresholds: readonly StarThreshold[]): StarLevel {
  const reached = thresholds.filter((t) => total >= t.minScore).sort((a, b) => b.minScore - a.minScore);
  return reached[0]?.stars ?? StarLevel.NONE;
}

/** §3.8: results scored under a pilot scheme (`v2022-pilot`) carry pilot: true. */
export function isPilotScheme(version: string): boolean {
  return version.endsWith("-pilot");
}

/** The scheme's indicators that have no score yet, in scheme order. */
export function missingIndicators(indicators: readonly SchemeIndicator[], scored: readonly string[]): string[] {
  const have = new Set(scored);
  return indicators.map((i) => i.code).filter((code) => !have.has(code));
}

/** Checks submitted scores against the scheme: known indicators, each once, 0 ≤ score ≤ max; null when fine. */
export function scoreInputProblem(scores: readonly ScoreInput[], indicators: readonly SchemeIndicator[]): Problem | null {
  const codes = indicators.map((i) => i.code);
  if (!scores.length) return problem("BAD_USER_INPUT", `scores: give at least one indicator score (indicators: ${codes.join(", ")}).`, { argument: "scores" });
  const seen = new Set<string>();
  for (const [i, input] of scores.entries()) {
    const argument = `scores[${i}]`;
    const indicator = indicators.find((x) => x.code === input.indicator);
    if (!indicator) {
      return problem("BAD_USER_INPUT", `${argument}.indicator: "${input.indicator.slice(0, 20)}" is not an indicator of this scheme; use one of ${codes.join(", ")}.`, { argument: `${argument}.indicator`, indicators: codes });
    }
    if (seen.has(indicator.code)) return problem("BAD_USER_INPUT", `${argument}: ${indicator.code} is scored twice; send each indicator once.`, { argument, indicator: indicator.code });
    seen.add(indicator.code);
    if (!Number.isFinite(input.score) || input.score < 0 || input.score > indicator.max) {
      return problem("BAD_USER_INPUT", `${argument}.score: ${input.score} is out of range for ${indicator.code} (${indicator.name}); give 0 to ${indicator.max}.`, {
        argument: `${argument}.score`,
        indicator: indicator.code,
        max: indicator.max,
      });
    }
    if (input.comment && input.comment.length > MAX_COMMENT) {
      return problem("BAD_USER_INPUT", `${argument}.comment: keep the comment to ${MAX_COMMENT} characters.`, { argument: `${argument}.comment`, max: MAX_COMMENT });
    }
  }
  return null;
}
