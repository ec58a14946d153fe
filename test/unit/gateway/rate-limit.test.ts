import { IncomingMessage } from "node:http";
import { loadGatewayConfig, rateLimitFromEnv } from "@gateway/config";
import { clientAddress, proxyList } from "@gateway/rate-limit";
import { ConfigError } from "@platform/config";
import { testGatewayKeyEnv } from "@kit/testing";

const SECRETS = { HUB_JWT_SECRET: "j".repeat(32), ...testGatewayKeyEnv() };

test("rate limits are on by default in production only, with the defaults the README states, and HUB_RATE_LIMIT decides either way", () => {
  expect(loadGatewayConfig({ ...SECRETS }).rateLimit).toBeUndefined();
  expect(loadGatewayConfig({ ...SECRETS, NODE_ENV: "production" }).rateLimit).toEqual({
    windowSeconds: 60,
    anonymousPerIp: 600,
    perIdentity: 1200,
    signedInPerIp: 6000,
    trustedProxies: [],
  });
  expect(loadGatewayConfig({ ...SECRETS, NODE_ENV: "production", HUB_RATE_LIMIT: "off" }).rateLimit).toBeUndefined();
  const tuned = loadGatewayConfig({ ...SECRETS, HUB_RATE_LIMIT: "on", HUB_RATE_LIMIT_ANONYMOUS: "30", HUB_RATE_LIMIT_WINDOW_SECONDS: "10", HUB_TRUSTED_PROXIES: " 10.0.0.0/8, fd00::/8,192.168.1.10 " });
  expect(tuned.rateLimit).toMatchObject({ anonymousPerIp: 30, windowSeconds: 10, trustedProxies: ["10.0.0.0/8", "fd00::/8", "192.168.1.10"] });
});

test("npm start and the benchmark keep rate limits off unless HUB_RATE_LIMIT=on, whatever NODE_ENV says", () => {
  expect(rateLimitFromEnv({ NODE_ENV: "production" }).rateLimit).toBeUndefined();
  expect(rateLimitFromEnv({ HUB_RATE_LIMIT: "on", REDIS_URL: "redis://127.0.0.1:6379" })).toMatchObject({ rateLimit: { anonymousPerIp: 600 }, redisUrl: "redis://127.0.0.1:6379" });
});

test("bad rate-limit variables are named with the form they expect", () => {
  const attempt = () =>
    loadGatewayConfig({ ...SECRETS, HUB_RATE_LIMIT: "sometimes", HUB_RATE_LIMIT_IDENTITY: "0", HUB_TRUSTED_PROXIES: "10.0.0.0/33,proxy.local", REDIS_URL: "http://redis:6379" });
  expect(attempt).toThrow(ConfigError);
  expect(attempt).toThrow(/HUB_RATE_LIMIT: on or off/);
  expect(attempt).toThrow(/HUB_RATE_LIMIT_IDENTITY: a whole number of requests from 1/);
  expect(attempt).toThrow(/HUB_TRUSTED_PROXIES: comma-separated IP addresses or CIDR blocks/);
  expect(attempt).toThrow(/REDIS_URL: a redis:\/\/ or rediss:\/\/ URL/);
});

/** A request as the gateway sees it: the TCP peer and the headers. */
const request = (remoteAddress: string, forwardedFor?: string) => ({ socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as unknown as IncomingMessage;

test("the client address: the peer's, or behind trusted proxies the right-most X-Forwarded-For entry that is not one", () => {
  const none = proxyList([]);
  const proxies = proxyList(["10.0.0.0/8", "fd00::/8", "127.0.0.1"]);
  expect(clientAddress(request("203.0.113.7", "198.51.100.1"), none)).toBe("203.0.113.7");
  expect(clientAddress(request("::ffff:203.0.113.7"), none)).toBe("203.0.113.7");
  // a peer that is no trusted proxy is the client, whatever it forwards
  expect(clientAddress(request("203.0.113.7", "198.51.100.1"), proxies)).toBe("203.0.113.7");
  expect(clientAddress(request("::ffff:10.0.0.2", "198.51.100.1, 203.0.113.7"), proxies)).toBe("203.0.113.7");
  expect(clientAddress(request("fd00::1", "2001:DB8::5, fd00::2, 10.9.9.9"), proxies)).toBe("2001:db8::5");
  // only trusted hops: the left-most one is as far as anyone can tell
  expect(clientAddress(request("10.0.0.2", "10.0.0.3"), proxies)).toBe("10.0.0.3");
  expect(clientAddress(request("10.0.0.2"), proxies)).toBe("10.0.0.2");
});
