import localFont from "next/font/local";

// Inter as fontsource ships it: one variable file per script, each declared with its unicode-range so a
// file is fetched only for text that needs it. next/font/local emits the @font-face rules and preloads.
// (next/font/google cannot fetch here; the files ship in the npm package.) Arguments must be literals.
//
// Why not fontsource's own CSS: its faces share the family "Inter Variable" behind ours, so a character
// our Latin file lacks but its range covers (the prime in lesson 4) fetched fontsource's copy of that
// same file, and each subset found late (Greek on every lesson) re-laid out the page after first paint.

/** Latin: every page. Preloaded, with next/font's metric-matched fallback so text does not shift on swap. */
const interLatin = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  display: "swap",
  declarations: [{ prop: "unicode-range", value: "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD" }],
});

/** Greek: the course's notation (α, ε, σ, λ) appears in the text of every lesson, so it is preloaded too. */
const interGreek = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-greek-wght-normal.woff2",
  weight: "100 900",
  display: "swap",
  adjustFontFallback: false,
  declarations: [{ prop: "unicode-range", value: "U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF" }],
});

// The rest are rare here (a ŝ or ᵀ in a quiz choice; an author's name). `optional`: used when already
// cached or fast to arrive, otherwise the page keeps the system font for that character instead of
// re-laying itself out when an 85 kB file lands; the file is cached for the next page.
const interLatinExt = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2",
  weight: "100 900",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: "unicode-range", value: "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF" }],
});
const interVietnamese = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-vietnamese-wght-normal.woff2",
  weight: "100 900",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: "unicode-range", value: "U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB" }],
});
const interGreekExt = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-greek-ext-wght-normal.woff2",
  weight: "100 900",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: "unicode-range", value: "U+1F00-1FFF" }],
});
const interCyrillic = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-cyrillic-wght-normal.woff2",
  weight: "100 900",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: "unicode-range", value: "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116" }],
});
const interCyrillicExt = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-cyrillic-ext-wght-normal.woff2",
  weight: "100 900",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: "unicode-range", value: "U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F" }],
});

/** Splits next/font's "'Family', 'Family Fallback'" into its families. */
const familiesOf = (font: { style: { fontFamily: string } }) => font.style.fontFamily.split(",").map((family) => family.trim());

/**
 * The font-family list for body text: every Inter subset first, then the Latin file's metric-matched
 * fallback. That fallback is a local Arial, which also has Greek and Cyrillic: placed before the other
 * subsets (as next/font's own variable places it) it would take their characters wherever Arial exists.
 */
export function interFontFamilies(): string {
  const [latinFamily, ...latinFallback] = familiesOf(interLatin);
  const subsets = [interGreek, interLatinExt, interVietnamese, interGreekExt, interCyrillic, interCyrillicExt].flatMap(familiesOf);
  return [latinFamily, ...subsets, ...latinFallback].join(", ");
}
