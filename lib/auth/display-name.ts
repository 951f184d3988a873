// Names people give themselves are shown to instructors and other learners, so they lose the characters
// that can hide or reorder text: C0/C1 controls (NUL, BEL, escape sequences…), bidirectional overrides,
// embeddings and isolates (U+202E turns "txt.exe" into "exe.txt"), directional marks, and invisible
// separators. Joiners (U+200C, U+200D) stay: some scripts and emoji need them. Shared by the forms, the
// routes and the GitHub sign-in, so every way into User.name applies the same rule.

// Controls (tab, newlines and other breaks become spaces first), then bidi controls and marks,
// zero-width space, word joiner, BOM, soft hyphen, and line/paragraph separators.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export function cleanDisplayName(raw: string): string {
  // NFC last: removing a hidden character can bring a letter and its combining mark together.
  return raw.replace(BREAKS, " ").replace(HIDDEN, "").replace(/\s+/g, " ").trim().normalize("NFC");
}
