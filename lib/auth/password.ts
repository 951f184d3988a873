// Password hashing with argon2id (OWASP's first choice), via @node-rs/argon2's prebuilt native binding.
import { hash, verify } from "@node-rs/argon2";

// OWASP's minimum argon2id configuration: 19 MiB, 2 iterations, 1 lane.
const ARGON2ID = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed stored hash must read as "wrong password", never as a crash
  }
}

// Verifying against a real hash when the account does not exist keeps the timing of both cases alike,
// so response time does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("timing-equaliser-password");
  await verifyPassword(await dummyHash, password);
}
