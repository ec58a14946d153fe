import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Browser } from "playwright-core";
import { buildWeb } from "@scripts/build-web";
import { launchChromium } from "../support/browser";
import { startTestHub, TestHub } from "../support/hub";

// No page the hub serves loads anything from outside it: the test walks every page and every asset they refer to,
// and then opens the pages in a browser and watches every request they make.

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const PAGES = ["/graphql", "/explorer", "/partner"];

/**
 * The only outside URLs the bundled libraries carry, none of which a page fetches: XML namespace names (identifiers
 * that React and CodeMirror compare, never request), and links in error messages and in GraphiQL's help, which a
 * person may follow by hand. Anything else (a CDN script, a web font, an analytics beacon) fails the test.
 */
const NEVER_FETCHED = new Set([
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/1998/Math/MathML",
  "https://reactjs.org/docs/error-decoder.html?invariant=",
  "https://yarnpkg.com/en/docs/selective-version-resolutions",
  "https://en.wikipedia.org/wiki/IEEE_floating_point",
  "https://github.com/graphql/graphiql",
  "https://github.com/graphql/graphiql/blob/master/examples/graphiql-cdn/index.html#L49",
  "https://commonmark.org/",
  "https://codemirror.net/5/doc/manual.html#keymaps",
]);

let hub: TestHub;
let origin: string;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), "hub-web-"));
  await buildWeb(webDir);
  hub = await startTestHub({ webDir });
  origin = new URL(hub.gateway.url).origin;
});
afterAll(async () => {
  await hub?.stop();
  rmSync(webDir, { recursive: true, force: true });
});

/** Every absolute http(s) URL with a host name in `text`. */
function absoluteUrls(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d+)?[^\s"'`()<>\\]*/gi)].map((match) => match[0]);
}

/** The same-origin paths a page or stylesheet refers to: src/href attributes, CSS url() and @import. */
function referencedPaths(text: string, base: string): string[] {
  const raw = [...text.matchAll(/(?:src|href)="([^"]+)"|url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return raw.filter((ref) => !ref.startsWith("data:")).map((ref) => new URL(ref, base).href);
}

test("every page, script, stylesheet and font the hub serves refers to nothing outside it", async () => {
  const queue = PAGES.map((path) => origin + path);
  const seen = new Set<string>();
  const outside: string[] = [];
  const kinds = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    expect(url.startsWith(`${origin}/`)).toBe(true); // a same-origin reference only
    const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
    expect([url, response.status]).toEqual([url, 200]);
    const type = response.headers.get("content-type") ?? "";
    kinds.add(type.split(";")[0]);
    if (type.startsWith("font/")) continue;
    const text = await response.text();
    for (const found of absoluteUrls(text)) if (!found.startsWith(origin) && !(type.startsWith("text/javascript") && NEVER_FETCHED.has(found))) outside.push(`${url}: ${found}`);
    if (type.startsWith("text/html") || type.startsWith("text/css")) queue.push(...referencedPaths(text, url));
  }
  expect(outside).toEqual([]);
  // /graphql led to the explorer; the pages' scripts, styles and the font slices their styles name were all read
  expect([...kinds].sort()).toEqual(["font/woff2", "text/css", "text/html", "text/javascript"]);
  expect([...seen].filter((url) => url.endsWith(".woff2")).length).toBe(202);
});

test("a browser at /graphql is sent to the explorer while the development tools are on", async () => {
  const response = await fetch(hub.gateway.url, { headers: { accept: BROWSER_ACCEPT }, redirect: "manual" });
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/explorer");
});

describe("in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  test.each(PAGES)("opening %s requests nothing outside the hub", async (path) => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(origin + path, { waitUntil: "networkidle" });
    await page.evaluate("document.fonts.ready.then(() => true)");
    expect(requested.length).toBeGreaterThan(2);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"))).toEqual([]);
    await page.close();
  });
});
