/**
 * Every sign-up answers after at least this long (lib/auth/sign-up.ts). Both a new and a taken email hash
 * the password (≈100 ms here) and run the same statement; answering no sooner than this leaves nothing to
 * measure while the work fits inside it. Its own module so the e2e suite can import it.
 */
export const SIGN_UP_MIN_MS = 300;
