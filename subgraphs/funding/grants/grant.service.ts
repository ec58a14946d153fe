import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { Grant } from "./grant.entity";
import { grantById } from "./grant.loaders";

/** Grant reads: programme, organization and period are public (DOMAIN §9.2); scoped reads come with the grant workflows. */
export class GrantService {
  find(ctx: HubContext, id: string): Promise<Grant | null> {
    return grantById(ctx).load(parseId("Grant", id, "id"));
  }
}
