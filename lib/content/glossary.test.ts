import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildContent } from "./build-content";
import { checkContent } from "./check-content";
import { readCompiledGlossary, readSearchIndex } from "./compiled-store";
import { formatDiagnostic } from "./diagnostics";
import { parseGlossary } from "./glossary";
import { compileGlossary, glossarySearchDocuments } from "./glossary-compile";
import { loadSearchIndex } from "./search-index";

const GLOSSARY = `title: Glossary
summary: Symbols and terms.
entries:
  - id: alpha
    term: alpha
    symbol: '\\alpha'
    senses:
      - lesson: first-lesson
        section: why-proxies-fail
        meaning: A coefficient, as in $d(\\alpha - \\beta d)$.
      - lesson: second-lesson
        meaning: A risk level.
    see: [proxy]
  - id: proxy
    term: Proxy
    definition: A measurable stand-in for a goal; see [alpha](#alpha) and [the first lesson](./first-lesson#why-proxies-fail).
`;

let workDir: string;
let courseDir: string;
const glossaryFile = () => path.join(courseDir, "glossary.yaml");
const lessonFile = () => path.join(courseDir, "first-lesson.mdx");

beforeEach(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "glossary-"));
  courseDir = path.join(workDir, "courses", "good-course");
  await cp(path.join(__dirname, "fixtures/good-course"), courseDir, { recursive: true });
  await writeFile(glossaryFile(), GLOSSARY);
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const check = async () => (await checkContent([courseDir])).map((diagnostic) => formatDiagnostic(diagnostic, courseDir));

