import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Browser, Page } from "playwright-core";
import { buildWeb } from "@scripts/build-web";
import { pinClock } from "@kit/clock";
import { launchChromium } from "../support/browser";
import { startTestHub, TestHub } from "../support/hub";

// The partner page as a person sees it in a browser: the demo community 竹西社区 on the demo's today.
const SCREENSHOT = join(__dirname, "..", "..", "test-artifacts", "partner-ui.png");
const PARTNER_OPERATIONS = ["PartnerCommunities", "PartnerDirectory", "PartnerDayBoard"];

let hub: TestHub;
let browser: Browser;
let page: Page;
const sent: { operationName: unknown; authorization?: string }[] = [];
const requested: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10)
  const webDir = mkdtempSync(join(tmpdir(), "hub-web-"));
  await buildWeb(webDir);
  hub = await startTestHub({ webDir });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: "zh-CN" });
  page.on("request", (request) => {
    requested.push(request.url());
    if (request.url().endsWith("/graphql")) sent.push({ operationName: JSON.parse(request.postData() ?? "{}").operationName, authorization: request.headers().authorization });
  });
  await page.goto(hub.gateway.url.replace(/\/graphql$/, "/partner"));
  await page.locator('[data-room="多功能厅"] .busy').first().waitFor();
  await page.evaluate("document.fonts.ready.then(() => true)"); // the font slices the page's characters need
  // The packaged headless shell does not repaint text first drawn before its font slice arrived (a desktop browser
  // swaps it in); one forced layout draws it again, so the screenshot shows what a person sees.
  await page.evaluate('document.body.style.display = "none"; void document.body.offsetHeight; document.body.style.display = ""');
});

afterAll(async () => {
  pinClock(null);
  await browser?.close();
  await hub?.stop();
});

test("竹西社区's organizations show with category, legal form, masked leader, rating and 2021 service stats", async () => {
  await expect(page.locator("h1").innerText()).resolves.toContain("竹西社区");
  const lezhulin = page.locator('tr[data-org="乐竹邻志愿服务队"]');
  await expect(lezhulin.locator(".leader").innerText()).resolves.toBe("张*琴");
  await expect(lezhulin.innerText()).resolves.toMatch(/困难帮扶类\s+已备案/);
  await expect(lezhulin.locator(".stars").innerText()).resolves.toBe("暂无评级"); // the 2022 star pilot runs in 蜀山经开区 only
  await expect(lezhulin.locator(".events").innerText()).resolves.toBe("86");
  await expect(lezhulin.locator(".visits").innerText()).resolves.toBe("1567");
  await expect(lezhulin.locator(".hours").innerText()).resolves.toBe("1629.5");
  await expect(page.locator("thead").innerText()).resolves.toContain("2021年服务");
});

test("竹西社区党群服务中心's rooms show their busy blocks on 2022-03-15, private titles as 已预约", async () => {
  const centre = page.locator('[data-facility="竹西社区党群服务中心"]');
  await expect(page.locator("h2", { hasText: "活动场地" }).innerText()).resolves.toContain("2022-03-15");
  await expect(centre.locator('[data-room="多功能厅"] .busy').allInnerTexts()).resolves.toEqual(["14:00–16:00 老年人防诈骗讲座"]);
  await expect(centre.locator('[data-room="活动室A"] .busy').allInnerTexts()).resolves.toEqual(["09:00–11:00 手工兴趣小组"]);
  await expect(centre.locator('[data-room="会议室"] .busy').allInnerTexts()).resolves.toEqual(["10:00–11:30 已预约"]);
});

test("no phone number appears anywhere on the page", async () => {
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/\d{3}-\d{4}-\d{4}/);
  expect(text).not.toMatch(/1\d{10}/);
  expect(await page.content()).not.toContain("100-0000");
});

test("the page sends only its fixed, named operations, anonymously", () => {
  expect(sent.length).toBeGreaterThanOrEqual(3);
  for (const request of sent) {
    expect(PARTNER_OPERATIONS).toContain(request.operationName);
    expect(request.authorization).toBeUndefined();
  }
});

test("Chinese is drawn in the hub's own Noto Sans SC, loading only the slices of the characters on the page", async () => {
  const origin = new URL(hub.gateway.url).origin;
  const fonts = requested.filter((url) => url.endsWith(".woff2"));
  expect(fonts.length).toBeGreaterThan(0);
  for (const url of fonts) expect(url).toMatch(new RegExp(`^${origin}/assets/noto-sans-sc-[\\w-]+\\.woff2$`));
  expect(fonts.length).toBeLessThan(80); // of 202 slices (two weights): unicode-range at work
  // (run in the page, written as text: the tests are compiled without the DOM's types)
  const drawn = (await page.evaluate(`({
    loaded: [...document.fonts].filter((face) => face.family.replace(/"/g, "") === "Noto Sans SC" && face.status === "loaded").length,
    covers: document.fonts.check('15px "Noto Sans SC"', "竹西社区公开信息负责人姓名已脱敏"),
  })`)) as { loaded: number; covers: boolean };
  expect(drawn.loaded).toBe(fonts.length);
  expect(drawn.covers).toBe(true);
});

test("a screenshot of the page is kept as a test artifact", async () => {
  mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test("picking another community shows its organizations", async () => {
  await page.locator("select").selectOption("340104Z01C01");
  await page.locator('tr[data-org="加侨飞扬志愿服务队"]').waitFor();
  await expect(page.locator("h1").innerText()).resolves.toContain("蜀麓苑社区");
  await expect(page.locator('tr[data-org="加侨飞扬志愿服务队"] .leader').innerText()).resolves.toBe("刘*明");
  expect(page.url()).toContain("community=340104Z01C01");
});
