import { randomUUID } from "node:crypto";
import { GraphQLDataSourceProcessOptions, ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { tokenVerifier } from "../../../gateway/auth";
import { Claims, encodeClaims, IDENTITY_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER } from "../../../platform/identity";
import { GATEWAY_KEY_ID, signRequest } from "../../../platform/request-signing";
import { loadPeerConfig, runPeer } from "./peer-config";

// The bench's stock peer (issue 12 point 3): @apollo/gateway served by @apollo/server's standalone server with
// default settings, over the same supergraph and subgraphs as the hub. Only what the subgraphs require is added:
// the caller's verified claims and a request id in headers, and the signature over the exact body, put on by a
// wrapper around RemoteGraphQLDataSource's own HTTP client (make-fetch-happen), which stays in place.

process.env.APOLLO_TELEMETRY_DISABLED = "1";

interface StockContext {
  claims: Claims;
  requestId: string;
}

class StockSignedSource extends RemoteGraphQLDataSource<StockContext> {
  constructor(subgraph: string, url: string, key: Parameters<typeof signRequest>[0]["key"]) {
    super({ url });
    const stock = this.fetcher;
    const target = { method: "POST", path: new URL(url).pathname, audience: subgraph };
    const signer = { keyId: GATEWAY_KEY_ID, key };
    this.fetcher = ((input: string, init: { method: string; headers: Record<string, string>; body: string }) => {
      const signature = signRequest(signer, { ...target, method: init.method }, init.headers[IDENTITY_HEADER], init.headers[REQUEST_ID_HEADER], init.body);
      return stock(input, { ...init, headers: { ...init.headers, [SIGNATURE_HEADER]: signature } });
    }) as typeof stock;
  }

  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<StockContext>): void {
    request.http?.headers.set(IDENTITY_HEADER, encodeClaims(context.claims));
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

runPeer(async () => {
  const config = loadPeerConfig(process.env);
  const verify = tokenVerifier({ secret: config.jwtSecret });
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) => new StockSignedSource(name, url!, config.signingKey),
  });
  const server = new ApolloServer<StockContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: config.host },
    context: async ({ req }) => ({ claims: await verify(req.headers.authorization), requestId: randomUUID() }),
  });
  process.stdout.write(`${JSON.stringify({ msg: "stock gateway listening", url })}\n`);
});