describe("glossary.yaml", () => {
  it("parses a valid glossary", () => {
    const result = parseGlossary(GLOSSARY, "glossary.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.glossary?.entries.map((entry) => entry.id)).toEqual(["alpha", "proxy"]);
  });

  it("reports schema problems at their line and column", () => {
    const broken = GLOSSARY.replace("    term: Proxy\n", "    terms: Proxy\n").replace("  - id: proxy", "  - id: alpha");
    const messages = parseGlossary(broken, "glossary.yaml").diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "15:5 glossary.yaml: unknown key \"entries[1].terms\"",
        expect.stringMatching(/^14:\d+ glossary.yaml: entries\[1\]\.term is required$/),
      ]),
    );
    const noMeaning = parseGlossary(GLOSSARY.replace(/    definition: .*\n/, ""), "glossary.yaml").diagnostics.map((d) => d.message);
    expect(noMeaning).toEqual(["glossary.yaml: entries[1] needs a definition, senses, or both"]);
    const duplicate = parseGlossary(GLOSSARY.replace("  - id: proxy", "  - id: alpha").replace("see: [proxy]", "see: [alpha]"), "glossary.yaml");
    expect(duplicate.diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual(['14 glossary.yaml: entries[1].id duplicate entry id "alpha"']);
    expect(parseGlossary("title: [unclosed\n", "glossary.yaml").diagnostics[0]?.message).toMatch(/^glossary.yaml is not valid YAML/);
  });

  it("is checked against the course: lessons, headings, 'see' ids, links and math", async () => {
    expect(await check()).toEqual([]);
    await writeFile(
      glossaryFile(),
      GLOSSARY.replace("section: why-proxies-fail", "section: no-such-heading")
        .replace("lesson: second-lesson", "lesson: third-lesson")
        .replace("see: [proxy]", "see: [proxies]")
        .replace("./first-lesson#why-proxies-fail", "./first-lesson#nowhere")
        .replace("symbol: '\\alpha'", "symbol: '\\alpha{'"),
    );
    expect(await check()).toEqual([
      "glossary.yaml:6:5 glossary.yaml: Could not render math with KaTeX: KaTeX parse error: Expected '}', got 'EOF' at end of input: \\alpha{",
      'glossary.yaml:9:9 glossary.yaml: lesson "first-lesson" has no heading with id "no-such-heading"',
      'glossary.yaml:11:9 glossary.yaml: course "good-course" has no lesson "third-lesson"',
      'glossary.yaml:13:11 glossary.yaml: "see" names no entry "proxies"',
      'glossary.yaml:16:5 glossary.yaml: broken link "./first-lesson#nowhere": lesson "first-lesson" has no heading with id "nowhere"',
    ]);
  });

  it("lets lessons link to its entries, and reports an entry that does not exist", async () => {
    const source = await readFile(lessonFile(), "utf8");
    await writeFile(lessonFile(), source.replace("Preferences are easier", "See [α](./glossary#alpha) and [the glossary](/courses/good-course/glossary#proxy). Preferences are easier"));
    expect(await check()).toEqual([]);
    await writeFile(lessonFile(), source.replace("Preferences are easier", "See [β](./glossary#beta). Preferences are easier"));
    expect(await check()).toEqual(['first-lesson.mdx:23:5 broken link "./glossary#beta": lesson "glossary" has no heading with id "beta"']);
    await rm(glossaryFile());
    expect(await check()).toEqual(['first-lesson.mdx:23:5 broken link "./glossary#beta": course "good-course" has no lesson "glossary"']);
  });

  it("reserves the slug 'glossary' for the glossary page", async () => {
    const manifestFile = path.join(courseDir, "course.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { lessons: string[] };
    await writeFile(manifestFile, JSON.stringify({ ...manifest, lessons: [...manifest.lessons, "glossary"] }, null, 2));
    expect(await check()).toContainEqual(expect.stringMatching(/^course\.json:\d+:5 course\.json: "glossary" is the course's glossary page and cannot be a lesson slug$/));
  });
});

describe("the compiled glossary", () => {
  it("renders math with KaTeX, keeps author HTML out, and gives each entry a search document at its anchor", () => {
    const hostile = GLOSSARY.replace("A risk level.", 'A risk level <img src="x" onerror="alert(1)"> [x](javascript:alert(1)).');
    const { glossary, diagnostics } = compileGlossary(parseGlossary(hostile, "glossary.yaml"), "good-course");
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).not.toContainEqual(expect.stringMatching(/KaTeX/));
    const alpha = glossary!.entries[0]!;
    expect(alpha.symbolHtml).toContain('class="katex"');
    expect(alpha.senses[0]!.meaningHtml).toContain("katex");
    expect(alpha.senses[1]!.meaningHtml).not.toMatch(/onerror|javascript:|<img/i);
    expect(alpha.searchText).toMatch(/^A coefficient, as in \. A risk level/);
    expect(alpha.searchText).not.toContain("\\alpha");
    expect(glossarySearchDocuments(glossary!)[1]).toMatchObject({ id: "good-course/glossary#proxy", courseSlug: "good-course", slug: "glossary", anchor: "proxy", lessonTitle: "Glossary", heading: "Proxy" });
  });

  it("is written by content:build, found by search, kept when broken and removed with its file", async () => {
    const outputDir = path.join(workDir, "out");
    const build = () => buildContent({ paths: [path.dirname(courseDir)], outputDir, cacheDir: null });
    expect((await build()).ok).toBe(true);
    const compiled = await readCompiledGlossary("good-course", outputDir);
    expect(compiled?.entries.map((entry) => entry.id)).toEqual(["alpha", "proxy"]);
    const index = loadSearchIndex((await readSearchIndex(outputDir))!);
    expect(index.search("stand-in")[0]).toMatchObject({ courseSlug: "good-course", slug: "glossary", anchor: "proxy" });

    await writeFile(glossaryFile(), GLOSSARY.replace("see: [proxy]", "see: [nothing]"));
    const broken = await build();
    expect(broken.ok).toBe(false);
    expect(await readCompiledGlossary("good-course", outputDir)).toEqual(compiled);
    expect(loadSearchIndex((await readSearchIndex(outputDir))!).search("stand-in")[0]).toMatchObject({ slug: "glossary", anchor: "proxy" });

    await rm(glossaryFile());
    expect((await build()).ok).toBe(true);
    expect(await readCompiledGlossary("good-course", outputDir)).toBeNull();
  });
});
