// The sandbox's property and witness kinds, apart from the zod schema (schema.ts) so that the page's
// controls can list them without loading zod.
export const propertyKinds = ["increasing", "decreasing", "concave"] as const;
export const witnessKinds = ["envelope", "isotonic"] as const;
