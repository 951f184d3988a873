/**
 * MathML only: browsers render it natively (MathML Core) with the system's math font, screen readers read
 * it, and each formula is sent once instead of twice (KaTeX's default adds a second, HTML rendering of it).
 */
export const KATEX_OPTIONS = { strict: "ignore", output: "mathml" } as const;
