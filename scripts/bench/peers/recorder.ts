import { createServer, IncomingMessage, Server } from "node:http";
import { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { IDENTITY_HEADER } from "../../../platform/identity";

// The subgraph calls the hub gateway makes for an operation, recorded by a pass-through proxy in front of each
// subgraph (a gateway pointed at the proxies answers as usual): the floor replays them (floor.ts).

/** One subgraph call: to whom, the exact body, the caller's identity header, and the answer it got. */
export interface RecordedCall {
  subgraph: string;
  url: string;
  identity: string;
  body: string;
  answer: string;
  startedAt: number;
  endedAt: number;
}

/** Calls that ran at once (the plan's parallel fetches); the stages run one after another. */
export type Stage = RecordedCall[];

export interface Recorder {
  /** Subgraph name → the proxy's URL, for the recording gateway's *_URL variables. */
  urls: Record<string, string>;
  /** The calls since the last take, in stages, and forgets them. */
  take(): Stage[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

// what belongs to one connection, not to the request (fetch refuses some of them)
const HOP_BY_HOP = new Set(["host", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/** Groups calls by time: a call that starts before every call of the current stage has ended runs in it. */
export function stagesOf(calls: readonly RecordedCall[]): Stage[] {
  const stages: Stage[] = [];
  let stageEnd = -Infinity;
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    if (call.startedAt < stageEnd) stages[stages.length - 1].push(call);
    else stages.push([call]);
    stageEnd = Math.max(stageEnd, call.endedAt);
  }
  return stages;
}

/**
 * One proxy per subgraph on a free port, with the subgraph's own path, so the gateway's signature (bound to the
 * path and the subgraph) still verifies when the proxy forwards the request unchanged.
 */
export async function startRecorder(subgraphUrls: Record<string, string>): Promise<Recorder> {
  let calls: RecordedCall[] = [];
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [subgraph, target] of Object.entries(subgraphUrls)) {
    const origin = new URL(target).origin;
    const server = createServer(async (request, response) => {
      try {
        const body = request.method === "POST" ? await readBody(request) : undefined;
        const headers = Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string" && !HOP_BY_HOP.has(entry[0])));
        const startedAt = performance.now();
        const answer = await fetch(`${origin}${request.url}`, { method: request.method, headers, body });
        const text = await answer.text();
        if (body !== undefined && request.url === new URL(target).pathname) {
          calls.push({ subgraph, url: target, identity: headers[IDENTITY_HEADER] ?? "", body, answer: text, startedAt, endedAt: performance.now() });
        }
        response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(text);
      } catch (error) {
        response.writeHead(502).end(String(error));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    urls[subgraph] = `http://127.0.0.1:${(server.address() as AddressInfo).port}${new URL(target).pathname}`;
  }
  return {
    urls,
    take() {
      const taken = stagesOf(calls);
      calls = [];
      return taken;
    },
    close: () =>
      Promise.all(
        servers.map((s) => {
          s.closeAllConnections();
          return new Promise<void>((resolve) => s.close(() => resolve()));
        }),
      ).then(() => undefined),
  };
}
