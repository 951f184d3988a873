import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { defaultOutputDir } from "@/lib/content/output-paths";

export const dynamic = "force-dynamic";

// Development only: tells open pages that the course was recompiled (and with which errors),
// so saving a lesson under content/ updates the page within about a second.
export function GET(request: Request) {
  if (process.env.NODE_ENV !== "development") return new Response("Not found", { status: 404 });
  const dir = defaultOutputDir();
  const statusFile = path.join(dir, "dev-status.json");
  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream({
    start(controller) {
      const send = async () => {
        const status = await readFile(statusFile, "utf8").catch(() => JSON.stringify({ errors: [] }));
        controller.enqueue(encoder.encode(`data: ${status}\n\n`));
      };
      const watcher = watch(dir, (_event, name) => {
        if (name === "dev-status.json") void send();
      });
      void send();
      close = () => watcher.close();
      request.signal.addEventListener("abort", () => {
        close();
        controller.close();
      });
    },
    cancel: () => close(),
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-cache" } });
}
