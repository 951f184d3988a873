/** A hash of everything a production build depends on (app, components, lib, content, config). */
export function buildFingerprint(): string;
