import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { Call } from "./call.entity";
import { callById } from "./call.loaders";

/** Call reads: programmes and calls are public (DOMAIN §9.2). */
export class CallService {
  find(ctx: HubContext, id: string): Promise<Call | null> {
    return callById(ctx).load(parseId("Call", id, "id"));
  }
}
