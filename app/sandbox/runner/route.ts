import { runnerDocument } from "@/components/sandbox/runner/runner-document";
import { runnerCsp } from "@/lib/security/security-headers.mjs";

// The frame that runs learner-written properties (docs/decisions/0013-learner-code-runner.md). Built at
// build time; its policy makes it an opaque origin that can make no request.
export const dynamic = "force-static";

export async function GET() {
  const { html, scriptHash } = await runnerDocument();
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": runnerCsp(scriptHash) },
  });
}
