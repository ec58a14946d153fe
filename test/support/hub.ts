import { join } from "node:path";
import { mintToken, TokenPayload } from "@gateway/auth";
import { GatewayConfig } from "@gateway/config";
import { startGateway } from "@gateway/server";
import { Listening } from "@platform/http";
import { RunningSubgraph } from "@kit/server";
import { TEST_KEYS } from "@kit/testing";
import { startInProcessHub } from "@scripts/in-process-hub";

export const TEST_JWT_SECRET = "test-jwt-secret-0123456789abcdef0123";
const SUPERGRAPH_PATH = join(__dirname, "..", "..", "schema", "supergraph.graphql");

/**
 * A real gateway on a free local port in front of `subgraphUrls` (name → URL; none: the gateway alone), with the
 * test secret, the test signing key and the committed supergraph; `config` overrides any of these.
 */
export function startTestGateway(subgraphUrls: Record<string, string>, config: Partial<GatewayConfig> = {}): Promise<Listening> {
  return startGateway({ port: 0, host: "127.0.0.1", jwtSecret: TEST_JWT_SECRET, signingKey: TEST_KEYS.gateway, supergraphPath: SUPERGRAPH_PATH, subgraphUrls, ...config });
}

export interface GraphQLResponse {
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** The whole hub in-process: four subgraphs on fresh stores (demo data loaded) behind the real gateway, all on free ports. */
export interface TestHub {
  gateway: Listening;
  subgraphs: Record<string, RunningSubgraph>;
  /** POSTs an operation to the gateway; `token` is sent as a bearer token. */
  query(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; body: GraphQLResponse }>;
  token(payload: TokenPayload, expiresIn?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * `webDir`: serve the development routes (explorer, partner page, dev tokens) with the web bundles built there;
 * `gateway`: gateway settings over the test defaults (token policy, production, CORS origins, a metrics token, limits,
 * trusted documents…).
 */
export async function startTestHub(options: { webDir?: string; gateway?: Partial<GatewayConfig> } = {}): Promise<TestHub> {
  const { gateway, subgraphs, stop } = await startInProcessHub({
    jwtSecret: TEST_JWT_SECRET,
    supergraphPath: SUPERGRAPH_PATH,
    webDir: options.webDir,
    gateway: options.gateway,
  });
  return {
    gateway,
    subgraphs,
    async query(query, variables = {}, token) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphQLResponse };
    },
    token: (payload, expiresIn) => mintToken(TEST_JWT_SECRET, payload, expiresIn),
    stop,
  };
}
