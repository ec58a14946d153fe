import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { Grant } from "./grant.entity";

/** Grant reads: every grant is public in part; grant.policy guards the rest field by field (DOMAIN §9.2). */
export class GrantService {
  find(ctx: HubContext, id: string): Promise<Grant | null> {
    return rowLoader(ctx, Grant).load(parseId("Grant", id, "id"));
  }
}
