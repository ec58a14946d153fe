import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Browser, chromium } from "playwright-core";

/** Names a Chromium to drive instead of the one found by `findChromium` (e.g. a distribution's build). */
export const CHROMIUM_ENV = "HUB_CHROMIUM";
/** Debian's chromium, used when it is installed. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Chromium reaches for Google's hosts at start; this machine's closed network refuses them, many at a time.
const QUIET_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// @sparticuz/chromium's serverless flags that make the browser unlike a user's: it would drop same-origin rules, and
// in one process it dies when a test closes its last page.
const UNLIKE_A_USER = new Set(["--disable-web-security", "--allow-running-insecure-content", "--single-process"]);

export interface ChromiumBinary {
  executablePath: string;
  args: string[];
  source: "env" | "debian" | "npm";
}

/**
 * The Chromium the browser tests drive: the one named by HUB_CHROMIUM, else Debian's, else the one the npm package
 * @sparticuz/chromium ships inside its tarball (unpacked to /tmp on first use), so `npm test` needs no apt package.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumBinary {
  const named = env[CHROMIUM_ENV];
  if (named) {
    if (!existsSync(named)) throw new Error(`${CHROMIUM_ENV}=${named}, but there is no file there.`);
    return { executablePath: named, args: QUIET_ARGS, source: "env" };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: QUIET_ARGS, source: "debian" };
  // The package is ESM-only; a plain Node child imports it (and unpacks the binary) outside jest's module system.
  const script = "import c from '@sparticuz/chromium'; process.stdout.write(JSON.stringify({ path: await c.executablePath(), args: c.args }));";
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: join(__dirname, "..", ".."), encoding: "utf8" });
  const packaged = JSON.parse(out) as { path: string; args: string[] };
  const args = [...packaged.args.filter((arg) => !UNLIKE_A_USER.has(arg)), ...QUIET_ARGS.filter((arg) => !packaged.args.includes(arg))];
  return { executablePath: packaged.path, args, source: "npm" };
}

/** Launches headless Chromium (see `findChromium`); fails, never skips, when none can start. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = findChromium();
  return chromium.launch({ executablePath, args });
}
