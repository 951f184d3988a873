import "server-only";
// Account creation and credential checks: the domain side of sign-up and sign-in.
import { db } from "@/lib/db/client";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import type { Role } from "./roles";
import type { SignUpInput } from "./schemas";

export type SessionUser = { id: string; email: string; name: string; role: Role };

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists.");
  }
}

export async function createAccount(input: SignUpInput, role: Role = "student"): Promise<SessionUser> {
  const email = input.email.toLowerCase();
  const existing = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new EmailTakenError();
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db().user.create({ data: { email, name: input.name, passwordHash, role } });
    return { id: user.id, email: user.email, name: user.name, role };
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/** The user for these credentials, or null. Unknown emails cost the same time as wrong passwords. */
export async function checkCredentials(email: string, password: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
