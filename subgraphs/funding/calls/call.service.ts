import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { Page } from "../../kit/pagination";
import { Application } from "../applications/application.entity";
import { Call } from "./call.entity";
import { applicationsByCall, callById } from "../applications/application.loaders";
import { ApplicationStatus } from "../applications/application.enums";
import { pageInMemory, pageWindow } from "../../kit/pagination";

/** Call reads; who may see which applications is decided with the review workflows (DOMAIN §9.2). */
export class CallService {
  find(ctx: HubContext, id: string): Promise<Call | null> {
    return callById(ctx).load(parseId("Call", id, "id"));
  }

  /** One batched load per distinct status filter, then paged in memory like Organization.members. */
  async applications(
    ctx: HubContext,
    call: Call,
    statuses: ApplicationStatus[] | null | undefined,
    page: { first?: number | null; after?: string | null },
  ): Promise<Page<Application>> {
    const window = pageWindow(page, 50);
    return pageInMemory(await applicationsByCall(ctx, statuses).load(call.id), window);
  }
}
