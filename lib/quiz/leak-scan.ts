// The answer-key leak scanner: looks for any quiz explanation or feedback text, and for answer-key JSON
// shapes, in what the browser can download before submitting (static assets, lesson HTML, RSC payloads).
// Pure: scripts/leak-scan.ts does the file reading.
//
// A secret is split into its text runs (the text between tags), because that is how it survives rendering:
// in HTML, in an RSC payload or in a JS bundle each text node is one contiguous string, often escaped.
// Both sides are normalised (JS escapes and HTML entities decoded, whitespace collapsed, lower case), and a
// run of at least `minLength` characters is looked for as overlapping windows of `windowLength`, so a leak
// is still caught when one spot of it was escaped or formatted differently.
// A secret counts as leaked in a file when most of its windows (more than `coverageThreshold`) occur there:
// a copy of the secret matches all or nearly all of them, while lesson prose that shares a phrase with an
// explanation (authors quote their own lesson; the course has such sentences) matches a minority.

/** The parts of a QuizDefinition the scanner reads; QuizDefinition itself fits. */
export type ScannableQuiz = {
  id: string;
  items: ReadonlyArray<{
    id: string;
    promptHtml?: string;
    explanationHtml?: string | null;
    choices: ReadonlyArray<{ id: string; labelHtml?: string; feedbackHtml?: string | null }>;
    /** Numeric items: their feedback is as secret as choice feedback. */
    numericKey?: { feedbackCorrectHtml?: string | null; feedbackIncorrectHtml?: string | null };
  }>;
};

type SecretKind = "explanation" | "feedback";

export type QuizSecret = {
  quizId: string;
  itemId: string;
  choiceId: string | null;
  kind: SecretKind;
  /** The whole secret as plain text, for the report. */
  text: string;
  /** Normalised windows (each ≥ minLength characters); most of them in one file means a leak. */
  needles: string[];
};

export type LeakScanOptions = {
  /** Shortest text run worth looking for; shorter ones are too common to prove a leak. Default 24. */
  minLength?: number;
  /** Window length for long runs. Default 40. */
  windowLength?: number;
  /** A secret leaks when more than this share of its windows occur in one file, 0..1. Default 0.5 (a majority). */
  coverageThreshold?: number;
};

export type Leak =
  | { file: string; type: "secret"; quizId: string; itemId: string; choiceId: string | null; kind: SecretKind; secret: string; matched: string; coverage: number; excerpt: string }
  | { file: string; type: "key-pattern"; pattern: string; count: number; excerpt: string };

export type ScannedFile = { path: string; text: string };

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ndash: "–", mdash: "—", hellip: "…",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", times: "×", minus: "−", middot: "·",
};

function codePoint(value: number): string {
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : "";
}

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") return codePoint(body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)) || whole;
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Undoes JS/JSON string escaping (twice, for JSON inside a JS string, as in inlined RSC payloads). */
export function decodeJsEscapes(text: string): string {
  const once = (input: string) =>
    input.replace(/\\(u\{[0-9a-f]+\}|u[0-9a-f]{4}|x[0-9a-f]{2}|[\s\S])/gi, (_, esc: string) => {
      if (esc[0] === "u" && esc[1] === "{") return codePoint(parseInt(esc.slice(2, -1), 16));
      if ((esc[0] === "u" || esc[0] === "x") && esc.length > 1) return codePoint(parseInt(esc.slice(1), 16));
      if (esc === "n" || esc === "r" || esc === "t") return " ";
      return esc;
    });
  return once(once(text));
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, " ").trim().toLowerCase();
}

/** What a downloaded file is compared in: escapes and entities decoded, whitespace collapsed, lower case. */
export function normaliseHaystack(text: string): string {
  return collapse(decodeHtmlEntities(decodeJsEscapes(text)));
}

/** The text runs of an HTML fragment, each normalised. */
export function textRuns(html: string): string[] {
  return html
    .split(/<[^>]*>/)
    .map((run) => collapse(decodeHtmlEntities(run)))
    .filter((run) => run.length > 0);
}

/** Plain text of an HTML fragment, for reports. */
function plainText(html: string): string {
  return textRuns(html).join(" ");
}

