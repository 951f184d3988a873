// A course folder's structure: the manifest, the lesson files, and every mismatch between the two.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { createDiagnostic, type ContentDiagnostic } from "./diagnostics";
import { GLOSSARY_SLUG, readGlossary, type GlossaryResult } from "./glossary";
import { MANIFEST_FILE, readCourseManifest, type ManifestResult } from "./manifest";

type LessonFile = { slug: string; file: string };

export type CourseLayout = {
  dir: string;
  /** The folder name, which course.json's slug must equal. */
  courseSlug: string;
  manifest: ManifestResult;
  /** In manifest order when the manifest is valid, else every .mdx file in name order. */
  lessonFiles: LessonFile[];
  /** glossary.yaml, when the course has one (checked against the lessons later, in course-checks). */
  glossary: GlossaryResult | null;
  diagnostics: ContentDiagnostic[];
};

export async function readCourseLayout(courseDir: string): Promise<CourseLayout> {
  const dir = path.resolve(courseDir);
  const courseSlug = path.basename(dir);
  const manifest = await readCourseManifest(dir);
  const glossary = await readGlossary(dir);
  const diagnostics: ContentDiagnostic[] = [...manifest.diagnostics, ...(glossary?.diagnostics ?? [])];
  const entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith(".mdx")).map((entry) => entry.name).sort();
  const files = new Map(entries.map((name) => [path.basename(name, ".mdx"), path.join(dir, name)]));

  const lowerCase = new Map<string, string>();
  for (const slug of files.keys()) {
    const clash = lowerCase.get(slug.toLowerCase());
    if (clash) diagnostics.push(createDiagnostic(files.get(slug)!, { line: 1, column: 1 }, `lesson file name clashes with ${clash}.mdx (slugs must be unique)`));
    lowerCase.set(slug.toLowerCase(), slug);
  }

  if (!manifest.manifest) {
    return { dir, courseSlug, manifest, glossary, diagnostics, lessonFiles: [...files].map(([slug, file]) => ({ slug, file })) };
  }
  const listed = new Set(manifest.manifest.lessons);
  const lessonFiles: LessonFile[] = [];
  manifest.manifest.lessons.forEach((slug, index) => {
    if (slug === GLOSSARY_SLUG) diagnostics.push(createDiagnostic(manifest.file, manifest.locate(["lessons", index]), `course.json: "${GLOSSARY_SLUG}" is the course's glossary page and cannot be a lesson slug`));
    const file = files.get(slug);
    if (file) lessonFiles.push({ slug, file });
    else diagnostics.push(createDiagnostic(manifest.file, manifest.locate(["lessons", index]), `course.json: lesson "${slug}" has no file ${slug}.mdx`));
  });
  for (const [slug, file] of files) {
    if (!listed.has(slug)) diagnostics.push(createDiagnostic(file, { line: 1, column: 1 }, `lesson "${slug}" is not listed in ${MANIFEST_FILE} lessons`));
  }
  return { dir, courseSlug, manifest, lessonFiles, glossary, diagnostics };
}

/** Course folders under a path: the path itself if it holds a course.json, else its subfolders that do. */
export async function findCourseDirs(root: string): Promise<string[]> {
  const absolute = path.resolve(root);
  const entries = await readdir(absolute, { withFileTypes: true });
  if (entries.some((entry) => entry.isFile() && entry.name === MANIFEST_FILE)) return [absolute];
  const dirs: string[] = [];
  for (const entry of entries.filter((candidate) => candidate.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const children = await readdir(path.join(absolute, entry.name));
    if (children.includes(MANIFEST_FILE)) dirs.push(path.join(absolute, entry.name));
  }
  return dirs;
}
