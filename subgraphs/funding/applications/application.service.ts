import { HubContext } from "../../kit/context";
import { Page, pageInMemory, pageWindow } from "../../kit/pagination";
import { Call } from "../calls";
import { Application } from "./application.entity";
import { ApplicationStatus } from "./application.enums";
import { applicationsByCall } from "./application.loaders";

/** Application reads; the loaders return only what the caller may see (application.policy, DOMAIN §9.2). */
export class ApplicationService {
  /** A call's visible applications: one batched load per distinct status filter, then paged in memory like Organization.members. */
  async ofCall(
    ctx: HubContext,
    call: Call,
    statuses: ApplicationStatus[] | null | undefined,
    page: { first?: number | null; after?: string | null },
  ): Promise<Page<Application>> {
    const window = pageWindow(page, 50);
    return pageInMemory(await applicationsByCall(ctx, statuses).load(call.id), window);
  }
}
