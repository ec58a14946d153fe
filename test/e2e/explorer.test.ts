import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kind, OperationDefinitionNode, parse } from "graphql";
import { Browser } from "playwright-core";
import { GATEWAY_ENV, loadGatewayConfig } from "@gateway/config";
import { DEV_IDENTITIES } from "@gateway/dev-identities";
import { buildWeb } from "@scripts/build-web";
import { pinClock } from "@kit/clock";
import { ConfigError } from "@platform/config";
import { testGatewayKeyEnv } from "@kit/testing";
import examples from "@web/explorer/examples.json";
import { explorerTabs, OperationExample } from "@web/explorer/tabs";
import { launchChromium } from "../support/browser";
import { startTestGateway, startTestHub, TestHub } from "../support/hub";

// The development explorer: GraphiQL bundled locally with the demo operations as tabs and a dev token picker.
const root = join(__dirname, "..", "..");
const operationsText = readFileSync(join(root, "test", "contract", "operations.graphql"), "utf8");
const operations = parse(operationsText).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
const EXAMPLES = examples as Record<string, OperationExample>;

let hub: TestHub;
let base: string;

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10)
  const webDir = mkdtempSync(join(tmpdir(), "hub-web-"));
  await buildWeb(webDir);
  hub = await startTestHub({ webDir });
  base = hub.gateway.url.replace(/\/graphql$/, "");
});
afterAll(async () => {
  pinClock(null);
  await hub?.stop();
});

describe("development mode", () => {
  const secrets = { HUB_JWT_SECRET: "j".repeat(40), ...testGatewayKeyEnv() };

  test("is off unless HUB_DEV_TOOLS turns it on, and a bad value names the variable", () => {
    expect(loadGatewayConfig(secrets).devTools).toBe(false);
    expect(loadGatewayConfig({ ...secrets, HUB_DEV_TOOLS: "on" }).devTools).toBe(true);
    expect(() => loadGatewayConfig({ ...secrets, HUB_DEV_TOOLS: "maybe" })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...secrets, HUB_DEV_TOOLS: "maybe" })).toThrow(/HUB_DEV_TOOLS: on or off/);
    expect(GATEWAY_ENV.HUB_DEV_TOOLS.safeParse(undefined).data).toBe(false);
  });

  test("off: the gateway serves no explorer, partner page or dev token (404)", async () => {
    const gateway = await startTestGateway({});
    try {
      const at = gateway.url.replace(/\/graphql$/, "");
      for (const path of ["/explorer", "/explorer/main.js", "/partner", "/dev/roles", "/dev/token?role=FA"]) expect([path, (await fetch(at + path)).status]).toEqual([path, 404]);
    } finally {
      await gateway.stop();
    }
  });
});

describe("/explorer", () => {
  test("serves GraphiQL bundled locally: its page, script and styles", async () => {
    const page = await fetch(`${base}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('src="/explorer/main.js"');
    expect(html).toContain('href="/explorer/main.css"');
    expect(html).not.toMatch(/(src|href)="https?:/);

    const script = await fetch(`${base}/explorer/main.js`);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    const js = await script.text();
    expect(js).toContain("graphiql-session"); // GraphiQL itself is in the bundle
    const css = await (await fetch(`${base}/explorer/main.css`)).text();
    expect(css).toContain(".graphiql-container");
  });

  test("the bundle carries every operation of operations.graphql", async () => {
    const js = await (await fetch(`${base}/explorer/main.js`)).text();
    expect(operations.length).toBeGreaterThan(15);
    for (const operation of operations) expect(js).toContain(`${operation.operation} ${operation.name!.value}`);
  });

  test("one tab per operation, with its heading, the role to run it as and its DOMAIN §12 variables", () => {
    const tabs = explorerTabs(operationsText, EXAMPLES);
    expect(tabs).toHaveLength(operations.length);
    expect(Object.keys(EXAMPLES).sort()).toEqual(operations.map((o) => o.name!.value).sort());
    const roles = ["anonymous", ...DEV_IDENTITIES.map((i) => i.code)];
    operations.forEach((operation, i) => {
      const { role } = EXAMPLES[operation.name!.value];
      expect(roles).toContain(role);
      expect(tabs[i].query).toContain(`# Run it ${role === "anonymous" ? "anonymously" : `as ${role}`}`);
      expect(tabs[i].query).toContain(`${operation.operation} ${operation.name!.value}`);
      const declared = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value).sort();
      expect([operation.name!.value, Object.keys(tabs[i].variables ? JSON.parse(tabs[i].variables) : {}).sort()]).toEqual([operation.name!.value, declared]);
    });
    expect(tabs[0].query.split("\n")[0]).toBe("# Q1 — Org leader (乐竹邻) looks for a free room near 竹西社区 next Tuesday morning");
    expect(JSON.parse(tabs[0].variables)).toEqual({ area: "340111X01C01", date: "2022-03-15" });
  });
});

