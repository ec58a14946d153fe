import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { BadInputError, ForbiddenError } from "../../../platform/errors";
import { parseId } from "../../kit/ids";
import { LEGAL_FORMS } from "../facilities";
import { ORG_STATUSES } from "./eligibility.rules";
import { OrgEligibility } from "./org-eligibility.entity";
import { writeTransaction } from "../../kit/transaction";

/** Keeps the C7 snapshot current: the organizations subgraph pushes an organization's legal form and status. */
export class EligibilityService {
  async sync(ctx: HubContext, rawId: string, legalForm: string, status: string): Promise<boolean> {
    if (!ctx.viewer.service) throw new ForbiddenError("syncOrganizationEligibility accepts only a subgraph's signed service identity.");
    const organizationId = parseId("Organization", rawId, "organizationId");
    if (!(LEGAL_FORMS as readonly string[]).includes(legalForm)) throw new BadInputError(`legalForm: "${legalForm.slice(0, 30)}" is not one of ${LEGAL_FORMS.join(", ")}.`, { argument: "legalForm" });
    if (!(ORG_STATUSES as readonly string[]).includes(status)) throw new BadInputError(`status: "${status.slice(0, 30)}" is not one of ${ORG_STATUSES.join(", ")}.`, { argument: "status" });
    await writeTransaction(ctx.db, (tx) => tx.getRepository(OrgEligibility).save({ organizationId, legalForm, status, updatedAt: now() }));
    return true;
  }
}
