// Remembers which session tokens have already been decrypted and verified, so a signed-in request does
// not pay for key derivation (HKDF) and AES-GCM decryption every time. Safe because a token string is
// authenticated and immutable: the same string always decrypts to the same claims. Only the clock can
// make a token invalid, so each entry lives until the token's own expiry. Revocation is not the cache's
// business: it remembers only what the token says (who, which session); whether that session is still
// live is read from the database on every request (lib/auth/session.ts).
import { LRUCache } from "lru-cache";

export type TokenClaims = { userId: string; sessionId: string };

export class VerifiedTokenCache {
  private readonly entries: LRUCache<string, TokenClaims>;

  constructor(
    maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    // lru-cache measures TTLs with its own clock; hand it ours so tests can move time.
    this.entries = new LRUCache({ max: maxEntries, perf: { now }, ttlResolution: 0 });
  }

  /** The claims of a token verified before and not yet expired. */
  get(token: string): TokenClaims | undefined {
    return this.entries.get(token);
  }

  remember(token: string, claims: TokenClaims, expiresAtMs: number): void {
    // lru-cache keeps an entry through the whole of its last millisecond; the token expires at its start.
    const ttl = expiresAtMs - this.now() - 1;
    if (!(ttl > 0)) return;
    this.entries.set(token, claims, { ttl });
  }

  get size(): number {
    return this.entries.size;
  }
}
