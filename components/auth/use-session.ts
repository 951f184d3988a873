"use client";
// Who is signed in, as every page's client components need it (the header, progress, due dates): one
// GET /api/auth/session per page load, shared through an external store. This replaces next-auth's
// client provider, which added about 12 kB gzip of JavaScript to every page (issue 14). Sign-in and
// sign-up still call next-auth's signIn on their own pages, then refreshSession().
import { useSyncExternalStore } from "react";

export type SessionUser = { name?: string | null; email?: string | null; role?: string };
export type SessionState =
  | { status: "loading"; data: null }
  | { status: "authenticated"; data: { user: SessionUser; expires: string } }
  | { status: "unauthenticated"; data: null };

const LOADING: SessionState = { status: "loading", data: null };
const SIGNED_OUT: SessionState = { status: "unauthenticated", data: null };

let current: SessionState = LOADING;
let started = false;
const listeners = new Set<() => void>();

function publish(next: SessionState) {
  current = next;
  for (const listener of listeners) listener();
}

/** Asks the server again (after signing in, say) and tells every component using the session. */
export async function refreshSession(): Promise<void> {
  started = true;
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store" });
    const body = response.ok ? ((await response.json()) as { user?: SessionUser; expires?: string } | null) : null;
    publish(body?.user ? { status: "authenticated", data: { user: body.user, expires: body.expires ?? "" } } : SIGNED_OUT);
  } catch {
    // Offline: act signed out (progress goes to this browser), as next-auth's provider did.
    publish(SIGNED_OUT);
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!started) void refreshSession();
  return () => void listeners.delete(listener);
}

/** The session as last fetched (or "loading"); what useSession renders. */
export function sessionSnapshot(): SessionState {
  return current;
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, sessionSnapshot, () => LOADING);
}

/** Ends this session the way next-auth's client does (CSRF token, then POST), then loads `callbackUrl`. */
export async function signOut(callbackUrl = "/"): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  window.location.assign(new URL(callbackUrl, window.location.href).href);
}
