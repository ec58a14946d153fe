import { EVENT_CATALOG } from "@kit/events";
import { PUBLIC_FACT_EVENTS } from "@platform/public-facts";
import { SUBGRAPHS } from "@scripts/subgraphs";

// The event catalog is the declared table of issue 11: every event has a real producer and real consumers, each
// consumer handles it and accepts it from that producer only, and no subgraph handles an event it is not sent.
// The gateway consumes the events of platform/public-facts (they clear its response cache) and no others.
const byName = new Map(SUBGRAPHS.map((module) => [module.name, module]));
const GATEWAY = "gateway";
const gatewayConsumes = (type: string) => PUBLIC_FACT_EVENTS.some((contract) => contract.type === type);

describe.each(EVENT_CATALOG.map((contract) => [contract.type, contract] as const))("event %s", (type, contract) => {
  test("comes from a subgraph of the hub and goes to others", () => {
    expect(byName.has(contract.producer)).toBe(true);
    expect(contract.consumers.length).toBeGreaterThan(0);
    for (const consumer of contract.consumers) expect([consumer, byName.has(consumer) || consumer === GATEWAY]).toEqual([consumer, true]);
    expect(contract.consumers).not.toContain(contract.producer);
  });

  test("is handled by each consumer, which lets its producer (and no one else) deliver it", () => {
    for (const consumer of contract.consumers) {
      if (consumer === GATEWAY) {
        expect(gatewayConsumes(type)).toBe(true);
        continue;
      }
      const module = byName.get(consumer)!;
      expect([consumer, module.consumes.includes(type)]).toEqual([consumer, true]);
      expect(module.serviceCalls[contract.producer]).toContain(`${consumer}ReceiveEvent`);
    }
  });
});

test("no subgraph handles an event the catalog does not send it", () => {
  for (const module of SUBGRAPHS) {
    for (const type of module.consumes) expect([module.name, type, EVENT_CATALOG.find((c) => c.type === type)?.consumers.includes(module.name)]).toEqual([module.name, type, true]);
  }
});

test("the gateway is sent exactly the events it consumes", () => {
  expect(EVENT_CATALOG.filter((contract) => contract.consumers.includes(GATEWAY)).map((c) => c.type).sort()).toEqual(PUBLIC_FACT_EVENTS.map((c) => c.type).sort());
});

test("event types are unique and versioned", () => {
  expect(new Set(EVENT_CATALOG.map((c) => c.type)).size).toBe(EVENT_CATALOG.length);
  for (const contract of EVENT_CATALOG) expect(contract.version).toBeGreaterThanOrEqual(1);
});
