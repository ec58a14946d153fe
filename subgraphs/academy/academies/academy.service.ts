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

/** Academies are at most three levels deep (city → district → township); a longer chain is bad data, not a loop to follow. */
const MAX_LEVELS = 3;

/**
 * The academy and the academies above it: staff of any of them may read its records (DOMAIN §9.1: AC has read
 * access to child academies). One batched lookup per level, however many academies a response asks about.
 */
export async function academyLine(ctx: HubContext, academyId: string): Promise<string[]> {
  const line: string[] = [];
  let id: string | null = academyId;
  while (id && line.length < MAX_LEVELS && !line.includes(id)) {
    line.push(id);
    id = (await rowLoader(ctx, Academy).load(id))?.parentId ?? null;
  }
  return line;
}