function windows(run: string, windowLength: number): string[] {
  if (run.length <= windowLength) return [run];
  const starts: number[] = [];
  const step = Math.max(1, Math.floor(windowLength / 2));
  for (let start = 0; start + windowLength < run.length; start += step) starts.push(start);
  starts.push(run.length - windowLength);
  return starts.map((start) => run.slice(start, start + windowLength));
}

export type CollectedSecrets = {
  secrets: QuizSecret[];
  /** Secrets with no run long enough to look for: the report should list them, as they go unchecked. */
  tooShort: Array<Omit<QuizSecret, "needles">>;
};

/**
 * Every explanation and feedback string of the quizzes, with the needles to look for.
 * A needle that also occurs in public quiz text (a prompt or a choice label) is dropped:
 * it reaches the browser anyway, so finding it proves nothing.
 */
export function collectSecrets(quizzes: readonly ScannableQuiz[], options: LeakScanOptions = {}): CollectedSecrets {
  const minLength = options.minLength ?? 24;
  const windowLength = Math.max(minLength, options.windowLength ?? 40);
  const publicText = quizzes
    .flatMap((quiz) => quiz.items.flatMap((item) => [item.promptHtml ?? "", ...item.choices.map((choice) => choice.labelHtml ?? "")]))
    .flatMap(textRuns)
    .join("\n");

  const secrets: QuizSecret[] = [];
  const tooShort: CollectedSecrets["tooShort"] = [];
  const add = (base: Omit<QuizSecret, "needles" | "text">, html: string | null | undefined) => {
    if (!html) return;
    const needles = [...new Set(textRuns(html).filter((run) => run.length >= minLength).flatMap((run) => windows(run, windowLength)))].filter(
      (needle) => !publicText.includes(needle),
    );
    const entry = { ...base, text: plainText(html) };
    if (needles.length === 0) tooShort.push(entry);
    else secrets.push({ ...entry, needles });
  };
  for (const quiz of quizzes) {
    for (const item of quiz.items) {
      add({ quizId: quiz.id, itemId: item.id, choiceId: null, kind: "explanation" }, item.explanationHtml);
      for (const choice of item.choices) add({ quizId: quiz.id, itemId: item.id, choiceId: choice.id, kind: "feedback" }, choice.feedbackHtml);
      add({ quizId: quiz.id, itemId: item.id, choiceId: "numeric: correct", kind: "feedback" }, item.numericKey?.feedbackCorrectHtml);
      add({ quizId: quiz.id, itemId: item.id, choiceId: "numeric: incorrect", kind: "feedback" }, item.numericKey?.feedbackIncorrectHtml);
    }
  }
  return { secrets, tooShort };
}

/** Answer-key shapes that must never reach the browser, checked on the normalised text. */
const KEY_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: '"correct":true|false', pattern: /"correct"\s*:\s*(?:true|false)\b/g },
  { name: '"explanationHtml"', pattern: /"explanationhtml"/g },
  { name: '"feedbackHtml"', pattern: /"feedbackhtml"/g },
  // A numeric item's key: the answer and tolerance travel only inside numericKey.
  { name: '"numericKey"', pattern: /"numerickey"|"feedbackcorrecthtml"|"feedbackincorrecthtml"/g },
  // A minified client bundle writes {correct:true} as {correct:!0}.
  { name: "correct:!0|!1 (minified)", pattern: /[{,]\s*correct\s*:\s*(?:!0|!1|true|false)\s*[,}]/g },
];

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 40);
  const end = Math.min(text.length, index + length + 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

/**
 * All needles indexed by a rolling hash of their first `keyLength` characters (Rabin–Karp), so one pass over
 * a file finds every needle: a build's static folder holds megabytes and a course thousands of needles.
 */
type NeedleIndex = { keyLength: number; byHash: Map<number, Array<{ needle: string; secret: QuizSecret }>> };

const HASH_BASE = 0x01000193;

function hashKey(text: string, start: number, length: number): number {
  let hash = 0;
  for (let i = start; i < start + length; i++) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) >>> 0;
  return hash;
}

const indexCache = new WeakMap<readonly QuizSecret[], NeedleIndex>();

