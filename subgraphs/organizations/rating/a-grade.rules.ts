import { LegalForm } from "../directory";
import { addYears } from "./rating-calendar.rules";

/** §1.9: 等级评估 covers only registered 社会团体 / 基金会 / 民非. */
const REGISTERED = new Set([LegalForm.SOCIAL_GROUP, LegalForm.SOCIAL_SERVICE_AGENCY, LegalForm.FOUNDATION]);

/** Whether an organization of this legal form can hold an A-grade at all. */
export function carriesAGrade(legalForm: LegalForm): boolean {
  return REGISTERED.has(legalForm);
}

/** §1.9: grades are valid for 5 years from the award. */
export function aGradeValidUntil(awardedOn: string): string {
  return addYears(awardedOn, 5);
}
