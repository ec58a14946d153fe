import { clockIsPinned, pinClock } from "./clock";
import { ConfigError, DEFAULT_SHUTDOWN_TIMEOUT_MS, loadSubgraphConfig } from "./config";
import { log } from "./log";
import { startSubgraph, SubgraphModule } from "./server";

/** After the shutdown bound, how long closing the pool and Apollo may take before the process exits 1 anyway. */
export const SHUTDOWN_RELEASE_MS = 5_000;

/**
 * Stops on SIGTERM/SIGINT: `stop(graceMs)` stops accepting at once, lets in-flight requests finish within
 * `graceMs` (then cuts them) and closes the pool; then exit 0. Exit 1 only if that itself hangs or fails.
 */
export function stopOnSignals(stop: (graceMs: number) => Promise<void>, what: string, graceMs = DEFAULT_SHUTDOWN_TIMEOUT_MS): void {
  const handler = (signal: string) => {
    const stopped = stop(graceMs); // closes the listening socket at once: the line below means "no longer accepting"
    log.info({ signal, graceMs }, `stopping ${what}`);
    const force = setTimeout(() => {
      log.error({ graceMs }, `stopping ${what} hung; exiting without an orderly stop`);
      process.exit(1);
    }, graceMs + SHUTDOWN_RELEASE_MS);
    force.unref();
    stopped.then(
      () => {
        log.info(`${what} stopped`);
        process.exit(0);
      },
      (error) => {
        log.error({ err: error }, `stopping ${what} failed`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", handler);
  process.once("SIGINT", handler);
}

/** Entry point of a subgraph started alone (docker-compose): config from env, then serve until a signal. */
export async function runSubgraphMain(module: SubgraphModule): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  try {
    const config = loadSubgraphConfig(process.env, module.name, module.defaultPort);
    if (config.now) pinClock(config.now);
    const running = await startSubgraph(module, { store: config.store, identitySecret: config.identitySecret, port: config.port, host: config.host });
    log.info({ subgraph: module.name, url: running.url, store: config.store.kind, clockPinned: clockIsPinned() }, "subgraph listening");
    stopOnSignals(running.stop, `subgraph ${module.name}`, config.shutdownTimeoutMs);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    log.fatal({ err: error }, `subgraph ${module.name} failed to start`);
    process.exit(1);
  }
}
