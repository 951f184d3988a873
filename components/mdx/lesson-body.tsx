import "server-only";
import { createHash } from "node:crypto";
import { createElement } from "react";
import { LRUCache } from "lru-cache";
import { getMDXComponent } from "mdx-bundler/client";
import type { BodySegment } from "@/lib/content/lesson-body";
import type { CompiledLesson } from "@/lib/content/types";
import { lessonComponents } from "./lesson-components";
import { StaticHtml } from "./static-html";
import { registerStaticHtml } from "./static-html-registry";

const PROSE = "prose prose-zinc max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-a:text-accent-700 dark:prose-a:text-accent-300";

// Evaluating the bundle is cheap but not free; keep one component per compiled version, for the most
// recently shown lessons (every studio publish is a new version, so an unbounded map would only grow).
const components = new LRUCache<string, ReturnType<typeof getMDXComponent>>({ max: 200 });
const ids = new WeakMap<object, string>();

function staticHtmlId(segment: { html: string }): string {
  let id = ids.get(segment);
  if (!id) {
    id = createHash("sha256").update(segment.html).digest("base64url").slice(0, 22);
    ids.set(segment, id);
  }
  return id;
}

/** A wrapper's HTML attributes as React props: class becomes className; no style, no handlers. */
function wrapperProps(attributes: Record<string, string>, key: number) {
  const props: Record<string, string | number> = { key };
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "style" || name.startsWith("on")) continue;
    props[name === "class" ? "className" : name] = value;
  }
  return props;
}

type Islands = ReturnType<typeof lessonComponents>;

function renderSegments(segments: BodySegment[], islands: Islands, inDocument: boolean): React.ReactNode[] {
  return segments.map((segment, index) => {
    if (segment.kind === "html") {
      const id = staticHtmlId(segment);
      if (inDocument) registerStaticHtml(id, segment.html);
      return <StaticHtml key={index} id={id} html={inDocument ? undefined : segment.html} />;
    }
    if (segment.kind === "island") {
      const Island = islands[segment.component] as (props: Record<string, unknown>) => React.ReactNode;
      return <Island key={index} {...segment.props} />;
    }
    return createElement(segment.tagName, wrapperProps(segment.attributes, index), ...renderSegments(segment.children, islands, inDocument));
  });
}

/**
 * `inDocument`: this render becomes a document's HTML (the server entry's page cache asks with
 * x-af-document), so static HTML goes in the document only. Otherwise (a client-side navigation's RSC
 * payload) it travels as props.
 */
export function LessonBody({ lesson, inDocument = false }: { lesson: CompiledLesson; inDocument?: boolean }) {
  if (lesson.body) return <div className={PROSE}>{renderSegments(lesson.body, lessonComponents(lesson), inDocument)}</div>;
  // Lessons compiled before bodies existed (older studio revisions) render their MDX bundle.
  const key = `${lesson.courseSlug}/${lesson.slug}@${lesson.contentHash}`;
  let Content = components.get(key);
  if (!Content) {
    Content = getMDXComponent(lesson.code);
    components.set(key, Content);
  }
  return (
    <div className={PROSE}>
      {/* eslint-disable-next-line react-hooks/static-components -- cached per compiled version above, so its identity is stable across renders */}
      <Content components={lessonComponents(lesson)} />
    </div>
  );
}
