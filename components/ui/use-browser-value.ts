"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * A value only the browser knows (the page's origin, the reader's time zone): `serverValue` in the server
 * render and during hydration, then the browser's, without a second render pass from an effect.
 */
export function useBrowserValue<T extends string | number | boolean | null>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(noSubscription, read, () => serverValue);
}
