// Who is on the other end of a request. The app server (scripts/server.ts) computes it once per request
// from the socket and, only when the socket belongs to a proxy the operator trusts (TRUSTED_PROXIES), from
// X-Forwarded-For; it hands the answer to the app in CLIENT_ADDRESS_HEADER after deleting any copy the
// client sent. Route handlers cannot see the socket, and `next start` alone cannot tell a forwarded
// header it added from one the client forged, hence this step in front of Next.
// Framework-free: used by the server entry, the route handlers and the unit tests.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import proxyAddr from "proxy-addr";

/** Set in the environment by the app server (scripts/server.ts) before Next starts; instrumentation.ts
 * refuses to serve in production without it, because then nothing would overwrite a forged header. */
export const APP_SERVER_MARK = "AF_APP_SERVER";

/** The header the app server sets; anything a client sends under this name is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-af-client-address";

/** Headers a proxy sets about the client. From anyone but a trusted proxy they are forgeries, and removed. */
const FORWARDED_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"] as const;

export type TrustProxy = (address: string, hop: number) => boolean;

const TRUST_NOBODY: TrustProxy = () => false;

/**
 * The trust rule for a list of proxies: addresses, CIDR ranges ("10.0.0.0/8", "fd00::/8"), or the names
 * "loopback", "linklocal" and "uniquelocal" (proxy-addr's syntax, as Express's "trust proxy"). An empty
 * list trusts nobody. Throws on an entry that is not one of those.
 */
export function compileTrustedProxies(list: readonly string[]): TrustProxy {
  return list.length === 0 ? TRUST_NOBODY : proxyAddr.compile([...list]);
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; anything that is not an IP address → null. */
export function normalizeAddress(address: string | undefined): string | null {
  if (!address || isIP(address) === 0) return null;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  return parsed.toString();
}

type RequestLike = Pick<IncomingMessage, "headers"> & { socket: { remoteAddress?: string } };

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then X-Forwarded-For is read
 * from the right, skipping trusted proxies, and the first address not trusted is the client. What a
 * client wrote at the left of the header is never reached, because its own proxy appended the real one.
 */
export function resolveClientAddress(request: RequestLike, trust: TrustProxy): string {
  const socketAddress = normalizeAddress(request.socket.remoteAddress) ?? "0.0.0.0"; // a socket closed before we looked
  let resolved: string | undefined;
  try {
    resolved = proxyAddr(request as IncomingMessage, trust);
  } catch {
    resolved = undefined;
  }
  // A trusted proxy that forwarded something other than an address gets the blame: key on the proxy.
  return normalizeAddress(resolved) ?? socketAddress;
}

/**
 * Rewrites the request's headers in place: forwarded headers survive only from a trusted proxy, and the
 * client address header is always the server's own answer. Returns the address.
 */
export function assignClientAddress(request: RequestLike, trust: TrustProxy): string {
  const address = resolveClientAddress(request, trust);
  const fromTrustedProxy = trust(normalizeAddress(request.socket.remoteAddress) ?? "", 0);
  if (!fromTrustedProxy) for (const name of FORWARDED_HEADERS) delete request.headers[name];
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

/** The address the app server assigned, as route handlers read it. */
export function clientAddressOf(headers: Headers | IncomingHttpHeaders | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const address = normalizeAddress(Array.isArray(value) ? value[0] : (value ?? undefined));
  // The app server always sets it (instrumentation.ts refuses to run without it in production); a
  // request without it comes from a test harness or `next dev` run by hand, and counts as one client.
  return address ?? "0.0.0.0";
}

/**
 * The key a per-address rate limit counts under. IPv4: the address. IPv6: its /64, the block one
 * household or host usually holds, since one machine can use any of its 2^64 addresses.
 */
export function addressRateLimitKey(address: string): string {
  const normalized = normalizeAddress(address);
  if (!normalized) return "unknown";
  const parsed = ipaddr.parse(normalized);
  if (parsed.kind() === "ipv4") return normalized;
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${parts.join(":")}::/64`;
}
