// Maps a data path such as ["references", 0, "year"] back to a line and column in YAML or JSON text
// (JSON is YAML 1.2, so one parser serves course.json and frontmatter alike).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from "yaml";
import type { SourcePoint } from "./diagnostics";

export type LocatedDocument = {
  document: Document;
  /** Parse errors with their positions in the enclosing file. */
  errors: Array<SourcePoint & { message: string }>;
  /** The position of the deepest key or item on the path that exists. */
  locate: (dataPath: ReadonlyArray<PropertyKey>) => SourcePoint;
  /** The file position of an offset into `text`. */
  pointAt: (offset: number) => SourcePoint;
};

/** `firstLine` is the file line on which `text` starts (frontmatter starts on line 2). */
export function parseLocatedDocument(text: string, firstLine = 1): LocatedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (offset: number): SourcePoint => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const fallback: SourcePoint = { line: firstLine, column: 1 };

  const errors = document.errors.map((error) => ({ ...toPoint(error.pos[0]), message: error.message.split("\n")[0] ?? error.message }));

  function locate(dataPath: ReadonlyArray<PropertyKey>): SourcePoint {
    let node: unknown = document.contents;
    let found: SourcePoint = node && (node as YamlNode).range ? toPoint((node as YamlNode).range![0]) : fallback;
    for (const segment of dataPath) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) found = toPoint(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment] as YamlNode | undefined;
        if (!item) break;
        if (item.range) found = toPoint(item.range[0]);
        node = item;
      } else {
        break;
      }
    }
    return found;
  }

  return { document, errors, locate, pointAt: toPoint };
}
