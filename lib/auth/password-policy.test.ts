import { describe, expect, it } from "vitest";
import { PASSWORD_PROBLEMS, passwordProblem } from "./password-policy";

const ada = { email: "ada.lovelace@example.com", name: "Ada Lovelace" };

describe("passwordProblem", () => {
  it.each([
    ["password", "common"],
    ["12345678", "common"],
    ["Password1", "common"],
    ["PASSWORD123!", "common"],
    ["p@ssw0rd", "common"],
    ["P@$$w0rd1", "common"],
    ["iloveyou2026!", "common"],
    ["2024monkey", "common"],
    ["qwertyuiop", "common"],
    ["letmein!!", "common"],
    ["trust-no-1", "common"],
    ["aaaaaaaaaa", "repetitive"],
    ["zzzzzzzzzzzz", "repetitive"],
    ["abababababab", "repetitive"],
    ["x7x7x7x7x7x7", "repetitive"],
    ["p4ssp4ssp4ss", "repetitive"],
    ["mnopqrstuv", "sequence"],
    ["3456789012", "sequence"],
    ["hgfedcbazy", "sequence"],
    ["';lkjhgfdsa", "sequence"],
    ["adalovelace", "personal"],
    ["Ada.Lovelace1815", "personal"],
    ["lovelace2026!", "personal"],
    ["ada.lovelace@example.com", "personal"],
    ["alignment2026", "personal"],
  ] as const)("refuses %j as %s", (password, problem) => {
    expect(passwordProblem(password, ada)).toBe(PASSWORD_PROBLEMS[problem]);
  });

  it.each([
    "a-long-password",
    "correct horse battery staple",
    "compiler moth teacup 1947",
    "Tr0ub4dor&3-ferret",
    "9271!bluebird",
    "ada's analytical engine notes", // mentions the name, but the rest stands on its own
    "lovelace wrote the first program",
    "ẞtraße-mit-Umlauten-äöü",
    "日本語のパスワードです",
  ])("accepts %j", (password) => {
    expect(passwordProblem(password, ada)).toBeNull();
  });

  it("works without a name or email", () => {
    expect(passwordProblem("password")).toBe(PASSWORD_PROBLEMS.common);
    expect(passwordProblem("violet kettle orbit 42")).toBeNull();
  });
});