describe("dev tokens", () => {
  test("/dev/roles lists the demo identity behind every role of the picker", async () => {
    const roles = (await (await fetch(`${base}/dev/roles`)).json()) as { role: string; label: string; claims: Record<string, unknown> }[];
    expect(roles.map((r) => r.role).sort()).toEqual(["AC", "CS", "FA", "OL", "OM", "PO", "PT", "RV", "SS", "SUP", "VA"]);
    expect(roles.find((r) => r.role === "OL")!.claims).toEqual({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
    expect(roles.find((r) => r.role === "SS")!.claims).toMatchObject({ sub: "per_cq_street_clerk", areaCodes: ["340111X01"] });
  });

  test("/dev/token?role=OL mints a token the gateway accepts as 张某琴, leader of 乐竹邻", async () => {
    const response = await fetch(`${base}/dev/token?role=ol`);
    expect(response.status).toBe(200);
    const { role, token } = (await response.json()) as { role: string; token: string };
    expect(role).toBe("OL");
    const { body } = await hub.query(`{ me { id fullName } organization(id: "org_lezhulin") { leader { person { displayName phone } } } }`, {}, token);
    expect(body.errors).toBeUndefined();
    expect(body.data.me).toEqual({ id: "per_zhang_leader", fullName: "张某琴" });
    expect(body.data.organization.leader.person).toEqual({ displayName: "张某琴", phone: "100-0000-0001" });
  });

  test("an unknown role is refused with the roles there are", async () => {
    const response = await fetch(`${base}/dev/token?role=KING`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('Unknown role "KING": use one of OL, OM, SUP, SS, CS, AC, VA, PO, RV, FA, PT.');
  });
});

describe("in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("GraphiQL opens with the operations as tabs; the picked role's token goes with each run", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const authorizations: (string | undefined)[] = [];
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(`${base}/`)) elsewhere.push(request.url());
      if (request.url().endsWith("/graphql") && request.postData()?.includes("FreeRoomsNextTuesday")) authorizations.push(request.headers().authorization);
    });
    await page.goto(`${base}/explorer`);
    await page.locator(".graphiql-tab").first().waitFor();
    await expect(page.locator(".graphiql-tab").count()).resolves.toBe(operations.length);
    await expect(page.locator(".graphiql-tab-active").innerText()).resolves.toContain("FreeRoomsNextTuesday");

    await page.locator(".hub-token-picker select").selectOption("OL");
    await page.locator(".hub-token-state", { hasText: "as per_zhang_leader" }).waitFor();
    await page.locator('button[data-name="headers"]').click();
    await expect(page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden)").innerText()).resolves.toContain('"Authorization": "Bearer ');

    await page.locator(".graphiql-execute-button").click();
    await page.locator(".graphiql-response", { hasText: "多功能厅" }).waitFor();
    // the Chinese in the query's comments and the response, drawn in the bundled font (looked at by a person)
    await page.evaluate("document.fonts.ready.then(() => true)");
    await page.evaluate('document.body.style.display = "none"; void document.body.offsetHeight; document.body.style.display = ""');
    await page.screenshot({ path: join(root, "test-artifacts", "explorer.png") });
    expect(authorizations).toHaveLength(1);
    expect(authorizations[0]).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(Buffer.from(authorizations[0]!.split(".")[1], "base64url").toString("utf8"));
    expect(claims).toMatchObject({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });

    // another tab gets the same header when it becomes active
    await page.locator(".graphiql-tab", { hasText: "DayBoard" }).locator(".graphiql-tab-button").click();
    await expect(page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden)").innerText()).resolves.toContain('"Authorization": "Bearer ');
    expect(elsewhere).toEqual([]); // offline: nothing from a CDN or anywhere else
    await page.close();
  });
});
