// npm run content:check [-- dirs...]
// Validates every course (or the given course folders) and prints `path:line:col message` per problem.
// Exits 1 on any error; warnings are printed but do not fail the check.
import { checkContent } from "../lib/content/check-content";
import { formatDiagnostic, hasErrors } from "../lib/content/diagnostics";

const paths = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const diagnostics = await checkContent(paths.length ? paths : undefined);
for (const diagnostic of diagnostics) {
  (diagnostic.severity === "error" ? console.error : console.warn)(formatDiagnostic(diagnostic, process.cwd()));
}
const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
console.log(`content:check: ${errors} error(s), ${diagnostics.length - errors} warning(s)`);
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
