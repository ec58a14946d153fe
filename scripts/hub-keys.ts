import { createPublicKey } from "node:crypto";
import { exportKey, newSigningKey } from "../platform/request-signing";

// node dist/scripts/hub-keys.js [service …]: new Ed25519 key pairs for a deployment, as .env lines.
// The gateway's pair always; with service names (e.g. academy), a pair per subgraph that calls others as a service.

function main(services: string[]): void {
  const gateway = newSigningKey();
  const lines = [
    "# the gateway only:",
    `HUB_GATEWAY_SIGNING_KEY=${exportKey(gateway)}`,
    "# every subgraph:",
    `HUB_GATEWAY_PUBLIC_KEY=${exportKey(createPublicKey(gateway))}`,
  ];
  const publicKeys: string[] = [];
  for (const name of services) {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(name) || name === "gateway") throw new Error(`"${name}" is not a subgraph name`);
    const key = newSigningKey();
    lines.push(`# HUB_SERVICE_SIGNING_KEY of the ${name} subgraph only:`, `${name.toUpperCase().replace(/-/g, "_")}_SERVICE_SIGNING_KEY=${exportKey(key)}`);
    publicKeys.push(`${name}:${exportKey(createPublicKey(key))}`);
  }
  if (publicKeys.length > 0) lines.push("# the subgraphs these services call:", `HUB_SERVICE_PUBLIC_KEYS=${publicKeys.join(",")}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main(process.argv.slice(2));
