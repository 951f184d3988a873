// Where to send the browser after sign-in or sign-up: only somewhere on this site (no open redirects).
// The value is resolved the way a browser resolves it (WHATWG URL: backslashes read as slashes, dot
// segments collapsed) against the app's origin, and kept only if it stays on that origin. Control
// characters are refused outright: browsers delete tabs and newlines from URLs, so "/\t/evil.example"
// reaches them as "//evil.example", a link to another site.

// C0 controls, DEL and C1 controls, and the space (a leading space is stripped by browsers, too).
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;
// A stand-in origin for checking relative paths when the app's own is not configured.
const PLACEHOLDER_ORIGIN = "http://app.invalid";

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A same-origin path (with query and fragment) for a callbackUrl, or "/" when it would leave the site. */
export function safeCallbackPath(value: string | string[] | undefined, appOrigin: string | undefined): string {
  const raw = first(value);
  if (!raw || CONTROL_OR_SPACE.test(raw)) return "/";
  const origin = appOrigin ? new URL(appOrigin).origin : PLACEHOLDER_ORIGIN;
  // An absolute URL must name this origin itself; a relative one must be a path ("/…"), not "courses".
  if (!raw.startsWith("/") && !raw.toLowerCase().startsWith(`${origin.toLowerCase()}/`) && raw.toLowerCase() !== origin.toLowerCase()) return "/";
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin || url.username || url.password) return "/";
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback: the same rule, as an absolute URL on the app's origin. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  return new URL(safeCallbackPath(url, baseUrl), baseUrl).href;
}
