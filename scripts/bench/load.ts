import autocannon from "autocannon";
import { Round } from "./report";

// Load from autocannon in the bench process (which serves nothing): 10 connections to the gateway.

export const CONNECTIONS = 10;

/** How long, or how many requests: a booking round is bounded by the free slots it may take. */
export type Extent = { seconds: number } | { requests: number };

const extent = (e: Extent) => ("seconds" in e ? { duration: e.seconds } : { amount: e.requests });

function round(result: autocannon.Result, counted: { conflicts: number; booked: number }): Round {
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    transportErrors: result.errors,
    ...counted,
  };
}

/** One round of the same request over and over (its GraphQL errors are counted by the gateway's /metrics). */
export async function readRound(url: string, body: string, bearer: string | null, how: Extent): Promise<Round> {
  const headers: Record<string, string> = { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
  const result = await autocannon({ url, method: "POST", headers, body, connections: CONNECTIONS, ...extent(how) });
  return round(result, { conflicts: 0, booked: 0 });
}

/** A request of its own per call: body and bearer; the payload says whether it booked or met conflicts. */
export interface VaryingRequest {
  body: string;
  bearer: string;
}

/**
 * One round of requests that each differ (M2 on distinct free slots): `next()` gives the next request; every
 * response is read for `createBooking.booking` (booked) or a non-empty `createBooking.conflicts` (a business
 * outcome, counted apart from errors).
 */
export async function bookingRound(url: string, next: () => VaryingRequest, requests: number): Promise<Round> {
  const counted = { conflicts: 0, booked: 0 };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: requests,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const { body, bearer } = next();
          return { ...request, method: "POST", body, headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` } };
        },
        onResponse: (_status: number, body: string) => {
          try {
            const payload = JSON.parse(body)?.data?.createBooking;
            if (payload?.booking) counted.booked += 1;
            if (payload?.conflicts?.length) counted.conflicts += 1;
          } catch {
            // not JSON: a non-2xx, which autocannon counts
          }
        },
      },
    ],
  });
  return round(result, counted);
}
