import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { DataSource } from "typeorm";
import { HubContext } from "./context";
import { openDataSource, DataSourceParts, StoreConfig } from "./db";
import { formatHubError } from "./errors";
import { createHttpServer, listen, Listening } from "./http";
import { IDENTITY_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER, toViewer, verifyRequest } from "./identity";
import { LoaderRegistry } from "./loaders";
import { log } from "./log";
import { serveMetrics } from "./metrics";
import { requestOutcomePlugin, requestReporter } from "./request-log";
import { buildFederatedSchema, SubgraphDefinition } from "./schema";

/** Everything the kit needs to know about one subgraph: exported by its `subgraph.ts`. */
export interface SubgraphModule extends DataSourceParts {
  name: string;
  defaultPort: number;
  definition: SubgraphDefinition;
  /** Loads this subgraph's part of the demo data when its store is empty. */
  seed: (db: DataSource) => Promise<void>;
}

/** Logs unexpected errors with the request id and puts that id on the masked INTERNAL_SERVER_ERROR. */
export function errorLoggingPlugin<C extends { requestId: string }>(component: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (!code || code === "INTERNAL_SERVER_ERROR") {
              log.error({ component, requestId: contextValue.requestId, err: error.originalError ?? error, path: error.path }, "resolver failed");
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === "INTERNAL_SERVER_ERROR") (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}

export interface RunningSubgraph extends Listening {
  name: string;
  db: DataSource;
  sdl: string;
}

export interface StartOptions {
  store: StoreConfig;
  identitySecret: string;
  port: number;
  host?: string;
  /** Load the demo data when the store is empty. */
  seed?: boolean;
}

/** Opens the store, builds the schema and serves one subgraph; `stop` drains requests and closes the pool. */
export async function startSubgraph(module: SubgraphModule, options: StartOptions): Promise<RunningSubgraph> {
  const db = await openDataSource(options.store, module);
  try {
    if (options.seed) await module.seed(db);
    const { schema, sdl } = await buildFederatedSchema(module.definition);
    const apollo = new ApolloServer<HubContext>({
      schema,
      formatError: formatHubError,
      includeStacktraceInErrorResponses: false,
      // our own SIGTERM handler drains and exits 0; Apollo's would re-raise the signal (exit 143)
      stopOnTerminationSignals: false,
      // no Apollo Studio here: inline traces would only cost CPU on every request
      // nor its landing page, which loads Apollo Sandbox from a CDN: a browser gets kit/http's text instead
      plugins: [errorLoggingPlugin(module.name), requestOutcomePlugin(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()],
    });
    await apollo.start();
    const server = createHttpServer<HubContext>({
      apollo,
      contextFor: async (request, rawBody, requestId) => {
        const header = (name: string) => {
          const value = request.headers[name];
          return Array.isArray(value) ? value[0] : value;
        };
        const claims = verifyRequest(options.identitySecret, { identity: header(IDENTITY_HEADER), signature: header(SIGNATURE_HEADER), requestId: header(REQUEST_ID_HEADER) }, rawBody);
        return { viewer: toViewer(claims), requestId, loaders: new LoaderRegistry(module.name), db };
      },
      // the schema is built before the server listens, so a server that answers has it loaded
      ready: async () => {
        try {
          await db.query("SELECT 1");
          return { ok: true, detail: { database: "reachable", schema: "loaded" } };
        } catch {
          return { ok: false, detail: { database: "unreachable", schema: "loaded" } };
        }
      },
      routes: { "/metrics": serveMetrics },
      onFinished: requestReporter(module.name),
    });
    const listening = await listen(server, options.port, options.host ?? "127.0.0.1", async () => {
      await apollo.stop();
      await db.destroy();
    });
    return { ...listening, name: module.name, db, sdl };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
