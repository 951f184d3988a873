// Pages run under a CSP without 'unsafe-eval'. zod 4 probes for eval with `Function("")` on its first
// object parse (to compile faster parsers); under the CSP that probe is refused and logged as a
// violation. Client bundles that parse with zod import this first, so zod never tries.
import { z } from "zod";

z.config({ jitless: true });
