// The one test for "a unique index refused this write", on both databases and through both ways of
// writing. Exactly-once submission, maxAttempts, draft versions and account creation all rest on it.
//   - Prisma's model API (create, update, upsert): PrismaClientKnownRequestError with code P2002.
//   - Raw statements ($executeRaw / $queryRaw): code P2010, with the driver adapter's error kind
//     "UniqueConstraintViolation" under meta.driverAdapterError.cause (the same on SQLite and PostgreSQL).

type MaybePrismaError = {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
};

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as MaybePrismaError;
  if (code === "P2002") return true;
  return code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
