import { readFileSync } from "node:fs";
import { IncomingMessage } from "node:http";
import { join } from "node:path";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { formatHubError } from "../platform/errors";
import { createHttpServer, listen, Listening } from "../platform/http";
import { metricsRoute } from "../platform/metrics";
import { requestOutcomePlugin, requestReporter } from "../platform/request-log";
import { errorLoggingPlugin } from "../platform/error-logging";
import { tokenVerifier } from "./auth";
import { DEFAULT_SUBGRAPH_TIMEOUT_MS, GatewayConfig } from "./config";
import { corsFor } from "./cors";
import { devRoutes, redirectToExplorer } from "./dev-routes";
import { subgraphReadiness } from "./readiness";
import { GatewayContext, SignedDataSource } from "./signed-data-source";
import { createRateLimit, identityKey, oncePerRequest } from "./rate-limit";
import { DEFAULT_LIMITS, parserTokenCap, queryLimitsPlugin } from "./limits";
import { subgraphFetchLimit } from "./subgraph-fetches";
import { loadTrustedDocuments, readManifest, trustedDocumentsPlugin } from "./trusted-documents";
import { warmQueryPlans } from "./plan-warmup";
import { apqCache } from "./apq-cache";
import { responseCache } from "./response-cache";

/** The subgraph URLs the gateway calls, after config overrides. */
function subgraphUrlsOf(supergraphSdl: string, overrides: Record<string, string>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) urls[match[1]] = overrides[match[1]] ?? match[2];
  return urls;
}

/** /metrics behind HUB_METRICS_TOKEN when set; without one open, except in production where it is not served. */
function metricsRouteOf(config: GatewayConfig): Record<string, NonNullable<ReturnType<typeof metricsRoute>>> {
  const route = metricsRoute({ token: config.metricsToken, offWithoutToken: config.production });
  return route ? { "/metrics": route } : {};
}

/** Starts the gateway over the committed supergraph; it starts even while subgraphs are down. */
export async function startGateway(config: GatewayConfig): Promise<Listening> {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const supergraphSdl = readFileSync(config.supergraphPath, "utf8");
  const urls = subgraphUrlsOf(supergraphSdl, config.subgraphUrls);
  const verifyToken = tokenVerifier({ ...config.tokens, secret: config.jwtSecret ?? config.tokens?.secret });
  const limits = config.limits ?? DEFAULT_LIMITS;
  const manifestPath = config.trustedDocumentsPath ?? join(__dirname, "..", "trusted-documents.json");
  const trusted = config.trustedDocuments ? loadTrustedDocuments(manifestPath) : null;
  const apq = apqCache<GatewayContext>(trusted, config.redisUrl);
  const cache = responseCache(config.responseCache, config.redisUrl, config.producerKeys ?? new Map());
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SignedDataSource(name, urls[name] ?? url!, config.signingKey, config.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS, config.dedupeReads ?? true),
    experimental_didResolveQueryPlan: subgraphFetchLimit(limits),
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
    // a production schema is read from schema/supergraph.graphql, not discovered by whoever asks
    introspection: !config.production,
    // Apollo's landing page loads Sandbox from a CDN; a browser gets the local explorer or a short text instead
    plugins: [
      errorLoggingPlugin<GatewayContext>("gateway"),
      requestOutcomePlugin<GatewayContext>(),
      ApolloServerPluginLandingPageDisabled(),
      // trusted documents first: an unregistered document is refused as such, not for one of its limits
      ...(trusted ? [trustedDocumentsPlugin<GatewayContext>(trusted)] : []),
      queryLimitsPlugin<GatewayContext>(limits),
      apq.plugin,
      // after the limits and trusted documents: a refused document is never looked up
      ...cache.plugins,
    ],
    parseOptions: { maxTokens: parserTokenCap(limits) },
    persistedQueries: { cache: apq.cache },
    hideSchemaDetailsFromClientErrors: config.hideSuggestions ?? false,
  });
  await apollo.start();
  // the shipped operations are planned now rather than on their first request
  await warmQueryPlans(gateway, readManifest(manifestPath).filter((operation) => operation.type !== "subscription"));
  const rateLimit = config.rateLimit ? await createRateLimit(config.rateLimit, config.redisUrl) : null;
  // verified once per request: the rate limit counts by the token's subject before the context needs the claims
  const claimsOf = oncePerRequest((request: IncomingMessage) => verifyToken(request.headers.authorization));
  const server = createHttpServer<GatewayContext>({
    apollo,
    contextFor: async (request, _body, requestId) => ({
      claims: await claimsOf(request),
      requestId,
    }),
    admit: rateLimit ? (request) => rateLimit.admit(request, identityKey(request.headers.authorization, claimsOf(request))) : undefined,
    ready: subgraphReadiness(urls),
    postRoutes: cache.postRoutes,
    routes: {
      ...metricsRouteOf(config),
      ...(config.devTools ? devRoutes({ jwtSecret: config.jwtSecret, webDir: config.webDir, issuer: config.tokens?.issuer, audience: config.tokens?.audience }) : {}),
    },
    intercept: corsFor(config.corsOrigins ?? []),
    browserVisit: config.devTools ? redirectToExplorer : undefined,
    onFinished: requestReporter("gateway"),
  });
  return listen(server, config.port, config.host, async () => {
    await apollo.stop();
    await rateLimit?.close();
    await cache.close();
  });
}
