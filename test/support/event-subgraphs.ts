import { createPublicKey, KeyObject, randomUUID } from "node:crypto";
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { Column, Entity, MigrationInterface, PrimaryColumn, PrimaryGeneratedColumn, QueryRunner } from "typeorm";
import { z } from "zod";
import { HubContext } from "@kit/context";
import { emitEvent, onEvent } from "@kit/events";
import { defineEvent } from "@kit/events/contract";
import { defineSubgraph } from "@kit/feature";
import { StoreConfig } from "@kit/db";
import { RelaySettings } from "@kit/events";
import { CallerKeys } from "@kit/request-auth";
import { RunningSubgraph, startSubgraph } from "@kit/server";
import { registerTestSubgraph, TEST_KEYS } from "@kit/testing";
import { writeTransaction } from "@kit/transaction";
import { ConflictError } from "@platform/errors";
import { newSigningKey } from "@platform/request-signing";

/**
 * Two small subgraphs that exist only for the outbox tests: `ledger` writes notes and publishes `NoteAdded`;
 * `tally` applies each one by adding a row. They use the kit exactly as the real subgraphs do, so the tests
 * exercise the mechanism itself, apart from any domain flow.
 */
export const NoteAdded = defineEvent({
  type: "NoteAdded",
  version: 1,
  producer: "ledger",
  consumers: ["tally"],
  description: "test event",
  payload: z.object({ noteId: z.string(), n: z.number().int() }).strict(),
});

@Entity("notes")
@ObjectType()
export class Note {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  @Field(() => String)
  aggregateId: string;

  @Column({ type: "int" })
  @Field(() => Int)
  n: number;
}

@Resolver()
class LedgerResolver {
  @Query(() => Int)
  noteCount(@Ctx() ctx: HubContext) {
    return ctx.db.getRepository(Note).count();
  }

  /** Writes a note and its event in one transaction; `fail` throws after both were written, so neither stays. */
  @Mutation(() => Note)
  addNote(@Ctx() ctx: HubContext, @Arg("aggregateId", () => String) aggregateId: string, @Arg("n", () => Int) n: number, @Arg("fail", () => Boolean, { defaultValue: false }) fail: boolean) {
    return writeTransaction(ctx.db, async (tx) => {
      const note = { id: randomUUID(), aggregateId, n };
      await tx.getRepository(Note).insert(note);
      await emitEvent(tx, NoteAdded, aggregateId, { noteId: note.id, n }, ctx.requestId);
      if (fail) throw new ConflictError("addNote was told to fail after writing.");
      return note;
    });
  }
}

@Entity("tallies")
export class Tally {
  @PrimaryGeneratedColumn("increment")
  seq: number;

  @Column({ type: "varchar", length: 40 })
  eventId: string;

  @Column({ type: "varchar", length: 40 })
  aggregateId: string;

  @Column({ type: "int" })
  n: number;
}

/** How the tally consumer behaves: tests make it fail (a transient error) on the event whose n is `failOn`. */
export const tallyBehaviour: { failOn: number | null } = { failOn: null };

@Resolver()
class TallyResolver {
  @Query(() => Int)
  tallyCount(@Ctx() ctx: HubContext) {
    return ctx.db.getRepository(Tally).count();
  }
}

/** Creates the test tables on MySQL, where the kit runs migrations instead of following the entities. */
class TestTables1700000000000 implements MigrationInterface {
  name = "TestTables1700000000000";
  async up(runner: QueryRunner): Promise<void> {
    await runner.connection.synchronize();
  }
  async down(): Promise<void> {}
}

export const ledgerSubgraph = defineSubgraph({
  name: "ledger",
  defaultPort: 0,
  migrations: [TestTables1700000000000],
  features: [{ name: "notes", entities: [Note], resolvers: [LedgerResolver] }],
});

export const tallySubgraph = defineSubgraph({
  name: "tally",
  defaultPort: 0,
  migrations: [TestTables1700000000000],
  features: [
    {
      name: "tallies",
      entities: [Tally],
      resolvers: [TallyResolver],
      eventHandlers: [
        onEvent(NoteAdded, async (tx, event) => {
          if (event.payload.n === tallyBehaviour.failOn) throw new Error("tally is failing on purpose");
          await tx.getRepository(Tally).insert({ eventId: event.id, aggregateId: event.aggregateId, n: event.payload.n });
        }),
      ],
    },
  ],
});

/** The ledger's own signing key; the tally trusts it (and the test gateway's, for admin queries). */
export const LEDGER_KEY: KeyObject = newSigningKey();

const callerKeys: CallerKeys = {
  gateway: [createPublicKey(TEST_KEYS.gateway)],
  services: new Map([["ledger", createPublicKey(LEDGER_KEY)]]),
};

/** Fast retries for tests: the relay's schedule in tens of milliseconds, not seconds. */
export const FAST_RELAY: Partial<RelaySettings> = { pollMs: 50, baseBackoffMs: 20, maxBackoffMs: 250, timeoutMs: 2000, maxAttempts: 10, depthEveryMs: 20 };

export async function startLedger(store: StoreConfig, peers: Map<string, string> | null, settings: Partial<RelaySettings> = FAST_RELAY): Promise<RunningSubgraph> {
  const running = await startSubgraph(ledgerSubgraph, {
    store,
    callerKeys,
    port: 0,
    events: peers ? { peers, signer: { keyId: "ledger", key: LEDGER_KEY }, settings } : undefined,
  });
  registerTestSubgraph(running);
  return running;
}

export async function startTally(store: StoreConfig, port = 0): Promise<RunningSubgraph> {
  const running = await startSubgraph(tallySubgraph, { store, callerKeys, port });
  registerTestSubgraph(running);
  return running;
}
