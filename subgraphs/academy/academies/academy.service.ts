import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { Academy } from "./academy.entity";

/** Academy reads: academies, courses and offerings are public (DOMAIN §9.2). */
export class AcademyService {
  find(ctx: HubContext, id: string): Promise<Academy | null> {
    return rowLoader(ctx, Academy).load(parseId("Academy", id, "id"));
  }
}
