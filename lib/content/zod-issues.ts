// Turns zod issues into diagnostics placed on the offending key.
import type { z } from "zod";
import { createDiagnostic, type ContentDiagnostic } from "./diagnostics";
import type { LocatedDocument } from "./yaml-locate";

function describePath(dataPath: ReadonlyArray<PropertyKey>): string {
  return dataPath.reduce<string>((text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)), "");
}

export function issuesToDiagnostics(file: string, issues: readonly z.core.$ZodIssue[], located: LocatedDocument, what: string): ContentDiagnostic[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const keyPath = [...issue.path, key];
        return createDiagnostic(file, located.locate(keyPath), `${what}: unknown key "${describePath(keyPath)}"`);
      });
    }
    const where = describePath(issue.path);
    const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return [createDiagnostic(file, located.locate(issue.path), `${what}: ${where ? `${where} ` : ""}${message}`)];
  });
}
