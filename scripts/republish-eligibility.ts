import { DataSource, MoreThan } from "typeorm";
import { z } from "zod";
import { ConfigError, describeIssues } from "../platform/config";
import { pinClock } from "../subgraphs/kit/clock";
import { SUBGRAPH_ENV } from "../subgraphs/kit/config";
import { openDataSource, storeFor } from "../subgraphs/kit/db";
import { writeTransaction } from "../subgraphs/kit/transaction";
import { Organization } from "../subgraphs/organizations/directory";
import { emitEligibilityChanged } from "../subgraphs/organizations/federation-membership";
import { organizationsSubgraph } from "../subgraphs/organizations/subgraph";
import { CliIo, processIo } from "./org-sheets/cli";

const usage = `Usage: npm run events:republish-eligibility

Queues an OrganizationEligibilityChanged event for every organization in the organizations store (the one
DATABASE_URL / DATABASE_PREFIX / DATA_DIR name, as the subgraph reads them). The running organizations subgraph's
relay delivers them and venues rebuilds its booking-eligibility snapshot (C7) from them: for a venues store restored
from a backup, or events parked and given up on. Safe to repeat: each event carries the organization's whole state.`;

// what the command reads of the subgraph's environment: only where its store is (it serves nothing, so no keys)
const storeEnv = z.object({ DATABASE_URL: SUBGRAPH_ENV.DATABASE_URL, DATABASE_PREFIX: SUBGRAPH_ENV.DATABASE_PREFIX, DATA_DIR: SUBGRAPH_ENV.DATA_DIR, HUB_NOW: SUBGRAPH_ENV.HUB_NOW });

/**
 * Emits OrganizationEligibilityChanged for every organization, `batchSize` organizations per write transaction (a
 * batch's events commit together; a crash between batches leaves earlier ones queued, and a rerun is harmless).
 * Returns how many events it queued.
 */
export async function republishEligibility(db: DataSource, batchSize = 500, requestId: string | null = "republish-eligibility"): Promise<number> {
  let queued = 0;
  let after = "";
  for (;;) {
    const batch = await db.getRepository(Organization).find({ select: { id: true }, where: { id: MoreThan(after) }, order: { id: "ASC" }, take: batchSize });
    if (!batch.length) return queued;
    queued += await writeTransaction(db, (tx) => emitEligibilityChanged(tx, batch.map((o) => o.id), requestId));
    after = batch[batch.length - 1].id;
  }
}

/** npm run events:republish-eligibility: returns the exit status. */
export async function runRepublishEligibility(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = processIo): Promise<number> {
  if (argv.includes("--help")) {
    io.out(`${usage}\n`);
    return 0;
  }
  if (argv.length) {
    io.err(`Unexpected arguments: ${argv.join(" ")}\n\n${usage}\n`);
    return 2;
  }
  const parsed = storeEnv.safeParse(env);
  if (!parsed.success) {
    io.err(`${new ConfigError(`Invalid environment for the organizations subgraph:\n${describeIssues(parsed.error)}`).message}\n`);
    return 2;
  }
  const { DATABASE_URL, DATABASE_PREFIX, DATA_DIR, HUB_NOW } = parsed.data;
  if (HUB_NOW) pinClock(new Date(HUB_NOW));
  const store = storeFor("organizations", { databaseUrl: DATABASE_URL, dataDir: DATA_DIR, databasePrefix: DATABASE_PREFIX });
  const db = await openDataSource(store, organizationsSubgraph);
  try {
    const queued = await republishEligibility(db);
    const where = store.kind === "mysql" ? `MySQL database ${store.database}` : store.file;
    io.out(`Queued ${queued} OrganizationEligibilityChanged event(s) in the outbox of ${where}; the organizations subgraph's relay delivers them to venues.\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

if (require.main === module) void runRepublishEligibility(process.argv.slice(2)).then((status) => process.exit(status));
