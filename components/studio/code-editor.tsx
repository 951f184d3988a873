"use client";
// CodeMirror 6 with markdown highlighting, and the compiler's diagnostics shown as lint marks at line:column.
import { markdown } from "@codemirror/lang-markdown";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import CodeMirror, { EditorView, type ReactCodeMirrorRef } from "@uiw/react-codemirror";
import { useEffect, useMemo, useRef } from "react";
import type { ContentDiagnostic } from "@/lib/content/diagnostics";

/** 1-based line and column to a document offset, clamped into the document. */
function offsetOf(view: EditorView, line: number, column: number): number {
  const doc = view.state.doc;
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(target.from + Math.max(0, column - 1), target.to);
}

export function CodeEditor({ value, onChange, diagnostics }: { value: string; onChange: (value: string) => void; diagnostics: ContentDiagnostic[] }) {
  const ref = useRef<ReactCodeMirrorRef>(null);
  // The name goes on CodeMirror's own text box (the contenteditable), where assistive technology looks for
  // it; an explicit tabindex makes it count as the focusable content of its scroll region (axe).
  const extensions = useMemo(() => [markdown(), lintGutter(), EditorView.lineWrapping, EditorView.contentAttributes.of({ "aria-label": "Lesson MDX", tabindex: "0" })], []);

  useEffect(() => {
    const view = ref.current?.view;
    if (!view) return;
    const marks: Diagnostic[] = diagnostics.map((diagnostic) => {
      const from = offsetOf(view, diagnostic.line, diagnostic.column);
      const lineEnd = view.state.doc.lineAt(from).to;
      return { from, to: Math.max(from, Math.min(lineEnd, from + 1)), severity: diagnostic.severity, message: `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}` };
    });
    view.dispatch(setDiagnostics(view.state, marks));
  }, [diagnostics, value]);

  return (
    <CodeMirror
      ref={ref}
      value={value}
      onChange={onChange}
      extensions={extensions}
      height="70vh"
      basicSetup={{ foldGutter: false, autocompletion: false }}
      className="overflow-hidden rounded-md border border-zinc-300 text-sm dark:border-zinc-700"
    />
  );
}
