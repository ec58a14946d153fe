import { randomUUID } from "node:crypto";
import { createServer, RequestListener } from "node:http";
import { tokenVerifier } from "../../../gateway/auth";
import { Claims, encodeClaims, IDENTITY_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER } from "../../../platform/identity";
import { GATEWAY_KEY_ID, signRequest } from "../../../platform/request-signing";
import { loadPeerConfig, PeerConfig, runPeer } from "./peer-config";

// The bench's Hive Gateway peer (issue 12 point 3): @graphql-hive/gateway's runtime on a plain node http server,
// over the same supergraph and subgraphs as the hub, its defaults kept except for what the subgraphs require (a
// plugin below) and its in-flight deduplication of subgraph reads, on or off as HUB_DEDUPE_READS says.

interface SignedContext {
  claims: Claims;
  requestId: string;
}

/** The few parts of Hive's plugin API used here. */
interface FetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
}
interface SigningPlugin {
  onContextBuilding(payload: { context: { request: Request }; extendContext(extension: SignedContext): void }): Promise<void>;
  onFetch(payload: { url: string; options: FetchOptions; setOptions(options: FetchOptions): void; context?: Partial<SignedContext> }): void;
}
type Runtime = RequestListener & { dispose(): Promise<void> | void };

// required, not imported: @graphql-hive/gateway's typings augment graphql's GraphQLErrorExtensions for the whole
// program (yoga's `http.headers` as a Record), which breaks the hub's own code that sets them as a Map
const { createGatewayRuntime } = require("@graphql-hive/gateway") as { createGatewayRuntime(config: Record<string, unknown>): Runtime };

/**
 * Verifies the caller's bearer token once per request (the context) and signs every subgraph request in onFetch,
 * where the body is the exact string the transport sends: identity, request id and signature added as headers.
 * Hive's deduplication keys on URL, method and body before onFetch runs, so it never sees these headers.
 */
function signingPlugin(config: PeerConfig): SigningPlugin {
  const verify = tokenVerifier({ secret: config.jwtSecret });
  const audiences = new Map(Object.entries(config.urls).map(([name, url]) => [url, { audience: name, path: new URL(url).pathname }]));
  const signer = { keyId: GATEWAY_KEY_ID, key: config.signingKey };
  return {
    async onContextBuilding({ context, extendContext }) {
      extendContext({ claims: await verify(context.request.headers.get("authorization") ?? undefined), requestId: randomUUID() });
    },
    onFetch({ url, options, setOptions, context }) {
      const target = audiences.get(url);
      if (!target || !context?.claims || !context.requestId) return;
      const method = options.method ?? "POST";
      const identity = encodeClaims(context.claims);
      const signature = signRequest(signer, { ...target, method }, identity, context.requestId, String(options.body ?? ""));
      const headers = { ...options.headers, [IDENTITY_HEADER]: identity, [REQUEST_ID_HEADER]: context.requestId, [SIGNATURE_HEADER]: signature };
      setOptions({ ...options, headers });
    },
  };
}

runPeer(async () => {
  const config = loadPeerConfig(process.env);
  const runtime = createGatewayRuntime({
    supergraph: config.supergraphSdl,
    logging: "warn",
    readinessCheckEndpoint: "/ready",
    // the documented switch of Hive's deduplication of identical in-flight subgraph requests (default on)
    transportEntries: { "*.http": { options: { deduplicateInflightRequests: config.dedupe } } },
    plugins: () => [signingPlugin(config)],
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const stop = () => void Promise.resolve(runtime.dispose()).finally(() => server.close(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.stdout.write(`${JSON.stringify({ msg: "hive gateway listening", port: config.port })}\n`);
});
