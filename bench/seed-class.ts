// Seeds one class of N students (default 500) for bench/classes-bench.ts: every student with two attempts at
// every quiz of the course, progress on every lesson, and a due date per lesson (some attempts fall after
// it, so late flags are computed too). Rows go in with createMany: seeding is not what is measured.
// Prints { classId, instructor (with a live session id) } as JSON.
//   DATABASE_URL=… tsx --conditions=react-server bench/seed-class.ts [students]
import { randomUUID } from "node:crypto";
import { generateJoinCode } from "@/lib/classes/join-code";
import { readCompiledCourse, readQuizDefinitions } from "@/lib/content/compiled-store";
import { db } from "@/lib/db/client";
import { quizVersionId } from "@/lib/attempts/quiz-versions";

const DAY = 86_400_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let at = 0; at < rows.length; at += size) await write(rows.slice(at, at + size));
}

async function main() {
  const count = Number(process.argv[2] ?? 500);
  const quizzes = await readQuizDefinitions();
  const courseSlug = quizzes[0]!.courseSlug;
  const course = await readCompiledCourse(courseSlug);
  if (!course) throw new Error(`no compiled course ${courseSlug}: run npm run content:build`);
  const run = randomUUID().slice(0, 8);
  const start = Date.now() - 60 * DAY;

  const instructor = await db().user.create({ data: { email: `bench-instructor-${run}@example.com`, name: "Bench instructor", role: "instructor" } });
  const cls = await db().class.create({ data: { name: `Bench class ${run}`, courseSlug, timeZone: "Europe/London", joinCode: generateJoinCode(), createdById: instructor.id } });
  await db().classInstructor.create({ data: { classId: cls.id, userId: instructor.id, role: "owner" } });
  // A live session row for the instructor, as a sign-in would write (lib/auth/session-store.ts): every request checks it.
  const sessionId = `bench-instructor-${run}-session`;
  await db().session.create({ data: { id: sessionId, userId: instructor.id, expiresAt: new Date(Date.now() + DAY) } });
  await db().classDueDate.createMany({ data: course.lessons.map((lesson, index) => ({ classId: cls.id, lessonSlug: lesson.slug, dueAt: new Date(start + (index + 1) * 7 * DAY) })) });

  const students = Array.from({ length: count }, (_, index) => ({ id: `bench-${run}-${index}`, email: `bench-${run}-${index}@example.com`, name: `Student ${String(index).padStart(3, "0")}` }));
  await inChunks(students, (chunk) => db().user.createMany({ data: chunk }));
  await inChunks(students, (chunk) => db().classMember.createMany({ data: chunk.map((student) => ({ classId: cls.id, userId: student.id })) }));

  const attempts = students.flatMap((student, s) =>
    quizzes.flatMap((quiz, q) =>
      [1, 2].map((attemptNumber) => {
        const maxScore = quiz.items.length;
        const score = (s * 7 + q * 3 + attemptNumber * 5) % (maxScore + 1);
        return {
          id: randomUUID(),
          userId: student.id,
          quizId: quiz.id,
          quizVersionId: quizVersionId(quiz),
          submissionId: randomUUID(),
          attemptNumber,
          responses: "{}",
          itemScores: "[]",
          score,
          maxScore,
          passed: score / maxScore >= quiz.policy.passMark,
          createdAt: new Date(start + (q * 7 + ((s + attemptNumber * 3) % 10)) * DAY),
        };
      }),
    ),
  );
  await inChunks(attempts, (chunk) => db().quizAttempt.createMany({ data: chunk }));

  const progress = students.flatMap((student, s) =>
    course.lessons.map((lesson, l) => ({
      userId: student.id,
      courseSlug,
      lessonSlug: lesson.slug,
      lastVisitedAt: new Date(start + (l * 7 + (s % 9)) * DAY),
      completedAt: (s + l) % 3 === 0 ? null : new Date(start + (l * 7 + (s % 9)) * DAY),
    })),
  );
  await inChunks(progress, (chunk) => db().lessonProgress.createMany({ data: chunk }));

  await db().$disconnect();
  process.stdout.write(`${JSON.stringify({ classId: cls.id, instructor: { id: instructor.id, email: instructor.email, name: instructor.name, sessionId }, students: count, quizzes: quizzes.length, lessons: course.lessons.length, attempts: attempts.length })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
