import Link from "next/link";
import type { CompiledGlossary, CompiledGlossaryEntry } from "@/lib/content/glossary-compile";
import type { CompiledCourse } from "@/lib/content/types";

type Props = { course: CompiledCourse; glossary: CompiledGlossary };

// The entries' HTML was rendered at compile time by the quiz-text renderer and passed through the HTML policy.
function Html({ html, className }: { html: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

function Entry({ entry, course, byId }: { entry: CompiledGlossaryEntry; course: CompiledCourse; byId: Map<string, CompiledGlossaryEntry> }) {
  const courseHref = `/courses/${course.manifest.slug}`;
  const lessonNumber = new Map(course.lessons.map((lesson, index) => [lesson.slug, { number: index + 1, title: lesson.title }]));
  return (
    <article id={entry.id} aria-labelledby={`${entry.id}-term`} className="scroll-mt-20 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <h3 id={`${entry.id}-term`} className="text-lg font-semibold">
        {entry.symbolHtml && (
          <>
            <Html html={entry.symbolHtml} /> <span className="sr-only">, </span>
          </>
        )}
        <a href={`#${entry.id}`} className="hover:underline">
          {entry.term}
        </a>
      </h3>
      {entry.definitionHtml && <div className="prose prose-zinc mt-2 max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: entry.definitionHtml }} />}
      {entry.senses.length > 0 && (
        <table className="mt-3 w-full table-fixed text-left text-sm">
          <caption className="sr-only">What {entry.term} means in each lesson</caption>
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className="w-1/3 py-1 pr-4 font-semibold">
                Lesson
              </th>
              <th scope="col" className="py-1 font-semibold">
                Meaning there
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.senses.map((sense) => {
              const lesson = lessonNumber.get(sense.lesson);
              return (
                <tr key={`${sense.lesson}#${sense.section ?? ""}`} className="border-b border-zinc-100 align-top dark:border-zinc-900">
                  <td className="py-2 pr-4">
                    <Link href={`${courseHref}/${sense.lesson}${sense.section ? `#${sense.section}` : ""}`} className="underline">
                      {lesson ? `${lesson.number}. ${lesson.title}` : sense.lesson}
                    </Link>
                  </td>
                  <td className="py-2">
                    <Html html={sense.meaningHtml} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {entry.see.length > 0 && (
        <p className="mt-2 text-sm">
          See also:{" "}
          {entry.see.map((id, index) => (
            <span key={id}>
              {index > 0 && ", "}
              <a href={`#${id}`} className="underline">
                {byId.get(id)?.term ?? id}
              </a>
            </span>
          ))}
        </p>
      )}
    </article>
  );
}

function Section({ id, title, entries, course, byId }: { id: string; title: string; entries: CompiledGlossaryEntry[]; course: CompiledCourse; byId: Map<string, CompiledGlossaryEntry> }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={id} className="space-y-6">
      <h2 id={id} className="scroll-mt-20 text-2xl font-bold">
        {title}
      </h2>
      {entries.map((entry) => (
        <Entry key={entry.id} entry={entry} course={course} byId={byId} />
      ))}
    </section>
  );
}

export function GlossaryView({ course, glossary }: Props) {
  const byId = new Map(glossary.entries.map((entry) => [entry.id, entry]));
  const symbols = glossary.entries.filter((entry) => entry.symbolHtml);
  const terms = glossary.entries.filter((entry) => !entry.symbolHtml);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/courses/${course.manifest.slug}`} className="hover:underline">
            {course.manifest.title}
          </Link>{" "}
          / Glossary
        </nav>
        <h1 className="text-3xl font-bold tracking-tight">{glossary.title}</h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">{glossary.summary}</p>
        <nav aria-label="Glossary entries" className="text-sm">
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {glossary.entries.map((entry) => (
              <li key={entry.id}>
                <a href={`#${entry.id}`} className="underline">
                  {entry.term}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <Section id="symbols" title="Symbols" entries={symbols} course={course} byId={byId} />
      <Section id="terms" title="Terms" entries={terms} course={course} byId={byId} />
    </div>
  );
}
