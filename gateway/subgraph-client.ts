import { Agent, request } from "undici";

// Keep-alive connections to the subgraphs; a refused connection is retried on the next request, so a subgraph that
// comes back is used again without restarting the gateway.
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

/** What RemoteGraphQLDataSource reads of a response: a fetch Response's shape, without its web streams. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export interface SubgraphRequest {
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** A response whose body is already read (shared by deduplicated reads, each parsing its own copy). */
export function bufferedResponse(url: string, status: number, headers: Record<string, string | string[] | undefined>, body: string): SubgraphResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: "",
    url,
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
  };
}

/**
 * POSTs to a subgraph with `undici.request` on a pooled keep-alive agent: fetch's WHATWG streams cost the gateway a
 * large share of its CPU per call (STACK.md, "Where the CPU goes"). `timeoutMs` bounds the whole call, body included.
 */
export async function callSubgraph(url: string, init: SubgraphRequest, timeoutMs: number): Promise<SubgraphResponse> {
  const response = await request(url, { method: init.method as "POST", headers: init.headers, body: init.body, dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) });
  return bufferedResponse(url, response.statusCode, response.headers, await response.body.text());
}
