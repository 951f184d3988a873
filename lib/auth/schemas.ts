// Shared by the sign-up/sign-in forms and the route handlers, so both report the same field errors.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

export const emailSchema = z.email("Enter a valid email address, such as ada@example.com.").max(254, "Email is too long.");

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Name must be at most 100 characters."),
  email: emailSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Password must be at most 200 characters."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200, "Password must be at most 200 characters."),
});

/** zod issues as { field: first message }, for forms that show each error beside its field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= issue.message;
  }
  return errors;
}
