import { Problem } from "../../kit/problem";

/** A period of Asia/Shanghai business days, both ends inclusive (`YYYY-MM-DD`). */
export interface Period {
  from: string;
  to: string;
}

/** A period runs forward: from ≤ to (days compare as text). */
export function checkPeriod(period: Period, argument = "period"): Problem | null {
  if (period.from > period.to) {
    return { code: "BAD_USER_INPUT", message: `${argument}: from (${period.from}) is after to (${period.to}); give from ≤ to.`, facts: { argument } };
  }
  return null;
}
