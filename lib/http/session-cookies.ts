// next-auth's session cookie, by name: "__Secure-" prefixed over HTTPS, split into ".0", ".1"… when large.
export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/** Set-Cookie values that delete every session cookie the request carried. */
export function expiredSessionCookies(request: Request): string[] {
  const names = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.split("=")[0]!.trim())
    .filter((name) => SESSION_COOKIE.test(name));
  return names.map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
}
