// Internal link checks: /courses/<course>/<lesson>#anchor, lesson-relative links and #anchors.
import { createDiagnostic, type ContentDiagnostic } from "./diagnostics";
import type { LessonFacts } from "./types";

/** What links may point at: course slug → lesson slug → its anchors (null when not analysed). */
export type LinkTargets = Map<string, Map<string, ReadonlySet<string> | null>>;

const BASE = "https://course.invalid";

function lessonPath(courseSlug: string, lessonSlug: string): string {
  return `/courses/${courseSlug}/${lessonSlug}`;
}

/** Returns a problem description, or null when the link resolves. */
export function checkInternalLink(href: string, from: LessonFacts, targets: LinkTargets): string | null {
  let url: URL;
  try {
    url = new URL(href, `${BASE}${lessonPath(from.courseSlug, from.slug)}`);
  } catch {
    return `malformed link "${href}"`;
  }
  if (url.origin !== BASE) return null;
  const anchor = decodeURIComponent(url.hash.slice(1));
  const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (segments[0] !== "courses") {
    // Relative links are written from a lesson, so anything that escapes /courses is a mistake.
    return /^(?:\/|#)/.test(href) ? null : `link "${href}" resolves to ${url.pathname}, outside /courses`;
  }
  const [, courseSlug, lessonSlug, ...rest] = segments;
  if (rest.length > 0) return `broken link "${href}": ${url.pathname} is not a course or lesson page`;
  if (lessonSlug?.endsWith(".mdx")) return `broken link "${href}": link to the lesson's slug, without .mdx`;
  if (!courseSlug) return null;
  const course = targets.get(courseSlug);
  if (!course) return `broken link "${href}": there is no course "${courseSlug}"`;
  if (!lessonSlug) return anchor ? `broken link "${href}": a course page has no #${anchor}` : null;
  if (!course.has(lessonSlug)) return `broken link "${href}": course "${courseSlug}" has no lesson "${lessonSlug}"`;
  const anchors = course.get(lessonSlug);
  if (anchor && anchors && !anchors.has(anchor)) return `broken link "${href}": lesson "${lessonSlug}" has no heading with id "${anchor}"`;
  return null;
}

export function checkLessonLinks(facts: LessonFacts, targets: LinkTargets): ContentDiagnostic[] {
  return facts.links.flatMap((link) => {
    const problem = checkInternalLink(link.href, facts, targets);
    return problem ? [createDiagnostic(facts.file, link, problem)] : [];
  });
}
