import { GatewayConfig } from "../gateway/config";
import { startGateway } from "../gateway/server";
import { Listening } from "../platform/http";
import { RunningSubgraph } from "../subgraphs/kit/server";
import { RelaySettings } from "../subgraphs/kit/events";
import { startTestSubgraph, TEST_CALLER_KEYS, TEST_KEYS, testSigner } from "../subgraphs/kit/testing";
import { EVENTS_PATH } from "../gateway/response-cache";
import { SUBGRAPHS } from "./subgraphs";

/** The whole hub in one process on free ports: four subgraphs on fresh stores with the demo data, and the gateway. */
export interface InProcessHub {
  gateway: Listening;
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/** For tests and benchmarks: fresh SQLite files (or MySQL databases with DATABASE_URL), the committed supergraph. */
export async function startInProcessHub(
  options: { jwtSecret: string; supergraphPath: string; webDir?: string; gateway?: Partial<GatewayConfig>; relay?: Partial<RelaySettings> } & Pick<GatewayConfig, "rateLimit" | "redisUrl">,
): Promise<InProcessHub> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  const stopSubgraphs = () => Promise.all(Object.values(subgraphs).map((s) => s.stop())).then(() => undefined);
  let gateway: Listening;
  try {
    // the relays deliver events between the subgraphs, as in npm start; the consumers' URLs follow their start
    const peers = new Map<string, string>();
    for (const module of SUBGRAPHS) subgraphs[module.name] = await startTestSubgraph(module, { seed: true, events: { peers, signer: testSigner(module.name), settings: options.relay } });
    for (const running of Object.values(subgraphs)) peers.set(running.name, running.url);
    gateway = await startGateway({
      port: 0,
      host: "127.0.0.1",
      jwtSecret: options.jwtSecret,
      signingKey: TEST_KEYS.gateway,
      supergraphPath: options.supergraphPath,
      subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
      devTools: options.webDir !== undefined,
      webDir: options.webDir,
      rateLimit: options.rateLimit,
      redisUrl: options.redisUrl,
      producerKeys: TEST_CALLER_KEYS.services,
      ...options.gateway,
    });
    // the gateway consumes the events that clear its response cache
    peers.set("gateway", gateway.url.replace(/\/graphql$/, EVENTS_PATH));
  } catch (error) {
    await stopSubgraphs(); // a half-started hub would keep the process (and jest) alive
    throw error;
  }
  return {
    gateway,
    subgraphs,
    async stop() {
      await gateway.stop();
      await stopSubgraphs();
    },
  };
}
