import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { formatHubError } from "../platform/errors";
import { createHttpServer, listen, Listening } from "../platform/http";
import { serveMetrics } from "../platform/metrics";
import { requestOutcomePlugin, requestReporter } from "../platform/request-log";
import { errorLoggingPlugin } from "../platform/error-logging";
import { claimsFromAuthorization } from "./auth";
import { DEFAULT_SUBGRAPH_TIMEOUT_MS, GatewayConfig } from "./config";
import { devRoutes, redirectToExplorer } from "./dev-routes";
import { subgraphReadiness } from "./readiness";
import { GatewayContext, SignedDataSource } from "./signed-data-source";

/** The subgraph URLs the gateway calls, after config overrides. */
function subgraphUrlsOf(supergraphSdl: string, overrides: Record<string, string>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) urls[match[1]] = overrides[match[1]] ?? match[2];
  return urls;
}

/** Starts the gateway over the committed supergraph; it starts even while subgraphs are down. */
export async function startGateway(config: GatewayConfig): Promise<Listening> {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const supergraphSdl = readFileSync(config.supergraphPath, "utf8");
  const urls = subgraphUrlsOf(supergraphSdl, config.subgraphUrls);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SignedDataSource(name, urls[name] ?? url!, config.signingKey, config.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatHubError,
    includeStacktraceInErrorResponses: false,
    // our own SIGTERM handler drains and exits 0; Apollo's would re-raise the signal (exit 143)
    stopOnTerminationSignals: false,
    // Callers authenticate with a bearer token only, never a cookie, so a cross-site request carries no credential:
    // Apollo's CSRF guard would only refuse plain GET queries from ordinary GraphQL clients.
    csrfPrevention: false,
    // Apollo's landing page loads Sandbox from a CDN; a browser gets the local explorer or a short text instead
    plugins: [errorLoggingPlugin<GatewayContext>("gateway"), requestOutcomePlugin<GatewayContext>(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const server = createHttpServer<GatewayContext>({
    apollo,
    contextFor: async (request, _body, requestId) => ({
      claims: await claimsFromAuthorization(request.headers.authorization, config.jwtSecret),
      requestId,
    }),
    ready: subgraphReadiness(urls),
    routes: { "/metrics": serveMetrics, ...(config.devTools ? devRoutes({ jwtSecret: config.jwtSecret, webDir: config.webDir }) : {}) },
    browserVisit: config.devTools ? redirectToExplorer : undefined,
    onFinished: requestReporter("gateway"),
  });
  return listen(server, config.port, config.host, () => apollo.stop());
}
