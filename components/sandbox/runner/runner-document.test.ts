import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runnerCsp } from "@/lib/security/security-headers.mjs";
import { runnerDocument } from "./runner-document";

describe("the runner frame's document", () => {
  it("is one inline script, allowed by its hash, with the learner worker inside and no URL to load", async () => {
    const { html, scriptHash } = await runnerDocument();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    const script = scripts[0]![1]!;
    expect(scriptHash).toBe(`sha256-${createHash("sha256").update(script, "utf8").digest("base64")}`);
    expect(script).toMatch(/^[\x20-\x7e\n]*$/); // ASCII: the hash does not depend on an encoding
    expect(script).toContain("new Worker");
    expect(script).toContain("postMessage");
    expect(html).not.toMatch(/\bsrc=|\bhref=/);
  }, 60_000);

  it("gets a policy that makes it an opaque origin with no network", async () => {
    const { scriptHash } = await runnerDocument();
    const policy = new Map(runnerCsp(scriptHash).split("; ").map((part) => [part.split(" ")[0]!, part.split(" ").slice(1)]));
    expect(policy.get("sandbox")).toEqual(["allow-scripts"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("script-src")).toEqual([`'${scriptHash}'`, "'unsafe-eval'"]);
    expect(policy.get("worker-src")).toEqual(["blob:"]);
    expect(policy.get("frame-ancestors")).toEqual(["'self'"]);
    for (const directive of ["connect-src", "img-src", "font-src", "style-src", "frame-src", "child-src", "media-src", "object-src"]) {
      expect(policy.has(directive), directive).toBe(false); // falls back to default-src 'none'
    }
  }, 60_000);
});
