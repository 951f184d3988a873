// One lint gate for the whole repository (`npm run lint`, part of `npm test`, zero warnings allowed).
// Next's own rules (core web vitals, React, hooks, import, a11y basics) plus typescript-eslint's
// type-checked rules and the full jsx-a11y recommended set.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([".next/**", ".content/**", ".cache/**", "generated/**", "data/**", "bench-results/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  { rules: { ...jsxA11y.flatConfigs.recommended.rules, ...reactHooks.configs["recommended-latest"].rules } },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
