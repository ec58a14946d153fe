import { existsSync } from "node:fs";
import { Browser, chromium } from "playwright-core";

/** Debian's chromium, which the browser tests drive through playwright-core (no browser download). */
export const CHROMIUM = "/usr/bin/chromium";

/** Launches headless Debian chromium; fails (never skips) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it) to run the browser tests.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
