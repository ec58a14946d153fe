import cluster from "node:cluster";
import { AggregatorRegistry } from "prom-client";
import { metrics, scrapeMetricsWith } from "./metrics";

// HUB_WORKERS > 1: one scrape of /metrics reports the whole process group. The worker that serves the scrape asks
// the primary, which gathers every worker's registry over IPC (prom-client's AggregatorRegistry: counters and
// histograms summed) and answers with the text.

const REQUEST = "hub:metrics-request";
const RESPONSE = "hub:metrics-response";
/** prom-client gives up on a worker that does not answer after 5 s; the asking worker waits a little longer. */
const ANSWER_TIMEOUT_MS = 6_000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}
interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

/** In the primary: answers each worker's request for the group's metrics. */
export function aggregateWorkerMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: MetricsRequest) => {
    if (message?.type !== REQUEST) return;
    const answer = (reply: Omit<MetricsResponse, "type" | "id">) => worker.isConnected() && worker.send({ type: RESPONSE, id: message.id, ...reply });
    aggregator.clusterMetrics().then(
      (text) => answer({ text }),
      (error: Error) => answer({ error: error.message }),
    );
  });
}

/** In a worker: offers its registry to the primary's aggregation, and serves /metrics from the primary's answer. */
export function scrapeThroughPrimary(): void {
  AggregatorRegistry.setRegistries([metrics]);
  new AggregatorRegistry(); // installs prom-client's worker side: it answers the primary's requests for this registry
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  process.on("message", (message: MetricsResponse) => {
    if (message?.type !== RESPONSE) return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.text !== undefined) pending?.resolve(message.text);
    else pending?.reject(new Error(`the primary could not gather the workers' metrics: ${message.error}`));
  });
  scrapeMetricsWith(
    () =>
      new Promise<string>((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error("the primary did not answer for the workers' metrics"));
        }, ANSWER_TIMEOUT_MS);
        const settle = <T>(done: (value: T) => void) => (value: T) => (clearTimeout(timer), done(value));
        waiting.set(id, { resolve: settle(resolve), reject: settle(reject) });
        process.send!({ type: REQUEST, id } satisfies MetricsRequest);
      }),
  );
}
