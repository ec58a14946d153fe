import { KeyObject } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Agent, request } from "undici";
import { IDENTITY_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER } from "../../../platform/identity";
import { GATEWAY_KEY_ID, signRequest } from "../../../platform/request-signing";
import { CONNECTIONS, Extent } from "../load";
import { Round } from "../report";
import { Stage } from "./recorder";

// The floor (issue 12 point 3): an operation's subgraph calls alone, as the hub gateway made them (recorder.ts),
// sent straight to the subgraphs from the bench process, each freshly signed with the gateway's key (a subgraph
// refuses a nonce it has seen). Stage after stage, the calls of a stage at once, as the query plan runs them;
// CONNECTIONS operations in flight, as autocannon keeps requests in flight through a gateway.

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN);

/** One round of the operation's calls; an answer that is not the recorded one counts as a mismatch. */
export async function floorRound(stages: Stage[], gatewayKey: KeyObject, how: Extent): Promise<Round> {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: CONNECTIONS });
  const signer = { keyId: GATEWAY_KEY_ID, key: gatewayKey };
  const latencies: number[] = [];
  const counts = { non2xx: 0, transportErrors: 0, mismatches: 0 };
  let started = 0;
  const startedAt = performance.now();
  const deadline = "seconds" in how ? startedAt + how.seconds * 1000 : Infinity;
  const more = () => performance.now() < deadline && ("requests" in how ? started < how.requests : true);
  const call = async (stage: Stage[number]) => {
    const { pathname } = new URL(stage.url);
    const requestId = "bench-floor";
    const signature = signRequest(signer, { method: "POST", path: pathname, audience: stage.subgraph }, stage.identity, requestId, stage.body);
    const headers = { "content-type": "application/json", [IDENTITY_HEADER]: stage.identity, [REQUEST_ID_HEADER]: requestId, [SIGNATURE_HEADER]: signature };
    const response = await request(stage.url, { method: "POST", headers, body: stage.body, dispatcher: agent });
    const text = await response.body.text();
    if (response.statusCode < 200 || response.statusCode >= 300) return "non2xx";
    return text === stage.answer ? "ok" : "mismatches";
  };
  const worker = async () => {
    while (more()) {
      started++;
      const begin = performance.now();
      let outcome: "ok" | "non2xx" | "mismatches" | "transportErrors" = "ok";
      for (const stage of stages) {
        try {
          const outcomes = await Promise.all(stage.map(call));
          outcome = outcomes.find((o) => o !== "ok") ?? outcome;
        } catch {
          outcome = "transportErrors";
        }
      }
      if (outcome === "ok") latencies.push(performance.now() - begin);
      else counts[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - startedAt) / 1000;
  await agent.close();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, sent: started, seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), ...counts, conflicts: 0, booked: 0 };
}
