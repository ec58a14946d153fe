import { serveWithWorkers } from "../platform/cluster";
import { ConfigError, DEFAULT_SHUTDOWN_TIMEOUT_MS } from "../platform/config";
import { log } from "../platform/log";
import { loadGatewayConfig } from "./config";
import { startGateway } from "./server";

process.env.APOLLO_TELEMETRY_DISABLED = "1";

async function main(): Promise<void> {
  try {
    const config = loadGatewayConfig(process.env);
    await serveWithWorkers({
      workers: config.workers ?? 1,
      what: "gateway",
      graceMs: config.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS,
      serve: async () => {
        const gateway = await startGateway(config);
        log.info({ url: gateway.url }, "gateway listening");
        return gateway.stop;
      },
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    log.fatal({ err: error }, "gateway failed to start");
    process.exit(1);
  }
}

void main();
