// Remembers which session tokens have already been decrypted and verified, so a signed-in request does
// not pay for key derivation (HKDF) and AES-GCM decryption every time. Safe because a token string is
// authenticated and immutable: the same string always decrypts to the same claims. Only the clock can
// invalidate it, so each entry keeps the token's own expiry. Bounded: the oldest entry goes first.

export type VerifiedToken = { userId: string; expiresAtMs: number };

export class VerifiedTokenCache {
  private readonly entries = new Map<string, VerifiedToken>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user id for a token verified before and not yet expired. */
  get(token: string): string | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    // Map keeps insertion order: move a used entry to the young end so eviction drops the least recent.
    this.entries.delete(token);
    this.entries.set(token, entry);
    return entry.userId;
  }

  remember(token: string, userId: string, expiresAtMs: number): void {
    if (!(expiresAtMs > this.now())) return;
    this.entries.delete(token);
    this.entries.set(token, { userId, expiresAtMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
