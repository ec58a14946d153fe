import { EntityManager } from "typeorm";
import { Organization } from "../directory";
import { recomputeLeaderDependency } from "./leader-dependency.service";

/** §3.9 from the seeded members and activities, as of the hub clock (the demo pins it to 2022-03-12). */
export async function seedLeaderDependency(tx: EntityManager): Promise<void> {
  await recomputeLeaderDependency(tx, (await tx.getRepository(Organization).find({ select: { id: true } })).map((o) => o.id));
}