function needleIndex(secrets: readonly QuizSecret[]): NeedleIndex {
  const cached = indexCache.get(secrets);
  if (cached) return cached;
  const keyLength = Math.min(...secrets.flatMap((secret) => secret.needles.map((needle) => needle.length)));
  const byHash: NeedleIndex["byHash"] = new Map();
  for (const secret of secrets) {
    for (const needle of secret.needles) {
      const hash = hashKey(needle, 0, keyLength);
      byHash.set(hash, [...(byHash.get(hash) ?? []), { needle, secret }]);
    }
  }
  const index = { keyLength, byHash };
  indexCache.set(secrets, index);
  return index;
}

type SecretMatches = { needles: Set<string>; first: { needle: string; index: number } };

/** For each secret with any needle in the haystack: the needles found and the first match. */
function findSecrets(haystack: string, secrets: readonly QuizSecret[]): Map<QuizSecret, SecretMatches> {
  const found = new Map<QuizSecret, SecretMatches>();
  if (secrets.length === 0) return found;
  const { keyLength, byHash } = needleIndex(secrets);
  if (haystack.length < keyLength) return found;
  let power = 1; // HASH_BASE^(keyLength − 1) mod 2^32, to drop the outgoing character
  for (let i = 1; i < keyLength; i++) power = Math.imul(power, HASH_BASE) >>> 0;
  let hash = hashKey(haystack, 0, keyLength);
  for (let start = 0; ; start++) {
    const candidates = byHash.get(hash);
    if (candidates) {
      for (const { needle, secret } of candidates) {
        if (found.get(secret)?.needles.has(needle) || !haystack.startsWith(needle, start)) continue;
        const matches = found.get(secret);
        if (matches) matches.needles.add(needle);
        else found.set(secret, { needles: new Set([needle]), first: { needle, index: start } });
      }
    }
    const next = start + keyLength;
    if (next >= haystack.length) break;
    hash = (hash - Math.imul(haystack.charCodeAt(start), power)) >>> 0;
    hash = (Math.imul(hash, HASH_BASE) + haystack.charCodeAt(next)) >>> 0;
  }
  return found;
}

/** Leaks in one file's text: each leaked secret once (with its first match), each key pattern once with a count. */
export function scanText(file: string, text: string, secrets: readonly QuizSecret[], options: Pick<LeakScanOptions, "coverageThreshold"> = {}): Leak[] {
  const coverageThreshold = options.coverageThreshold ?? 0.5;
  const haystack = normaliseHaystack(text);
  const leaks: Leak[] = [];
  const found = findSecrets(haystack, secrets);
  for (const secret of secrets) {
    const matches = found.get(secret);
    if (!matches) continue;
    const coverage = matches.needles.size / new Set(secret.needles).size;
    if (coverage <= coverageThreshold) continue;
    const { quizId, itemId, choiceId, kind, text: secretText } = secret;
    const { needle, index } = matches.first;
    leaks.push({ file, type: "secret", quizId, itemId, choiceId, kind, secret: secretText, matched: needle, coverage, excerpt: excerptAround(haystack, index, needle.length) });
  }
  for (const { name, pattern } of KEY_PATTERNS) {
    const matches = [...haystack.matchAll(pattern)];
    const first = matches[0];
    if (first) leaks.push({ file, type: "key-pattern", pattern: name, count: matches.length, excerpt: excerptAround(haystack, first.index, first[0].length) });
  }
  return leaks;
}

export type LeakScanResult = CollectedSecrets & { leaks: Leak[]; filesScanned: number };

export function scanForLeaks(quizzes: readonly ScannableQuiz[], files: Iterable<ScannedFile>, options: LeakScanOptions = {}): LeakScanResult {
  const collected = collectSecrets(quizzes, options);
  const leaks: Leak[] = [];
  let filesScanned = 0;
  for (const file of files) {
    filesScanned++;
    leaks.push(...scanText(file.path, file.text, collected.secrets, options));
  }
  return { ...collected, leaks, filesScanned };
}

export function formatLeak(leak: Leak): string {
  if (leak.type === "key-pattern") return `${leak.file}: answer-key pattern ${leak.pattern} (${leak.count}×): ${leak.excerpt}`;
  const where = `${leak.quizId} / ${leak.itemId}${leak.choiceId ? ` / choice ${leak.choiceId}` : ""}`;
  const share = `${Math.round(leak.coverage * 100)}% of it`;
  return `${leak.file}: ${leak.kind} of ${where} leaked (${share}, e.g. "${leak.matched}") in: ${leak.excerpt}`;
}
