// Request JSON as the route wrapper reads it: parsed, then refused when any object anywhere in it has a key
// that names a prototype slot. JSON.parse makes "__proto__" an ordinary own key, but the moment a handler
// spreads, merges or Object.assign()s it, the key reaches the prototype (pollution), so no request needs
// one and none gets one through.
import { HttpError } from "./http-error";

const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The dotted path of the first reserved key in a parsed JSON value, or null. Iterative: a 64 kB body can nest deeply. */
export function findReservedKey(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: "" }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    for (const key of Object.keys(current)) {
      const keyPath = path === "" ? key : `${path}.${key}`;
      if (RESERVED_KEYS.has(key)) return keyPath;
      stack.push({ value: (current as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return null;
}

/** Parses a request body's text; a clear 400 for text that is not JSON or that carries a reserved key. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new HttpError(400, "Request body must be JSON.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "Request body is not valid JSON.");
  }
  const reserved = findReservedKey(value);
  if (reserved !== null) {
    const key = reserved.slice(reserved.lastIndexOf(".") + 1);
    throw new HttpError(400, `Request body field "${reserved}" is not allowed: "${key}" is a reserved name.`, { [reserved]: `"${key}" is a reserved name and cannot be used as a field.` });
  }
  return value;
}
