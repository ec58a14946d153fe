import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { DataSource } from "typeorm";
import { HubContext } from "./context";
import { openDataSource, DataSourceParts, StoreConfig } from "./db";
import { formatHubError } from "../../platform/errors";
import { errorLoggingPlugin } from "../../platform/error-logging";
import { createHttpServer, listen, Listening } from "../../platform/http";
import { toViewer } from "../../platform/identity";
import { MemoryNonceStore, NonceStore, RedisNonceStore } from "../../platform/nonce-store";
import { LoaderRegistry } from "./loaders";
import { auditPlugin } from "./audit";
import { metricsRoute, serveMetrics } from "../../platform/metrics";
import { requestOutcomePlugin, requestReporter } from "../../platform/request-log";
import { buildFederatedSchema, SubgraphDefinition } from "./schema";
import { CallerKeys, checkServiceCalls, requestAuthenticator, ServiceCalls } from "./request-auth";
import { consumersOf, OutboxRelay, PeerUrls, RelaySettings } from "./events";
import { RequestSigner } from "../../platform/request-signing";
import { PublicReads, trackPublicReads } from "./public-reads";

/** Everything the kit needs to know about one subgraph: exported by its `subgraph.ts`. */
export interface SubgraphModule extends DataSourceParts {
  name: string;
  defaultPort: number;
  definition: SubgraphDefinition;
  /** Which services may call this subgraph, and which root mutations each may run (kit/request-auth). */
  serviceCalls: ServiceCalls;
  /** The event types it applies (its features' handlers; kit/events catalog). */
  consumes: readonly string[];
  /** What the gateway may cache of its answers to anonymous and partner callers; none when absent. */
  publicReads?: PublicReads;
  /** Loads this subgraph's part of the demo data when its store is empty. */
  seed: (db: DataSource) => Promise<void>;
}

export interface RunningSubgraph extends Listening {
  name: string;
  db: DataSource;
  sdl: string;
  /** Sends this subgraph's outbox to its consumers; null when started without `events` or when nothing consumes its events. */
  relay: OutboxRelay | null;
}

/** What the outbox relay needs: where the consumers listen and the key this subgraph signs its calls with. */
export interface RelayOptions {
  /** Consumer URLs by subgraph name; the map may be filled in after start (the in-process hub's free ports). */
  peers: PeerUrls;
  signer: RequestSigner | null;
  settings?: Partial<RelaySettings>;
}

export interface StartOptions {
  store: StoreConfig;
  /** Public keys of the callers this subgraph trusts (the gateway's, the calling services'). */
  callerKeys: CallerKeys;
  /** Remember signature nonces in Redis, shared by all replicas; without it, in this process's memory. */
  replay?: { redisUrl: string; keyPrefix: string };
  port: number;
  host?: string;
  /** Load the demo data when the store is empty. */
  seed?: boolean;
  /** HUB_METRICS_TOKEN: /metrics asks for it when set. */
  metricsToken?: string;
  /** Run the outbox relay (issue 11); without it events wait in the outbox (single-subgraph tests). */
  events?: RelayOptions;
}

/** Opens the store, builds the schema and serves one subgraph; `stop` drains requests and closes the pool. */
export async function startSubgraph(module: SubgraphModule, options: StartOptions): Promise<RunningSubgraph> {
  const db = await openDataSource(options.store, module);
  let nonces: NonceStore | null = null;
  try {
    if (options.seed) await module.seed(db);
    const { schema, sdl } = await buildFederatedSchema(module.definition);
    checkServiceCalls(module.name, schema, module.serviceCalls);
    const publicReads = trackPublicReads(module.name, schema, module.publicReads ?? {});
    nonces = options.replay ? await RedisNonceStore.connect(options.replay.redisUrl, options.replay.keyPrefix) : new MemoryNonceStore();
    const authenticate = requestAuthenticator(module.name, options.callerKeys, module.serviceCalls, nonces);
    const apollo = new ApolloServer<HubContext>({
      schema,
      formatError: formatHubError,
      includeStacktraceInErrorResponses: false,
      // our own SIGTERM handler drains and exits 0; Apollo's would re-raise the signal (exit 143)
      stopOnTerminationSignals: false,
      // no Apollo Studio here: inline traces would only cost CPU on every request
      // nor its landing page, which loads Apollo Sandbox from a CDN: a browser gets kit/http's text instead
      // nor cache-control hints: no field declares one, yet the plugin wraps every resolver to compute them (the
      // gateway's response cache reads kit/public-reads' declarations instead)
      plugins: [
        errorLoggingPlugin(module.name),
        requestOutcomePlugin(),
        auditPlugin(module.name),
        publicReads,
        ApolloServerPluginInlineTraceDisabled(),
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginCacheControlDisabled(),
      ],
    });
    await apollo.start();
    const server = createHttpServer<HubContext>({
      apollo,
      contextFor: async (request, rawBody, requestId) => ({ viewer: toViewer(await authenticate(request, rawBody)), requestId, loaders: new LoaderRegistry(module.name), db }),
      // the schema is built before the server listens, so a server that answers has it loaded
      ready: async () => {
        try {
          await db.query("SELECT 1");
          return { ok: true, detail: { database: "reachable", schema: "loaded" } };
        } catch {
          return { ok: false, detail: { database: "unreachable", schema: "loaded" } };
        }
      },
      routes: { "/metrics": metricsRoute({ token: options.metricsToken }) ?? serveMetrics },
      onFinished: requestReporter(module.name),
    });
    const replayStore = nonces;
    // a subgraph whose events no one consumes polls no outbox: an idle academy spent ~8 ms of CPU a second on it
    const producer = options.events && (options.events.peers.size > 0 || consumersOf(module.name).length > 0);
    const relay = options.events && producer ? new OutboxRelay(module.name, db, options.events.peers, options.events.signer, options.events.settings) : null;
    const listening = await listen(server, options.port, options.host ?? "127.0.0.1", async () => {
      await relay?.stop();
      await apollo.stop();
      await replayStore.close();
      await db.destroy();
    });
    relay?.start();
    return { ...listening, name: module.name, db, sdl, relay };
  } catch (error) {
    await nonces?.close();
    await db.destroy();
    throw error;
  }
}
