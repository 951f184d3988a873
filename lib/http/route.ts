import "server-only";
// The one wrapper every JSON route handler uses: same-origin check on writes, authentication and role,
// a size-limited JSON body (no prototype keys: json-body.ts) parsed with zod, and errors mapped to clean
// responses (never a stack trace).
import { z } from "zod";
import { AuthError, getCurrentUser, requireApiUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/accounts";
import type { Role } from "@/lib/auth/roles";
import { fieldErrors } from "@/lib/auth/schemas";
import { HttpError } from "./http-error";
import { parseJsonBody } from "./json-body";

export { HttpError };

export function jsonError(status: number, error: string, fields?: Record<string, string>, headers?: Record<string, string>): Response {
  return Response.json(fields ? { error, fields } : { error }, { status, headers });
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Browsers send Origin on cross-site writes; a foreign one is refused (CSRF defence beside SameSite cookies). */
export function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || !WRITE_METHODS.has(request.method)) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new HttpError(413, `Request body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new HttpError(413, `Request body is larger than ${maxBytes} bytes.`);
  return parseJsonBody(text);
}

type Access = Role | "public" | "optional-user";
type UserFor<A extends Access> = A extends Role ? SessionUser : SessionUser | null;

type RouteContext<A extends Access, B, P> = {
  request: Request;
  user: UserFor<A>;
  body: B;
  params: P;
};

export function jsonRoute<A extends Access, S extends z.ZodType | undefined = undefined, P = Record<string, string>>(options: {
  access: A;
  body?: S;
  maxBytes?: number;
  handler: (context: RouteContext<A, S extends z.ZodType ? z.infer<S> : undefined, P>) => Promise<unknown>;
}) {
  return async (request: Request, segment?: { params?: Promise<P> }): Promise<Response> => {
    try {
      if (isForeignOrigin(request)) throw new HttpError(403, "Cross-origin requests are not allowed.");
      const user =
        options.access === "public"
          ? null
          : options.access === "optional-user"
            ? await getCurrentUser()
            : await requireApiUser(options.access);
      let body: unknown = undefined;
      if (options.body) {
        const parsed = options.body.safeParse(await readJson(request, options.maxBytes ?? 64 * 1024));
        if (!parsed.success) throw new HttpError(400, "Some fields are invalid.", fieldErrors(parsed.error));
        body = parsed.data;
      }
      const params = ((await segment?.params) ?? {}) as P;
      const result = await options.handler({ request, user: user as UserFor<A>, body: body as never, params });
      return result instanceof Response ? result : Response.json(result ?? { ok: true });
    } catch (error) {
      if (error instanceof AuthError) return jsonError(error.status, error.message);
      if (error instanceof HttpError) return jsonError(error.status, error.message, error.fields, error.headers);
      console.error("route failed", request.method, new URL(request.url).pathname, error);
      return jsonError(500, "Something went wrong on our side. Your data was not changed; please try again.");
    }
  };
}
