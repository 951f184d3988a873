// npm run content:check [-- dirs...] [-- --items]
// Validates every course (or the given course folders) and prints `path:line:col message` per problem.
// --items adds a summary per quiz: its items, policy and item-writing flaws.
// Exits 1 on any error; warnings are printed but do not fail the check.
import { checkContent, type CheckedQuiz } from "../lib/content/check-content";
import { formatItemSummary } from "../lib/content/quiz-item-summary";
import { formatDiagnostic, hasErrors } from "../lib/content/diagnostics";

const paths = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const quizzes: CheckedQuiz[] = [];
const diagnostics = await checkContent(paths.length ? paths : undefined, { quizzes });
for (const diagnostic of diagnostics) {
  (diagnostic.severity === "error" ? console.error : console.warn)(formatDiagnostic(diagnostic, process.cwd()));
}
if (process.argv.includes("--items")) for (const line of formatItemSummary(quizzes)) console.log(line);
const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
console.log(`content:check: ${errors} error(s), ${diagnostics.length - errors} warning(s)`);
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
