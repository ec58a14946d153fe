import { clockIsPinned, pinClock } from "./clock";
import { ConfigError } from "../../platform/config";
import { serveWithWorkers } from "../../platform/cluster";
import { consumerUrlVariable, loadSubgraphConfig } from "./config";
import { log } from "../../platform/log";
import { startSubgraph, SubgraphModule } from "./server";
import { openDataSource } from "./db";
import { GATEWAY_CONSUMER } from "./events/catalog";

/** Entry point of a subgraph started alone (docker-compose): config from env, then serve until a signal. */
export async function runSubgraphMain(module: SubgraphModule): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  try {
    const config = loadSubgraphConfig(process.env, module.name, module.defaultPort);
    if (config.now) pinClock(config.now);
    await serveWithWorkers({
      workers: config.workers,
      what: `subgraph ${module.name}`,
      graceMs: config.shutdownTimeoutMs,
      // the migrations once, before the workers open their pools and find none pending
      prepare: async () => (await openDataSource(config.store, module)).destroy(),
      serve: async () => {
        const running = await startSubgraph(module, {
          store: config.store,
          callerKeys: config.callerKeys,
          replay: config.replay ?? undefined,
          port: config.port,
          host: config.host,
          metricsToken: config.metricsToken,
          events: { peers: config.peers, signer: config.serviceSigner, settings: config.relaySettings },
        });
        log.info({ subgraph: module.name, url: running.url, store: config.store.kind, replayCheck: config.replay ? "redis" : "memory", clockPinned: clockIsPinned() }, "subgraph listening");
        const unsent = [...config.unreachableConsumers, ...(config.serviceSigner ? [] : [...config.peers.keys()])];
        if (unsent.includes(GATEWAY_CONSUMER)) {
          log.warn({ subgraph: module.name }, `the gateway's response cache is not told what changes here: its public answers live to their TTL (set GATEWAY_EVENTS_URL${config.serviceSigner ? "" : " and HUB_SERVICE_SIGNING_KEY"})`);
        }
        const waiting = unsent.filter((consumer) => consumer !== GATEWAY_CONSUMER);
        if (waiting.length) {
          log.warn(
            { subgraph: module.name, consumers: waiting },
            `events for ${waiting.join(", ")} stay in the outbox until ${config.serviceSigner ? "" : "HUB_SERVICE_SIGNING_KEY and "}${waiting.map(consumerUrlVariable).join(", ")} are set`,
          );
        }
        return running.stop;
      },
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    log.fatal({ err: error }, `subgraph ${module.name} failed to start`);
    process.exit(1);
  }
}
