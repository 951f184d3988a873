"use client";
// JSON calls to /api/classes from the class forms: the error message and per-field messages come back as the
// routes send them (lib/http/route.ts), or one line when the server cannot be reached.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string; fields: Record<string, string> };

export async function sendJson<T = unknown>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string> };
    if (response.ok) return { ok: true, data: payload as T };
    return { ok: false, error: payload.error ?? `The server answered ${response.status}.`, fields: payload.fields ?? {} };
  } catch {
    return { ok: false, error: "Could not reach the server. Check your connection and try again.", fields: {} };
  }
}
