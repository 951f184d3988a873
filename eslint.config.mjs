// One lint gate for the whole repository (`npm run lint`, a stage of `npm test`, zero warnings allowed).
// Next's own rules (core web vitals, React, hooks, import, a11y basics) plus typescript-eslint's
// type-checked rules and the full jsx-a11y recommended set. Rules are configured below only where the
// codebase's idiom is sound; each choice says why. Everything else is fixed in the code.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default defineConfig([
  // Build output, generated code, caches and run artefacts: never linted (and never loaded into the typed program).
  globalIgnores([
    "**/.next/**",
    ".content/**",
    ".cache/**",
    "generated/**",
    "data/**",
    "node_modules/**",
    "bench-results/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_`-prefixed names mark a parameter an interface requires, or a field destructured away to omit it.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // React accepts async event handlers (onSubmit={save}); handling a failure is the handler's job. Floating promises elsewhere still fail.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // React code lives in app/ and components/ (and the bench's floor app); the compiler-based hook rules
    // analyse every function they see, so they run only there.
    files: ["app/**", "components/**", "bench/floor-app/**"],
    rules: reactHooks.configs["recommended-latest"].rules,
  },
  {
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable region (role="region", a labelled <section>, a <pre>) must be focusable so a keyboard can scroll it (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["tabpanel", "region"], tags: ["pre", "section"] }],
    },
  },
  {
    files: ["**/*.test.ts"],
    // Vitest types its asymmetric matchers (expect.any, expect.stringContaining) as `any`; in a test a wrong value fails anyway.
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
