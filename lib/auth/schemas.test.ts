import { describe, expect, it } from "vitest";
import { fieldErrors, passwordChangeSchema, signUpSchema } from "./schemas";

describe("signUpSchema", () => {
  it("accepts a valid sign-up and cleans the name", () => {
    expect(signUpSchema.parse({ name: "  Ada\u202E \u0000Lovelace ", email: "ada@example.com", password: "12345678" }).name).toBe("Ada Lovelace");
  });

  it("names each bad field", () => {
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      name: "Enter your name.",
      email: "Enter a valid email address, such as ada@example.com.",
      password: "Password must be at least 8 characters.",
    });
  });

  it("refuses a name made only of invisible characters, and a password made only of whitespace", () => {
    const result = signUpSchema.safeParse({ name: "\u202E\u200F \u0007", email: "ada@example.com", password: " \t \t \t \t " });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({ name: "Enter your name.", password: "Password cannot be only spaces." });
  });

  it("measures the name after cleaning", () => {
    expect(signUpSchema.safeParse({ name: `${"\u200B".repeat(150)}Ada`, email: "ada@example.com", password: "12345678" }).success).toBe(true);
    expect(signUpSchema.safeParse({ name: "x".repeat(101), email: "ada@example.com", password: "12345678" }).success).toBe(false);
  });
});

describe("passwordChangeSchema", () => {
  it("needs the current password and a valid new one", () => {
    const result = passwordChangeSchema.safeParse({ currentPassword: "", newPassword: "        " });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({ currentPassword: "Enter your password.", newPassword: "Password cannot be only spaces." });
  });
});
