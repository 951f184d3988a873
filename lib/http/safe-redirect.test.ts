import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/courses/x?y=1")).toBe("/courses/x?y=1");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/a");
  });
  it("sends other targets home", () => {
    for (const bad of [undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      expect(safeCallbackPath(bad)).toBe("/");
    }
  });
});
