import cluster, { Worker } from "node:cluster";
import { aggregateWorkerMetrics, scrapeThroughPrimary } from "./cluster-metrics";
import { log } from "./log";
import { SHUTDOWN_RELEASE_MS, stopOnSignals } from "./shutdown";

// HUB_WORKERS: a process (the gateway, a subgraph) forks that many workers with node:cluster; they share its port
// (the primary accepts and hands connections round-robin), the primary serves nothing. HUB_WORKERS=1 serves here.

/** A worker that dies is replaced after this, doubling while workers keep dying young, up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** A worker that served this long died of something else than a crash loop: the backoff starts over. */
const STABLE_AFTER_MS = 60_000;

export interface ServeOptions {
  workers: number;
  /** For the log lines: "gateway", "subgraph venues". */
  what: string;
  /** SHUTDOWN_TIMEOUT_MS: each worker drains within it on SIGTERM. */
  graceMs: number;
  /** Start work done once, by the primary, before any worker starts (a subgraph's migrations). */
  prepare?: () => Promise<void>;
  /** Starts serving in this process (the only one, or a worker) and returns how to stop it. */
  serve: () => Promise<(graceMs: number) => Promise<void>>;
}

/** Serves in this process, or, with more than one worker, as the primary that forks and supervises them. */
export async function serveWithWorkers(options: ServeOptions): Promise<void> {
  if (options.workers > 1 && cluster.isPrimary) return supervise(options);
  if (options.workers > 1) {
    log.setBindings({ worker: process.pid });
    scrapeThroughPrimary();
  }
  stopOnSignals(await options.serve(), options.what, options.graceMs);
}

async function supervise({ workers, what, graceMs, prepare }: ServeOptions): Promise<void> {
  await prepare?.();
  aggregateWorkerMetrics();
  const startedAt = new Map<Worker, number>();
  const exits: (number | null)[] = [];
  let stopping = false;
  let quickDeaths = 0;
  let pendingForks = 0;
  let announced = false;
  const listening = new Set<Worker>();

  const fork = () => startedAt.set(cluster.fork(), Date.now());
  cluster.on("listening", (worker) => {
    if (announced) return void log.info({ pid: worker.process.pid }, `${what}: a replacement worker is listening`);
    listening.add(worker);
    if (listening.size < workers) return;
    announced = true;
    log.info({ workers: [...listening].map((w) => w.process.pid) }, `${what}: all ${workers} workers listening`);
  });
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      exits.push(code);
      return;
    }
    quickDeaths = lived < STABLE_AFTER_MS ? quickDeaths + 1 : 0;
    const delayMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** quickDeaths);
    log.error({ pid: worker.process.pid, code, signal, livedMs: lived, restartInMs: delayMs }, `${what}: a worker died; replacing it`);
    pendingForks++;
    setTimeout(() => {
      pendingForks--;
      if (!stopping) fork();
    }, delayMs).unref();
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    log.info({ signal, workers: running.length, graceMs, skippedRestarts: pendingForks }, `stopping ${what}: draining its workers`);
    if (running.length === 0) process.exit(0);
    // each worker stops accepting, drains within graceMs and exits itself; past that and its own release bound, killed
    for (const worker of running) worker.process.kill("SIGTERM");
    const force = setTimeout(() => {
      log.error({ graceMs }, `stopping ${what} hung; killing the workers left`);
      for (const worker of running) if (!worker.isDead()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, graceMs + SHUTDOWN_RELEASE_MS + 1_000);
    force.unref();
    cluster.on("exit", () => {
      if (running.some((w) => !w.isDead())) return;
      const failed = exits.some((code) => code !== 0);
      log.info({ exitCodes: exits }, failed ? `${what}: a worker did not stop cleanly` : `${what} stopped`);
      process.exit(failed ? 1 : 0);
    });
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));

  log.info({ workers }, `${what}: starting ${workers} workers`);
  for (let i = 0; i < workers; i++) fork();
}
