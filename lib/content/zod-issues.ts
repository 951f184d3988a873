// Turns zod issues into diagnostics placed on the offending key.
import type { z } from "zod";
import { createDiagnostic, type ContentDiagnostic } from "./diagnostics";
import type { LocatedDocument } from "./yaml-locate";

function describePath(dataPath: ReadonlyArray<PropertyKey>): string {
  return dataPath.reduce<string>((text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)), "");
}

function valueAt(data: unknown, dataPath: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const segment of dataPath) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** `data` is what was parsed, so a missing key can be told apart from a wrong value. */
export function issuesToDiagnostics(file: string, issues: readonly z.core.$ZodIssue[], located: LocatedDocument, what: string, data: unknown): ContentDiagnostic[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const keyPath = [...issue.path, key];
        return createDiagnostic(file, located.locate(keyPath), `${what}: unknown key "${describePath(keyPath)}"`);
      });
    }
    const where = describePath(issue.path);
    const message = issue.code === "invalid_type" && valueAt(data, issue.path) === undefined ? "is required" : issue.message;
    return [createDiagnostic(file, located.locate(issue.path), `${what}: ${where ? `${where} ` : ""}${message}`)];
  });
}
