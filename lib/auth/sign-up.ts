import "server-only";
// Sign-up as an attacker meets it: throttled per client address, weak passwords refused before anything
// is stored, and the same answer, after the same time, whether or not the email already had an account.
import { HttpError } from "@/lib/http/http-error";
import { consume, retryAfterSeconds, retryIn } from "@/lib/security/rate-limit";
import { addressRateLimitKey } from "@/lib/server/client-address";
import { assertAcceptablePassword, registerAccount } from "./accounts";
import type { SignUpInput } from "./schemas";
import { SIGN_UP_MIN_MS } from "./sign-up-timing";


export const SIGN_UP_ACCEPTED = "Thanks. If this email was new, your account is ready: sign in with it. If it already had an account, sign in with that account's password.";

async function atLeast<T>(ms: number, work: Promise<T>): Promise<T> {
  const [result] = await Promise.all([work, new Promise((resolve) => setTimeout(resolve, ms))]);
  return result;
}

export async function signUp(input: SignUpInput, clientAddress: string): Promise<void> {
  // Refusing a weak password reveals nothing about accounts, and should not use up the allowance.
  assertAcceptablePassword(input.password, input);
  const decision = await consume("sign-up-address", addressRateLimitKey(clientAddress));
  if (!decision.allowed) {
    throw new HttpError(429, `Too many sign-ups from your network. ${retryIn(decision.retryAfterMs)}`, undefined, {
      "retry-after": retryAfterSeconds(decision.retryAfterMs),
    });
  }
  await atLeast(SIGN_UP_MIN_MS, registerAccount(input));
}
