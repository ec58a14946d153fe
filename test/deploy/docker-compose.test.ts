import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { GATEWAY_ENV, loadGatewayConfig } from "@gateway/config";
import { loadSubgraphConfig, SUBGRAPH_ENV } from "@kit/config";
import { SUBGRAPHS } from "@scripts/subgraphs";
import { consumersOf } from "@kit/events";
import { TEST_KEYS, testGatewayKeyEnv, testSubgraphKeyEnv } from "@kit/testing";
import { exportKey } from "@platform/request-signing";

const root = join(__dirname, "..", "..");
const compose = parse(readFileSync(join(root, "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, { command: string[]; environment: Record<string, string>; healthcheck: { test: string[] }; ports?: string[] }>;
};

/** Values of the expected form for the variables compose takes from .env: keys are keys, secrets 40 characters. */
const DOT_ENV: Record<string, string> = { ...testGatewayKeyEnv(), ...testSubgraphKeyEnv(), ORGANIZATIONS_SERVICE_SIGNING_KEY: exportKey(TEST_KEYS.services.organizations), VENUES_SERVICE_SIGNING_KEY: exportKey(TEST_KEYS.services.venues) };

/** Replaces `${VAR:?message}` with a value of the expected form, as docker compose would from .env. */
function substitute(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{([A-Z_]+)(:\?[^}]*)?\}/g, (_all, name: string) => DOT_ENV[name] ?? "x".repeat(40))]));
}

describe.each(SUBGRAPHS.map((m) => [m.name, m] as const))("docker-compose service %s", (name, module) => {
  const service = compose.services[name];

  test("runs this subgraph's entry point on its port and checks /ready", () => {
    expect(service.command).toEqual(["node", `dist/subgraphs/${name}/main.js`]);
    expect(existsSync(join(root, "subgraphs", name, "main.ts"))).toBe(true);
    expect(Number(service.environment.PORT)).toBe(module.defaultPort);
    expect(service.healthcheck.test.join(" ")).toContain(`127.0.0.1:${module.defaultPort}/ready`);
  });

  test("sets only variables the subgraph reads, and its config accepts them", () => {
    expect(Object.keys(service.environment).filter((key) => !(key in SUBGRAPH_ENV))).toEqual([]);
    const config = loadSubgraphConfig(substitute(service.environment), name, module.defaultPort);
    expect(config.store.kind).toBe("mysql");
    expect(config.port).toBe(module.defaultPort);
  });

  test("reaches every consumer of its events by service name and signs its deliveries with its own key", () => {
    const config = loadSubgraphConfig(substitute(service.environment), name, module.defaultPort);
    const consumers = consumersOf(name);
    expect(config.unreachableConsumers).toEqual([]);
    const urlOf = (consumer: string) => (consumer === "gateway" ? "http://gateway:4000/internal/events" : `http://${consumer}:${SUBGRAPHS.find((s) => s.name === consumer)!.defaultPort}/graphql`);
    for (const consumer of consumers) expect(config.peers.get(consumer)).toBe(urlOf(consumer));
    expect(config.serviceSigner !== null).toBe(consumers.length > 0);
  });
});

test("the gateway reaches every subgraph by its service name and reads only its own variables", () => {
  const gateway = compose.services.gateway;
  expect(gateway.command).toEqual(["node", "dist/gateway/main.js"]);
  expect(Object.keys(gateway.environment).filter((key) => !(key in GATEWAY_ENV))).toEqual([]);
  const config = loadGatewayConfig(substitute(gateway.environment));
  for (const module of SUBGRAPHS) expect(config.subgraphUrls[module.name]).toBe(`http://${module.name}:${module.defaultPort}/graphql`);
  expect(gateway.ports).toContain(`${config.port}:${config.port}`);
  // it verifies the events of the producers that clear its response cache
  expect([...(config.producerKeys?.keys() ?? [])]).toEqual(expect.arrayContaining(["organizations", "venues"]));
});

test("every service listens on all interfaces of its container, since the processes' own default is 127.0.0.1", () => {
  for (const [name, service] of Object.entries(compose.services).filter(([name]) => name !== "mysql")) {
    expect([name, service.environment.HOST]).toEqual([name, "0.0.0.0"]);
  }
  const { HOST: _host, ...withoutHost } = compose.services.gateway.environment;
  expect(loadGatewayConfig(substitute(withoutHost)).host).toBe("127.0.0.1");
});
