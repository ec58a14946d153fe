import { ConfigError } from "../platform/config";
import { log } from "../platform/log";
import { stopOnSignals } from "../platform/shutdown";
import { loadGatewayConfig } from "./config";
import { startGateway } from "./server";

process.env.APOLLO_TELEMETRY_DISABLED = "1";

async function main(): Promise<void> {
  try {
    const config = loadGatewayConfig(process.env);
    const gateway = await startGateway(config);
    log.info({ url: gateway.url }, "gateway listening");
    stopOnSignals(gateway.stop, "gateway", config.shutdownTimeoutMs);
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
