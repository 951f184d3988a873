"use client";
// JSON calls to /api/classes from the class forms, through the one browser client (lib/http/api-client.ts):
// the error message and per-field messages come back as the routes send them, or one line when the server
// cannot be reached. Writes are sent once (none carries an idempotency key).
import { ApiError, apiRequest, NETWORK_ERROR_MESSAGE } from "@/lib/http/api-client";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string; fields: Record<string, string> };

export async function sendJson<T = unknown>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    return { ok: true, data: await apiRequest<T>(url, { method, body }) };
  } catch (error) {
    return error instanceof ApiError ? { ok: false, error: error.message, fields: error.fields } : { ok: false, error: NETWORK_ERROR_MESSAGE, fields: {} };
  }
}
