// Hands a lesson's static HTML from the server-component render to the server-side render of
// <StaticHtml> (components/mdx/static-html.tsx) without putting it in the RSC payload: both renders run in
// the same Node process for one request, and the HTML is keyed by its own hash, so any render of the same
// text finds it. Bounded: the oldest entries go first.
const KEY = Symbol.for("alignment-foundations.static-html");
const MAX_ENTRIES = 2000;

function registry(): Map<string, string> {
  const global = globalThis as { [KEY]?: Map<string, string> };
  return (global[KEY] ??= new Map<string, string>());
}

export function registerStaticHtml(id: string, html: string): void {
  const entries = registry();
  if (entries.has(id)) return;
  entries.set(id, html);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

export function registeredStaticHtml(id: string): string | undefined {
  return registry().get(id);
}
