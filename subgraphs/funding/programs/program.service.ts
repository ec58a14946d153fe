import { HubContext } from "../../kit/context";
import { BadInputError } from "../../../platform/errors";
import { parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { Page, paginate, pageSize } from "../../kit/pagination";
import { Funder } from "../funders";
import { FundingProgram } from "./funding-program.entity";
import { ProgramType } from "./program.enums";

/** Programme reads: programmes and calls are public (DOMAIN §9.2). */
export class ProgramService {
  async list(
    ctx: HubContext,
    filter: { funderId?: string | null; types?: ProgramType[] | null },
    page: { first?: number | null; after?: string | null },
  ): Promise<Page<FundingProgram>> {
    pageSize(page.first);
    const query = ctx.db.getRepository(FundingProgram).createQueryBuilder("p");
    if (filter.funderId != null) {
      const funderId = parseId("Funder", filter.funderId, "funderId");
      if (!(await rowLoader(ctx, Funder).load(funderId))) throw new BadInputError(`funderId: no funder has the id "${funderId}".`, { argument: "funderId" });
      query.andWhere("p.funderId = :funderId", { funderId });
    }
    if (filter.types?.length) query.andWhere("p.type IN (:...types)", { types: filter.types });
    return paginate(query, "p", page);
  }
}
