import { describe, expect, it } from "vitest";
import { fieldErrors, signUpSchema } from "./schemas";

describe("signUpSchema", () => {
  it("accepts a valid sign-up and trims the name", () => {
    expect(signUpSchema.parse({ name: "  Ada ", email: "ada@example.com", password: "12345678" }).name).toBe("Ada");
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
});
