import { describe, expect, it } from "vitest";
import {
  addressRateLimitKey,
  assignClientAddress,
  CLIENT_ADDRESS_HEADER,
  clientAddressOf,
  compileTrustedProxies,
  normalizeAddress,
  resolveClientAddress,
} from "./client-address";

function request(remoteAddress: string | undefined, headers: Record<string, string> = {}) {
  return { socket: { remoteAddress }, headers: { ...headers } as Record<string, string | string[] | undefined> };
}

const nobody = compileTrustedProxies([]);
const localProxy = compileTrustedProxies(["loopback"]);
const twoHops = compileTrustedProxies(["10.0.0.0/8", "127.0.0.1"]);

describe("resolveClientAddress", () => {
  it("is the socket address when no proxy is trusted, whatever the headers say", () => {
    expect(resolveClientAddress(request("203.0.113.9"), nobody)).toBe("203.0.113.9");
    expect(resolveClientAddress(request("203.0.113.9", { "x-forwarded-for": "198.51.100.1" }), nobody)).toBe("203.0.113.9");
    expect(resolveClientAddress(request("127.0.0.1", { "x-forwarded-for": "198.51.100.1" }), nobody)).toBe("127.0.0.1");
  });

  it("reads X-Forwarded-For from the right behind a trusted proxy, so a client's own entries are never reached", () => {
    expect(resolveClientAddress(request("127.0.0.1", { "x-forwarded-for": "198.51.100.7" }), localProxy)).toBe("198.51.100.7");
    expect(resolveClientAddress(request("127.0.0.1", { "x-forwarded-for": "1.1.1.1, 2.2.2.2, 198.51.100.7" }), localProxy)).toBe("198.51.100.7");
    expect(resolveClientAddress(request("127.0.0.1"), localProxy)).toBe("127.0.0.1");
  });

  it("skips every trusted hop", () => {
    expect(resolveClientAddress(request("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.1.2.3" }), twoHops)).toBe("198.51.100.7");
    expect(resolveClientAddress(request("203.0.113.5", { "x-forwarded-for": "198.51.100.7" }), twoHops)).toBe("203.0.113.5");
  });

  it("blames the proxy when what it forwarded is not an address", () => {
    expect(resolveClientAddress(request("127.0.0.1", { "x-forwarded-for": "unknown" }), localProxy)).toBe("127.0.0.1");
    expect(resolveClientAddress(request("127.0.0.1", { "x-forwarded-for": "<script>" }), localProxy)).toBe("127.0.0.1");
  });

  it("unwraps IPv4-mapped IPv6 socket addresses", () => {
    expect(resolveClientAddress(request("::ffff:203.0.113.9"), nobody)).toBe("203.0.113.9");
    expect(resolveClientAddress(request("::ffff:127.0.0.1", { "x-forwarded-for": "2001:db8::1" }), localProxy)).toBe("2001:db8::1");
  });

  it("survives a socket that closed before it was read", () => {
    expect(resolveClientAddress(request(undefined), nobody)).toBe("0.0.0.0");
  });
});

describe("assignClientAddress", () => {
  it("replaces a forged client address header and removes forwarded headers from untrusted peers", () => {
    const req = request("203.0.113.9", {
      [CLIENT_ADDRESS_HEADER]: "1.2.3.4",
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=1.2.3.4",
      "x-real-ip": "1.2.3.4",
      host: "course.example",
    });
    expect(assignClientAddress(req, localProxy)).toBe("203.0.113.9");
    expect(req.headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", host: "course.example" });
  });

  it("keeps a trusted proxy's forwarded headers", () => {
    const req = request("127.0.0.1", { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https" });
    expect(assignClientAddress(req, localProxy)).toBe("198.51.100.7");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
  });
});

describe("compileTrustedProxies", () => {
  it("refuses entries that are not addresses, ranges or the named groups", () => {
    expect(() => compileTrustedProxies(["10.0.0.0/33"])).toThrow();
    expect(() => compileTrustedProxies(["my-proxy.internal"])).toThrow();
    expect(() => compileTrustedProxies(["loopback", "uniquelocal", "192.168.0.0/16", "2001:db8::/32"])).not.toThrow();
  });
});

describe("clientAddressOf and addressRateLimitKey", () => {
  it("reads the assigned header from either header shape", () => {
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddressOf({ [CLIENT_ADDRESS_HEADER]: "2001:db8::1" })).toBe("2001:db8::1");
    expect(clientAddressOf({})).toBe("0.0.0.0");
    expect(clientAddressOf({ [CLIENT_ADDRESS_HEADER]: "not an address" })).toBe("0.0.0.0");
  });

  it("keys IPv4 by address and IPv6 by its /64", () => {
    expect(addressRateLimitKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressRateLimitKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressRateLimitKey("2001:db8:1:2::ffff")).toBe(addressRateLimitKey("2001:db8:1:2:aaaa::1"));
    expect(addressRateLimitKey("2001:db8:1:3::1")).not.toBe(addressRateLimitKey("2001:db8:1:2::1"));
    expect(addressRateLimitKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("normalizes addresses and rejects the rest", () => {
    expect(normalizeAddress("2001:0db8:0000::0001")).toBe("2001:db8::1");
    expect(normalizeAddress("1.2.3")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});
