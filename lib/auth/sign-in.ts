import "server-only";
// Email-and-password sign-in with its limits. Each attempt is reserved against both limits before the
// password is checked, so parallel guesses cannot all slip in under the count:
//   - per client address (lib/server/client-address.ts: the socket, or what a trusted proxy saw), which
//     stops one machine guessing at many accounts;
//   - per account, from anywhere, which stops many machines guessing at one.
// A success gives the address its point back and clears the account's failures.
import { consume, refund, reset, retryIn } from "@/lib/security/rate-limit";
import { addressRateLimitKey } from "@/lib/server/client-address";
import { checkCredentials, type SessionUser } from "./accounts";

export class SignInRefused extends Error {}

const WRONG_CREDENTIALS = "Wrong email or password.";

export async function signInWithPassword(emailInput: string, password: string, clientAddress: string): Promise<SessionUser> {
  const email = emailInput.toLowerCase();
  const address = addressRateLimitKey(clientAddress);
  for (const [limit, key] of [["sign-in-address", address], ["sign-in-account", email]] as const) {
    const decision = await consume(limit, key);
    if (!decision.allowed) throw new SignInRefused(`Too many failed sign-ins. ${retryIn(decision.retryAfterMs)}`);
  }
  const user = await checkCredentials(email, password);
  if (!user) throw new SignInRefused(WRONG_CREDENTIALS);
  await Promise.all([refund("sign-in-address", address), reset("sign-in-account", email)]);
  return user;
}
