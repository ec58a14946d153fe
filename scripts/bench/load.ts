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
    sent: result.requests.sent,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    transportErrors: result.errors,
    ...(result.mismatches ? { mismatches: result.mismatches } : {}),
    ...counted,
  };
}

/** The request headers of a read: JSON, and the caller's bearer token unless anonymous. */
export const readHeaders = (bearer: string | null): Record<string, string> => ({ "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) });

/**
 * One round of the same request over and over (its GraphQL errors are counted by the gateway's /metrics).
 * `expectBody`: the answer every response must be, byte for byte (a peer's errors, which no /metrics counts).
 */
export async function readRound(url: string, body: string, bearer: string | null, how: Extent, expectBody?: string): Promise<Round> {
  const result = await autocannon({ url, method: "POST", headers: readHeaders(bearer), body, connections: CONNECTIONS, ...extent(how), ...(expectBody ? { expectBody } : {}) });
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
