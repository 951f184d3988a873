// Limits on the shape of text typed in the browser, checked in one linear pass before any parser sees it.
// micromark (the markdown parser under MDX) is superlinear on a few shapes: every emphasis marker is
// matched against all earlier ones in the document (`*a` × 20,000 takes ~30 s), and each level of
// blockquote, list or tag nesting is re-entered per character (5,000 nested `>` or `<span>` take seconds,
// then overflow the stack of later tree walks). No lesson comes near these limits: the course's longest
// has 174 emphasis markers and nests five deep. Pure: text in, problems out (the same shape as safe-mdx).
import type { SafeMdxProblem } from "./safe-mdx";

export const SOURCE_LIMITS = {
  /** Runs of `*`, `_` or `~` outside fenced code, in the whole lesson. */
  emphasisMarkers: 2_000,
  /** Blockquote and list markers opening containers on one line. */
  containerDepth: 32,
  /** Open tags (JSX components and HTML) inside one another. */
  tagDepth: 64,
} as const;

const FENCE = /^ {0,3}(`{3,}|~{3,}|\$\$)/;
const MARKER_RUN = /[*_~]+/g;

/** Inline code spans on one line, blanked out so the tags and markers in them are not counted. A linear
 * scan, not a regex: a backreference pattern backtracks quadratically on a long run of backticks. */
function withoutInlineCode(line: string): string {
  if (!line.includes("`")) return line;
  const chars = line.split("");
  let open: { start: number; length: number } | null = null;
  for (let index = 0; index < line.length; ) {
    if (line[index] !== "`") {
      index++;
      continue;
    }
    const start = index;
    while (line[index] === "`") index++;
    const length = index - start;
    if (!open) open = { start, length };
    else if (open.length === length) {
      chars.fill(" ", open.start, index);
      open = null;
    }
  }
  return chars.join("");
}

/** Column (1-based) of the container marker that opens level `limit + 1` on this line, or 0. */
function containerOverflow(line: string, limit: number): number {
  let depth = 0;
  let index = 0;
  for (;;) {
    let spaces = 0;
    while (spaces < 3 && line[index] === " ") {
      index++;
      spaces++;
    }
    const rest = line.slice(index, index + 11);
    const marker = rest[0] === ">" ? 1 : (/^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/.exec(rest)?.[0].length ?? 0);
    if (marker === 0) return 0;
    depth++;
    if (depth > limit) return index + 1;
    index += marker;
    if (line[index] === " " || line[index] === "\t") index++;
  }
}

type TagScan = { depth: number; overflow: { line: number; column: number; name: string } | null };

/** Counts open tags on one line; a tag cut off by a line end or another `<` is not counted. Linear: the
 * next `>` is searched for once and reused by every `<` before it. Returns the overflow, once there is one. */
function scanTags(line: string, lineNumber: number, scan: TagScan, limit: number): TagScan["overflow"] {
  let end = -1;
  for (let index = line.indexOf("<"); index !== -1 && !scan.overflow; index = line.indexOf("<", index + 1)) {
    if (end < index) end = line.indexOf(">", index);
    if (end === -1) return scan.overflow;
    const closing = line[index + 1] === "/";
    const name = /^[A-Za-z][\w.:-]*/.exec(line.slice(index + (closing ? 2 : 1), index + 66))?.[0];
    const next = line.indexOf("<", index + 1);
    if (!name || (next !== -1 && next < end)) continue;
    if (closing) scan.depth = Math.max(0, scan.depth - 1);
    else if (line[end - 1] !== "/") scan.depth++;
    if (scan.depth > limit) scan.overflow = { line: lineNumber, column: index + 1, name };
  }
  return scan.overflow;
}

export function checkSourceLimits(source: string, limits: { emphasisMarkers: number; containerDepth: number; tagDepth: number } = SOURCE_LIMITS): SafeMdxProblem[] {
  const problems: SafeMdxProblem[] = [];
  const lines = source.split("\n");
  let fence: string | null = null;
  let markers = 0;
  let emphasisReported = false;
  let containerReported = false;
  const tags: TagScan = { depth: 0, overflow: null };
  for (let number = 1; number <= lines.length; number++) {
    const raw = lines[number - 1]!;
    const opener = FENCE.exec(raw)?.[1];
    if (fence !== null) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      continue;
    }
    if (opener) {
      fence = opener;
      continue;
    }
    const line = withoutInlineCode(raw);
    if (!containerReported) {
      const column = containerOverflow(line, limits.containerDepth);
      if (column > 0) {
        containerReported = true;
        problems.push({ line: number, column, construct: "nesting", message: `blockquotes or lists nested more than ${limits.containerDepth} deep; simplify the nesting here` });
      }
    }
    if (!emphasisReported) {
      for (const run of line.matchAll(MARKER_RUN)) {
        if (++markers > limits.emphasisMarkers) {
          emphasisReported = true;
          problems.push({ line: number, column: run.index + 1, construct: "emphasis markers", message: `more than ${limits.emphasisMarkers.toLocaleString("en")} emphasis markers (* _ ~) in one lesson; this is number ${markers.toLocaleString("en")}. Use fewer, or put literal ones in \`code\`` });
          break;
        }
      }
    }
    if (!tags.overflow) {
      const overflow = scanTags(line, number, tags, limits.tagDepth);
      if (overflow) {
        const { line: at, column, name } = overflow;
        problems.push({ line: at, column, construct: "nesting", message: `tags nested more than ${limits.tagDepth} deep (<${name}> here); close some before opening more` });
      }
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
