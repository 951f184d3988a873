// Every content problem is a diagnostic with a place, so authors see `path:line:col message`.
import path from "node:path";

export type DiagnosticSeverity = "error" | "warning";

export type ContentDiagnostic = {
  /** Absolute path, or a label such as "<preview>" for in-memory sources. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: DiagnosticSeverity;
  message: string;
};

export type SourcePoint = { line: number; column: number };

/** A unist-like node that may carry a position. */
export type Positioned = { position?: { start: { line: number; column: number } } | undefined };

export function pointOf(node: Positioned | undefined | null, fallback: SourcePoint = { line: 1, column: 1 }): SourcePoint {
  const start = node?.position?.start;
  return start ? { line: start.line, column: start.column } : fallback;
}

export function createDiagnostic(
  file: string,
  at: SourcePoint,
  message: string,
  severity: DiagnosticSeverity = "error",
): ContentDiagnostic {
  return { file, line: at.line, column: at.column, severity, message };
}

export function hasErrors(diagnostics: readonly ContentDiagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}

export function sortDiagnostics(diagnostics: readonly ContentDiagnostic[]): ContentDiagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

/** `path:line:col message`, with the path relative to `rootDir` when it lies inside it. */
export function formatDiagnostic(diagnostic: ContentDiagnostic, rootDir?: string): string {
  let file = diagnostic.file;
  if (rootDir && path.isAbsolute(file)) {
    const relative = path.relative(rootDir, file);
    if (!relative.startsWith("..")) file = relative.split(path.sep).join("/");
  }
  const prefix = diagnostic.severity === "warning" ? "warning: " : "";
  return `${file}:${diagnostic.line}:${diagnostic.column} ${prefix}${diagnostic.message}`;
}
