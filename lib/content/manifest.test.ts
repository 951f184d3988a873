import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCourseManifest } from "./manifest";

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), "manifest-")), "my-course");
  await mkdir(dir);
});
afterEach(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

const manifest = { slug: "my-course", title: "T", summary: "S", audience: "A", prerequisites: [], lessons: ["one"] };

describe("course.json", () => {
  it("has no time of its own: the course's time comes from its lessons", async () => {
    await writeFile(path.join(dir, "course.json"), JSON.stringify(manifest, null, 2));
    const result = await readCourseManifest(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest).toMatchObject({ slug: "my-course", lessons: ["one"] });
  });

  it("warns on a leftover estimatedMinutes, at its line, and still reads the course", async () => {
    await writeFile(path.join(dir, "course.json"), JSON.stringify({ ...manifest, estimatedMinutes: 225 }, null, 2));
    const result = await readCourseManifest(dir);
    expect(result.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ["warning", 10, "course.json: estimatedMinutes is not used; the course's time is the sum of its lessons' estimatedMinutes, so remove it"],
    ]);
    expect(result.manifest?.slug).toBe("my-course");
  });
});
