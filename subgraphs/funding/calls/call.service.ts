import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { Call } from "./call.entity";

/** Call reads: programmes and calls are public (DOMAIN §9.2). */
export class CallService {
  find(ctx: HubContext, id: string): Promise<Call | null> {
    return rowLoader(ctx, Call).load(parseId("Call", id, "id"));
  }
}
