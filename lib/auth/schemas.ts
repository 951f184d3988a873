// Shared by the sign-up/sign-in forms and the route handlers, so both report the same field errors.
// The common-password check needs a 49,000-word list, so it runs on the server only
// (lib/auth/password-policy.ts); the browser shows its answer beside the field.
import { z } from "zod";
import { cleanDisplayName } from "./display-name";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";

export const emailSchema = z.email("Enter a valid email address, such as ada@example.com.").max(254, "Email is too long.");

const displayNameSchema = z
  .string()
  .max(400, "Name must be at most 100 characters.")
  .transform(cleanDisplayName)
  .pipe(z.string().min(1, "Enter your name.").max(100, "Name must be at most 100 characters."));

const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((password) => /\S/.test(password), "Password cannot be only spaces.");

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

const currentPasswordSchema = z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`);

export const signInSchema = z.object({ email: emailSchema, password: currentPasswordSchema });

export const passwordChangeSchema = z.object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** zod issues as { field: first message }, for forms that show each error beside its field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= issue.message;
  }
  return errors;
}
