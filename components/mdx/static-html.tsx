"use client";
// A run of a lesson's static HTML (lib/content/lesson-body.ts). In a page's first HTML it arrives once, in
// the document, and not again in the RSC payload: the server-side render takes the HTML from the registry
// the server component filled, and hydration keeps what the document already shows. On a client-side
// navigation the payload carries the HTML as a prop instead. Nothing in it is interactive, so React never
// needs its elements; `display: contents` keeps the prose layout as if the wrapper were not there.
import { useState } from "react";
import { registeredStaticHtml } from "./static-html-registry";

function fromDocument(id: string): string | undefined {
  return document.querySelector(`[data-static-html="${CSS.escape(id)}"]`)?.innerHTML;
}

export function StaticHtml({ id, html }: { id: string; html?: string }) {
  const [markup] = useState(() => html ?? (typeof window === "undefined" ? registeredStaticHtml(id) : fromDocument(id)) ?? "");
  return <div data-static-html={id} className="contents" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: markup }} />;
}
