import { findChromium } from "./browser";

/**
 * Runs once before the jest workers start: finds the browser for the browser tests, unpacking @sparticuz/chromium
 * into /tmp if that is the one, so two workers never unpack it at the same time (later calls find it unpacked).
 */
export default function globalSetup(): void {
  findChromium();
}
