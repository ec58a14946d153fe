import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { Grant } from "./grant.entity";

/** Grant reads: programme, organization and period are public (DOMAIN §9.2); scoped reads come with the grant workflows. */
export class GrantService {
  find(ctx: HubContext, id: string): Promise<Grant | null> {
    return rowLoader(ctx, Grant).load(parseId("Grant", id, "id"));
  }
}
