import { createPublicKey } from "node:crypto";
import { DataSource, In, MoreThan } from "typeorm";
import { ANONYMOUS_CLAIMS, encodeClaims } from "../../platform/identity";
import { MemoryNonceStore } from "../../platform/nonce-store";
import { newSigningKey, signRequest, verifySignedRequest } from "../../platform/request-signing";
import { openDataSource, StoreConfig } from "../../subgraphs/kit/db";
import { DeliveryStatus, OutboxDelivery } from "../../subgraphs/kit/events";
import { organizationsSubgraph } from "../../subgraphs/organizations/subgraph";
import { writeTransaction } from "../../subgraphs/kit/transaction";
import { Organization } from "../../subgraphs/organizations/directory";
import { emitEligibilityChanged } from "../../subgraphs/organizations/federation-membership";
import { DIRECTORY } from "./operations";
import { median } from "./report";

// What the bench measures besides load: the signature every subgraph request carries, and an event burst.

const SIGNING_ROUNDS = 2_000;

export interface SigningCost {
  signMicros: number;
  verifyMicros: number;
  replayMicros: number;
}

/**
 * The CPU one subgraph request spends on its signature, in this process alone (pure CPU, no I/O): the gateway
 * signs (body hash, nonce, Ed25519), the subgraph verifies (Ed25519, canonical identity) and remembers the nonce.
 */
export function signingCost(rounds: number): SigningCost {
  const body = JSON.stringify({ query: DIRECTORY, variables: {} });
  const target = { method: "POST", path: "/graphql", audience: "organizations" };
  const signer = { keyId: "gateway", key: newSigningKey() };
  const publicKey = createPublicKey(signer.key);
  const identity = encodeClaims({ ...ANONYMOUS_CLAIMS, personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
  const perRequest = (action: (i: number) => void) => {
    const started = process.cpuUsage();
    for (let i = 0; i < SIGNING_ROUNDS; i++) action(i);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / SIGNING_ROUNDS;
  };
  const runs = Array.from({ length: rounds }, () => {
    const signatures: string[] = [];
    const sign = perRequest(() => signatures.push(signRequest(signer, target, identity, "bench", body)));
    const verified: { nonce: string; freshUntil: number }[] = [];
    const verify = perRequest((i) => verified.push(verifySignedRequest(() => publicKey, target, { identity, signature: signatures[i], requestId: "bench" }, body)));
    const nonces = new MemoryNonceStore();
    const replay = perRequest((i) => void nonces.firstSeen(verified[i].nonce, verified[i].freshUntil));
    return { sign, verify, replay };
  });
  return { signMicros: median(runs.map((r) => r.sign)), verifyMicros: median(runs.map((r) => r.verify)), replayMicros: median(runs.map((r) => r.replay)) };
}

export interface EventBurst {
  events: number;
  perSecond: number;
  lagP50Ms: number;
  lagP99Ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * The outbox across processes: `repeat` × every organization's OrganizationEligibilityChanged committed into the
 * organizations store by this process (its own DataSource, as `npm run events:republish-eligibility` does), then
 * delivered by the running organizations process's relay (which notices them on its next poll, as it would a
 * sheet import's) to the venues process, which applies each in its own transaction. Throughput from the first
 * commit to the last delivery; lag per event from its commit to its delivery, both from the outbox's rows.
 */
export async function eventBurst(store: StoreConfig, rounds: number, timeoutMs = 300_000): Promise<EventBurst> {
  const db = await openDataSource(store, organizationsSubgraph);
  try {
    // about BURST events: the demo's 9 organizations 20 times each, or the first 1,000 of a large dataset once each
    const ids = (await db.getRepository(Organization).find({ select: { id: true }, order: { id: "ASC" }, take: BURST })).map((o) => o.id);
    const repeat = Math.min(20, Math.ceil(BURST / Math.max(1, ids.length)));
    const runs: EventBurst[] = [];
    const deliveries = db.getRepository(OutboxDelivery);
    for (let run = 0; run < rounds; run++) {
      const last = await deliveries.find({ select: { seq: true }, order: { seq: "DESC" }, take: 1 });
      const after = last[0]?.seq ?? 0;
      const started = Date.now();
      let events = 0;
      for (let i = 0; i < repeat; i++) events += await queueEligibility(db, ids);
      // venues' deliveries only: the same commits also tell the gateway's response cache (OrganizationListingChanged)
      while ((await deliveries.countBy({ seq: MoreThan(after), consumer: "venues", status: DeliveryStatus.PENDING })) > 0) {
        if (Date.now() - started > timeoutMs) throw new Error(`the event burst was not delivered within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const seconds = (Date.now() - started) / 1000;
      const delivered = await deliveries.findBy({ seq: MoreThan(after), consumer: "venues", status: In([DeliveryStatus.DELIVERED]) });
      const lags = delivered.map((d) => d.deliveredAt!.getTime() - d.enqueuedAt.getTime()).sort((a, b) => a - b);
      runs.push({ events, perSecond: events / seconds, lagP50Ms: percentile(lags, 0.5), lagP99Ms: percentile(lags, 0.99) });
    }
    return { events: runs[0].events, perSecond: median(runs.map((r) => r.perSecond)), lagP50Ms: median(runs.map((r) => r.lagP50Ms)), lagP99Ms: median(runs.map((r) => r.lagP99Ms)) };
  } finally {
    await db.destroy();
  }
}

const BURST = 1000;

/** Queues one OrganizationEligibilityChanged per organization of `ids`, 500 per transaction, as a rebuild would. */
async function queueEligibility(db: DataSource, ids: string[]): Promise<number> {
  let queued = 0;
  for (let i = 0; i < ids.length; i += 500) queued += await writeTransaction(db, (tx) => emitEligibilityChanged(tx, ids.slice(i, i + 500), "bench"));
  return queued;
}
