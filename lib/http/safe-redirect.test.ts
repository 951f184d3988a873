import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./safe-redirect";

const APP = "https://course.example";

/** [value as it reaches the server (already percent-decoded once), where the browser should go] */
const CASES: [string | string[] | undefined, string][] = [
  // Same-site targets keep their path, query and fragment.
  ["/courses/x?y=1", "/courses/x?y=1"],
  ["/courses/x#quiz", "/courses/x#quiz"],
  [["/a", "/b"], "/a"],
  ["https://course.example/studio?tab=2", "/studio?tab=2"],
  ["/search?q=%2F%2Fevil", "/search?q=%2F%2Fevil"],
  // Everything else goes home.
  [undefined, "/"],
  ["", "/"],
  [[], "/"],
  ["courses", "/"],
  ["https://evil.example", "/"],
  ["//evil.example", "/"],
  ["///evil.example", "/"],
  ["/\\evil.example", "/"],
  ["\\\\evil.example", "/"],
  ["/\\/evil.example", "/"],
  ["javascript:alert(1)", "/"],
  ["JaVaScRiPt:alert(1)", "/"],
  ["data:text/html,<script>alert(1)</script>", "/"],
  ["http://course.example/", "/"], // another scheme is another origin
  ["https://course.example.evil.example/", "/"],
  ["https://course.example@evil.example/", "/"],
  // Control characters: browsers drop tabs and newlines from URLs, which turns these into //evil.example.
  ["/\t/evil.example/x", "/"],
  ["/\n/evil.example/x", "/"],
  ["/\r/evil.example/x", "/"],
  ["/\t\\evil.example/x", "/"],
  ["\t//evil.example", "/"],
  ["/\u0000/evil.example", "/"],
  ["/\u007f/evil.example", "/"],
  ["/\u0085/evil.example", "/"],
  [" //evil.example", "/"],
  // Paths that resolve to a protocol-relative path on this origin.
  ["/.//evil.example", "/"],
  ["/..//evil.example", "/"],
  ["/%2e%2e//evil.example", "/"],
  ["/a/../..//evil.example", "/"],
];

describe("safeCallbackPath", () => {
  for (const [value, expected] of CASES) {
    it(`${JSON.stringify(value)} → ${expected}`, () => {
      expect(safeCallbackPath(value, APP)).toBe(expected);
    });
  }

  it("works without a configured origin, for relative paths", () => {
    expect(safeCallbackPath("/courses", undefined)).toBe("/courses");
    expect(safeCallbackPath("//evil.example", undefined)).toBe("/");
    expect(safeCallbackPath("https://course.example/x", undefined)).toBe("/");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  it("returns an absolute URL on the app's origin", () => {
    expect(safeRedirectUrl("/studio", APP)).toBe("https://course.example/studio");
    expect(safeRedirectUrl("https://course.example/x?y=1", APP)).toBe("https://course.example/x?y=1");
    expect(safeRedirectUrl("/\t/evil.example", APP)).toBe("https://course.example/");
    expect(safeRedirectUrl("https://evil.example/", APP)).toBe("https://course.example/");
  });
});
