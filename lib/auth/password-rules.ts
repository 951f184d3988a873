// Kept apart from password.ts so client-side forms can import the rule without the native hashing module.
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
