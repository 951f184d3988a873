// The studio's routes, called through the one browser client (lib/http/api-client.ts): its ApiError carries
// the status and the route's payload (diagnostics on a 422), and its retry rule applies (the draft's PUT is
// idempotent; after the last try the error reaches the caller, and the draft is still kept in this browser).
import { apiRequest, type RetryOptions } from "@/lib/http/api-client";

type StudioMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export function studioFetch<T>(url: string, method: StudioMethod, body?: unknown, options: { signal?: AbortSignal; retry?: RetryOptions } = {}): Promise<T> {
  return apiRequest<T>(url, { method, body, ...options });
}

export const lessonApi = (courseSlug: string, lessonSlug: string) => `/api/studio/courses/${encodeURIComponent(courseSlug)}/lessons/${encodeURIComponent(lessonSlug)}`;
