import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from "./config";
import { log } from "./log";

/** After the shutdown bound, how long closing the pool and Apollo may take before the process exits 1 anyway. */
export const SHUTDOWN_RELEASE_MS = 5_000;

/**
 * Stops on SIGTERM/SIGINT: `stop(graceMs)` stops accepting at once, lets in-flight requests finish within
 * `graceMs` (then cuts them) and closes the pool; then exit 0. Exit 1 only if that itself hangs or fails.
 */
export function stopOnSignals(stop: (graceMs: number) => Promise<void>, what: string, graceMs = DEFAULT_SHUTDOWN_TIMEOUT_MS): void {
  let called = false;
  const handler = (signal: string) => {
    // Ctrl-C reaches a cluster's workers from the terminal and again from their primary: one stop
    if (called) return;
    called = true;
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
