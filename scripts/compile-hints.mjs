// `npm run build`'s last step: see scripts/lib/compile-hints.mjs.
import { markStartupChunks } from "./lib/compile-hints.mjs";

const marked = markStartupChunks(process.argv[2] ?? ".next");
console.log(`compile hints: marked ${marked.length} startup chunk(s) for eager compilation`);
