import { BlockList, isIP } from "node:net";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/**
 * Whether a socket's remote address is this machine (127.0.0.0/8, ::1, or ::ffff:127.x). Only the TCP peer counts:
 * a header such as X-Forwarded-For is the client's to write.
 */
export function isLoopback(remoteAddress: string | undefined): boolean {
  if (!remoteAddress) return false;
  const family = isIP(remoteAddress);
  if (family === 4) return loopback.check(remoteAddress, "ipv4");
  if (family === 6) return loopback.check(remoteAddress, "ipv6");
  return false;
}
