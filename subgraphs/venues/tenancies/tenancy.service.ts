import { HubContext } from "../../kit/context";
import { typeOfId } from "../../kit/ids";
import { Tenancy } from "./tenancy.entity";
import { TenancyStatus } from "./tenancy.enums";
import { tenanciesByOrganization } from "./tenancy.loaders";

const PREFERENCE = [TenancyStatus.ACTIVE, TenancyStatus.APPLIED];

/** Incubation tenancies (孵化入驻): public, like the incubation base's directory. */
export class TenancyService {
  /** The organization's current tenancy: the active one, else an application, else the latest. */
  async current(ctx: HubContext, organizationId: string): Promise<Tenancy | null> {
    if (typeOfId(organizationId) !== "Organization") return null;
    const tenancies = await tenanciesByOrganization(ctx).load(organizationId);
    for (const status of PREFERENCE) {
      const found = tenancies.find((t) => t.status === status);
      if (found) return found;
    }
    return tenancies[0] ?? null;
  }
}
