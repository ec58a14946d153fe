import { DataSource, MoreThan } from "typeorm";
import { clockIsPinned, now, pinClock } from "../../subgraphs/kit/clock";
import { Organization } from "../../subgraphs/organizations/directory";
import { recomputeLeaderDependency } from "../../subgraphs/organizations/leader-dependency";
import { NOW } from "./calendar";

/**
 * Computes every organization's leader-dependency signal (DOMAIN §3.9) with the subgraph's own recompute, as of the
 * demo's today, after the members and activities are in: the subgraph keeps the stored level current on every write,
 * and a bulk load writes around those writes, so it runs the same computation once at the end.
 */
export async function computeSignals(db: DataSource, batchSize = 500): Promise<void> {
  const previous = clockIsPinned() ? now() : null;
  pinClock(NOW);
  try {
    let after = "";
    for (;;) {
      const batch = await db.getRepository(Organization).find({ select: { id: true }, where: { id: MoreThan(after) }, order: { id: "ASC" }, take: batchSize });
      if (!batch.length) return;
      await db.transaction((tx) => recomputeLeaderDependency(tx, batch.map((o) => o.id)));
      after = batch[batch.length - 1].id;
    }
  } finally {
    pinClock(previous);
  }
}
