import "server-only";
// The three row sets a class gradebook is built from, as plain SQL (quoted identifiers, bound values:
// SQLite and PostgreSQL read it the same way). Prisma's model API maps every row through its JS query
// engine; for a class of 500 with 5,000 attempts that mapping was most of the loader's CPU time, and these
// statements join on the class directly (decision 0009 made the same choice for the submission path).
import { db } from "@/lib/db/client";
import type { GradebookAttempt, GradebookMember, GradebookProgress } from "./gradebook";

type Row = Record<string, unknown>;
const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(typeof value === "bigint" ? Number(value) : (value as string | number)));
const toDateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : toDate(value));

export async function classMembers(classId: string, onlyUserId?: string): Promise<GradebookMember[]> {
  const rows = onlyUserId
    ? await db().$queryRaw<Row[]>`
        SELECT m."userId", m."joinedAt", m."removedAt", u."name", u."email" FROM "ClassMember" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."classId" = ${classId} AND m."userId" = ${onlyUserId}`
    : await db().$queryRaw<Row[]>`
        SELECT m."userId", m."joinedAt", m."removedAt", u."name", u."email" FROM "ClassMember" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."classId" = ${classId}`;
  return rows.map((row) => ({
    userId: String(row.userId),
    name: String(row.name),
    email: String(row.email),
    joinedAt: toDate(row.joinedAt),
    removedAt: toDateOrNull(row.removedAt),
  }));
}

/** Every attempt by a member (current or removed) at a quiz of the course, as stored: nothing re-graded. */
export async function classAttempts(classId: string, courseSlug: string, onlyUserId?: string): Promise<GradebookAttempt[]> {
  const rows = onlyUserId
    ? await db().$queryRaw<Row[]>`
        SELECT a."userId", a."quizId", a."attemptNumber", a."score", a."maxScore", a."createdAt" FROM "QuizAttempt" a
        JOIN "QuizVersion" v ON v."id" = a."quizVersionId" AND v."courseSlug" = ${courseSlug}
        WHERE a."userId" = ${onlyUserId} AND EXISTS (SELECT 1 FROM "ClassMember" m WHERE m."classId" = ${classId} AND m."userId" = a."userId")`
    : await db().$queryRaw<Row[]>`
        SELECT a."userId", a."quizId", a."attemptNumber", a."score", a."maxScore", a."createdAt" FROM "QuizAttempt" a
        JOIN "ClassMember" m ON m."userId" = a."userId" AND m."classId" = ${classId}
        JOIN "QuizVersion" v ON v."id" = a."quizVersionId" AND v."courseSlug" = ${courseSlug}`;
  return rows.map((row) => ({
    userId: String(row.userId),
    quizId: String(row.quizId),
    attemptNumber: Number(row.attemptNumber),
    score: Number(row.score),
    maxScore: Number(row.maxScore),
    submittedAt: toDate(row.createdAt),
  }));
}

export async function classProgress(classId: string, courseSlug: string, onlyUserId?: string): Promise<GradebookProgress[]> {
  const rows = onlyUserId
    ? await db().$queryRaw<Row[]>`
        SELECT p."userId", p."lessonSlug", p."completedAt", p."lastVisitedAt" FROM "LessonProgress" p
        WHERE p."userId" = ${onlyUserId} AND p."courseSlug" = ${courseSlug}
          AND EXISTS (SELECT 1 FROM "ClassMember" m WHERE m."classId" = ${classId} AND m."userId" = p."userId")`
    : await db().$queryRaw<Row[]>`
        SELECT p."userId", p."lessonSlug", p."completedAt", p."lastVisitedAt" FROM "LessonProgress" p
        JOIN "ClassMember" m ON m."userId" = p."userId" AND m."classId" = ${classId}
        WHERE p."courseSlug" = ${courseSlug}`;
  return rows.map((row) => ({
    userId: String(row.userId),
    lessonSlug: String(row.lessonSlug),
    completedAt: toDateOrNull(row.completedAt),
    lastVisitedAt: toDate(row.lastVisitedAt),
  }));
}
