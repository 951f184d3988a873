import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanDisplayName } from "./display-name";

describe("cleanDisplayName", () => {
  it.each([
    ["Ada Lovelace", "Ada Lovelace"],
    ["  Ada   Lovelace ", "Ada Lovelace"],
    ["Ada\u0000Lovelace", "AdaLovelace"],
    ["\u202EAda Lovelace", "Ada Lovelace"],
    ["Ada\u202E\u2066gpj.exe\u2069", "Adagpj.exe"],
    ["Ada\tLovelace\r\n", "Ada Lovelace"],
    ["Ada\u200BLove\u200Flace\uFEFF", "AdaLovelace"],
    ["\u0007\u001B[31mred\u001B[0m", "[31mred[0m"],
    ["\u202E\u0000 \u200F", ""],
    ["Zoë", "Zoë"],
    ["Zoe\u0308", "Zoë"], // NFC
    ["Zoe\u200B\u0308", "Zoë"], // NFC after the invisible character is gone
    ["\u0645\u0647\u200C\u0633\u0627", "\u0645\u0647\u200C\u0633\u0627"], // ZWNJ in Persian stays
    ["👩\u200D💻 Grace", "👩\u200D💻 Grace"], // ZWJ emoji stays
  ])("%j → %j", (raw, expected) => {
    expect(cleanDisplayName(raw)).toBe(expected);
  });

  it("never leaves a control, bidi or invisible character, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (raw) => {
        const clean = cleanDisplayName(raw);
        expect(clean).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
        expect(clean).toBe(clean.trim());
        expect(cleanDisplayName(clean)).toBe(clean);
      }),
    );
  });
});
