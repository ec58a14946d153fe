import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { Academy } from "./academy.entity";
import { academyById } from "./academy.loaders";

/** Academy reads: academies, courses and offerings are public (DOMAIN §9.2). */
export class AcademyService {
  find(ctx: HubContext, id: string): Promise<Academy | null> {
    return academyById(ctx).load(parseId("Academy", id, "id"));
  }
}
