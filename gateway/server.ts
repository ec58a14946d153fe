import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { formatHubError } from "../subgraphs/kit/errors";
import { createHttpServer, listen, Listening } from "../subgraphs/kit/http";
import { errorLoggingPlugin } from "../subgraphs/kit/server";
import { claimsFromAuthorization } from "./auth";
import { GatewayConfig } from "./config";
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
    buildService: ({ name, url }) => new SignedDataSource(urls[name] ?? url!, config.identitySecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatHubError,
    includeStacktraceInErrorResponses: false,
    // our own SIGTERM handler drains and exits 0; Apollo's would re-raise the signal (exit 143)
    stopOnTerminationSignals: false,
    plugins: [errorLoggingPlugin<GatewayContext>("gateway")],
  });
  await apollo.start();
  const server = createHttpServer<GatewayContext>({
    apollo,
    contextFor: async (request, _body, requestId) => ({
      claims: await claimsFromAuthorization(request.headers.authorization, config.jwtSecret),
      requestId,
    }),
    ready: async () => {
      const down: string[] = [];
      await Promise.all(
        Object.entries(urls).map(async ([name, url]) => {
          const health = await fetch(url.replace(/\/graphql$/, "/health"), { signal: AbortSignal.timeout(2000) }).catch(() => null);
          if (!health?.ok) down.push(name);
        }),
      );
      return { ok: down.length === 0, detail: down.length ? { subgraphsDown: down } : {} };
    },
  });
  return listen(server, config.port, config.host, () => apollo.stop());
}
