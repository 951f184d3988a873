import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "./route";

function request(method: string, headers: Record<string, string>) {
  return new Request("http://localhost:3000/api/x", { method, headers });
}

describe("isForeignOrigin", () => {
  it("allows same-origin writes and requests without an Origin header", () => {
    expect(isForeignOrigin(request("POST", { origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(false);
    expect(isForeignOrigin(request("POST", { host: "localhost:3000" }))).toBe(false);
  });

  it("refuses cross-origin writes and malformed origins", () => {
    expect(isForeignOrigin(request("POST", { origin: "https://evil.example", host: "localhost:3000" }))).toBe(true);
    expect(isForeignOrigin(request("DELETE", { origin: "null", host: "localhost:3000" }))).toBe(true);
  });

  it("ignores Origin on reads", () => {
    expect(isForeignOrigin(request("GET", { origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
  });
});
