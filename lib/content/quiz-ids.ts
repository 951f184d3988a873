// Opaque choice ids and quiz versions. A choice id is a salted hash of (quiz version, item id, position),
// so it reveals neither where the choice sits nor whether it is correct.
import { createHash } from "node:crypto";

export const DEFAULT_CHOICE_ID_SALT = "alignment-foundations/choice-id/v1";

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The version changes whenever anything a grade depends on changes, including the salt (which changes the ids). */
export function quizVersion(normalisedDefinition: unknown, salt: string): string {
  return sha256(JSON.stringify({ definition: normalisedDefinition, salt: sha256(salt) })).slice(0, 16);
}

export function opaqueChoiceId(salt: string, version: string, itemId: string, index: number): string {
  return sha256(`${salt}\u0000${version}\u0000${itemId}\u0000${index}`).slice(0, 12);
}
