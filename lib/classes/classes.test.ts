// Classes against a real (temporary) SQLite database: who may see and change a class, joining (idempotent,
// refused with a clear reason, throttled), removal and archiving that keep every attempt, due dates in the
// class's time zone, and a gradebook loaded with a fixed number of queries however large the class.
// The e2e journeys (e2e/classes.spec.ts) run the same paths over HTTP on SQLite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/accounts";
import { readMigrations, runMigrations, sqliteTarget } from "@/lib/db/migrate";
import { goodhartQuiz } from "@/lib/quiz/test-fixtures";

const file = path.join(mkdtempSync(path.join(tmpdir(), "af-classes-test-")), "test.db");
process.env.DATABASE_URL = `file:${file}`;

vi.mock("@/lib/course/catalog", () => ({
  getCourse: (slug: string) =>
    Promise.resolve(
      slug === "test-course"
        ? {
            manifest: { slug, title: "Test course" },
            lessons: [
              { slug: "one", title: "One", quizIds: ["q-one"] },
              { slug: "two", title: "Two", quizIds: ["q-two"] },
            ],
          }
        : null,
    ),
}));

const { db } = await import("@/lib/db/client");
const { syncQuizVersions } = await import("@/lib/attempts/quiz-versions");
const store = await import("./class-store");
const { requireTaughtClass } = await import("./access");
const { joinClass, findJoinableClass } = await import("./join");
const { loadClassGradebook } = await import("./gradebook-data");
const { myClasses, dueDatesForCourse } = await import("./student-view");
const { formatJoinCode } = await import("./join-code");
const { learnersHiddenFrom } = await import("./visibility");

const quizOne = { ...goodhartQuiz({ grading: "highest" }), id: "q-one", version: "v1", courseSlug: "test-course", lessonSlug: "one" };
const quizTwo = { ...goodhartQuiz({ grading: "last" }), id: "q-two", version: "v1", courseSlug: "test-course", lessonSlug: "two" };

async function person(role: SessionUser["role"], name = "Person"): Promise<SessionUser> {
  const id = randomUUID();
  const user = await db().user.create({ data: { id, email: `${id}@example.com`, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

async function attempt(userId: string, quizId: string, attemptNumber: number, score: number, createdAt = new Date()) {
  await db().quizAttempt.create({
    data: { userId, quizId, quizVersionId: `${quizId}@v1`, submissionId: randomUUID(), attemptNumber, responses: "{}", itemScores: "[]", score, maxScore: 3, passed: score >= 2.1, createdAt },
  });
}

const newClass = (owner: SessionUser, name = "Seminar A") =>
  store.createClass(owner, { name, courseSlug: "test-course", timeZone: "Europe/London", startsOn: null, endsOn: null });
const codeOf = async (classId: string) => (await db().class.findUniqueOrThrow({ where: { id: classId } })).joinCode;
const status = (promise: Promise<unknown>) => promise.then(() => 200, (error: { status?: number }) => error.status ?? 500);

beforeAll(async () => {
  const target = await sqliteTarget(file);
  await runMigrations(target, readMigrations("prisma/migrations"));
  await target.close();
  await syncQuizVersions(db(), [quizOne, quizTwo]);
});

afterAll(async () => {
  await db().$disconnect();
});

describe("class access", () => {
  it("lets the owner, co-instructors and admins in; another instructor and students get 403, exists or not", async () => {
    const [owner, co, other, student, admin] = await Promise.all([person("instructor"), person("instructor"), person("instructor"), person("student"), person("admin")]);
    const { id } = await newClass(owner);
    await store.addCoInstructor(owner, id, co.email);
    expect((await requireTaughtClass(owner, id)).role).toBe("owner");
    expect((await requireTaughtClass(co, id)).role).toBe("co-instructor");
    expect((await requireTaughtClass(admin, id)).role).toBe("admin");
    expect(await status(requireTaughtClass(other, id))).toBe(403);
    expect(await status(requireTaughtClass(student, id))).toBe(403);
    expect(await status(requireTaughtClass(other, "no-such-class"))).toBe(403);
    expect(await status(requireTaughtClass(admin, "no-such-class"))).toBe(404);
    expect((await store.listTaughtClasses(other)).map((cls) => cls.id)).not.toContain(id);
    expect((await store.listTaughtClasses(co)).map((cls) => cls.id)).toContain(id);
    expect((await store.listTaughtClasses(admin)).map((cls) => cls.id)).toContain(id);
  });

  it("keeps co-instructor and archive decisions with the owner and admins", async () => {
    const [owner, co, another] = await Promise.all([person("instructor"), person("instructor"), person("instructor")]);
    const { id } = await newClass(owner);
    await store.addCoInstructor(owner, id, co.email);
    expect(await status(store.addCoInstructor(co, id, another.email))).toBe(403);
    expect(await status(store.updateClass(co, id, { archived: true }))).toBe(403);
    expect(await status(store.removeCoInstructor(owner, id, owner.id))).toBe(409);
    expect(await status(store.addCoInstructor(owner, id, (await person("student")).email))).toBe(409);
    expect(await status(store.addCoInstructor(owner, id, "nobody@example.com"))).toBe(404);
    await store.removeCoInstructor(owner, id, co.id);
    expect(await status(requireTaughtClass(co, id))).toBe(403);
  });
});

describe("course-wide views", () => {
  it("hide another instructor's students unless they are also in one of the caller's classes", async () => {
    const [mine, theirs, admin] = await Promise.all([person("instructor"), person("instructor"), person("admin")]);
    const [onlyTheirs, both, neither, removedFromTheirs] = await Promise.all([person("student"), person("student"), person("student"), person("student")]);
    const myClass = await newClass(mine);
    const theirClass = await newClass(theirs);
    await joinClass(onlyTheirs, await codeOf(theirClass.id), "test");
    await joinClass(both, await codeOf(theirClass.id), "test");
    await joinClass(both, await codeOf(myClass.id), "test");
    await joinClass(removedFromTheirs, await codeOf(theirClass.id), "test");
    await store.setMemberStatus(theirs, theirClass.id, removedFromTheirs.id, "removed");
    const hidden = await learnersHiddenFrom(mine);
    expect(hidden).toContain(onlyTheirs.id);
    for (const visible of [both, neither, removedFromTheirs]) expect(hidden).not.toContain(visible.id);
    expect(await learnersHiddenFrom(theirs)).not.toContain(onlyTheirs.id);
    expect(await learnersHiddenFrom(admin)).toEqual([]);
  });
});

describe("joining", () => {
  it("is idempotent, however the code is typed", async () => {
    const owner = await person("instructor");
    const student = await person("student");
    const { id } = await newClass(owner);
    const code = await codeOf(id);
    expect((await joinClass(student, formatJoinCode(code).toLowerCase(), "test")).alreadyMember).toBe(false);
    expect((await joinClass(student, code, "test")).alreadyMember).toBe(true);
    await Promise.all([joinClass(student, code, "test"), joinClass(student, code, "test")]);
    expect(await db().classMember.count({ where: { classId: id } })).toBe(1);
  });

  it("refuses unknown, disabled and archived codes with a reason, and instructors of the class", async () => {
    const owner = await person("instructor");
    const student = await person("student");
    const { id } = await newClass(owner);
    const code = await codeOf(id);
    await expect(joinClass(student, "0000-0000", "test")).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/No class has this code/) });
    await expect(joinClass(owner, code, "test")).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/You teach this class/) });
    await store.changeJoinCode(owner, id, "disable");
    await expect(joinClass(student, code, "test")).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/not accepting students/) });
    await store.changeJoinCode(owner, id, "enable");
    const fresh = await store.changeJoinCode(owner, id, "regenerate");
    expect(fresh.joinCode).not.toBe(code);
    await expect(joinClass(student, code, "test")).rejects.toMatchObject({ status: 404 });
    await store.updateClass(owner, id, { archived: true });
    await expect(joinClass(student, fresh.joinCode, "test")).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/ended/) });
  });

  it("throttles an account after 10 codes that did not work, but never a code that works", async () => {
    const owner = await person("instructor");
    const guesser = await person("student");
    const { id } = await newClass(owner);
    for (let guess = 0; guess < 10; guess++) await expect(findJoinableClass(guesser, `0000-00${String(guess).padStart(2, "0")}`, `addr-${guess}`)).rejects.toMatchObject({ status: 404 });
    await expect(joinClass(guesser, await codeOf(id), "addr-x")).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/try again in 15 minutes/) });
  });

  it("reserves before it looks: 25 parallel guesses from one account get 10 answers and 15 refusals", async () => {
    const guesser = await person("student");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, (_, guess) => findJoinableClass(guesser, `1111-${String(guess).padStart(4, "0")}`, "198.51.100.1")),
    );
    const statuses = outcomes.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as { status: number }).status : 200));
    expect(statuses.filter((status) => status === 404)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it("holds an address back after 30 codes that did not work, across accounts, and counts codes that work not at all", async () => {
    const owner = await person("instructor");
    const { id } = await newClass(owner);
    const code = await codeOf(id);
    const address = "203.0.113.77";
    for (let guess = 0; guess < 5; guess++) await findJoinableClass(await person("student"), code, address);
    for (let guess = 0; guess < 30; guess++) {
      await expect(findJoinableClass(await person("student"), `2222-${String(guess).padStart(4, "0")}`, address)).rejects.toMatchObject({ status: 404 });
    }
    await expect(joinClass(await person("student"), code, address)).rejects.toMatchObject({ status: 429 });
    await expect(joinClass(await person("student"), code, "203.0.113.78")).resolves.toMatchObject({ id });
  });
});

describe("roster, archive and the gradebook", () => {
  it("grades under each quiz's policy, keeps a removed student's attempts, and lets them rejoin", async () => {
    const owner = await person("instructor");
    const [ada, bob] = await Promise.all([person("student", "Ada"), person("student", "Bob")]);
    const { id } = await newClass(owner);
    const code = await codeOf(id);
    await joinClass(ada, code, "test");
    await joinClass(bob, code, "test");
    await attempt(ada.id, "q-one", 1, 3);
    await attempt(ada.id, "q-one", 2, 1);
    await attempt(ada.id, "q-two", 1, 3);
    await attempt(ada.id, "q-two", 2, 1);
    await attempt(bob.id, "q-one", 1, 2);
    const book = await loadClassGradebook({ id, courseSlug: "test-course" });
    expect(book.students.map((row) => [row.name, row.quizzes.map((cell) => cell.grade)])).toEqual([
      ["Ada", [1, 1 / 3]],
      ["Bob", [2 / 3, null]],
    ]);

    await store.setMemberStatus(owner, id, bob.id, "removed");
    const after = await loadClassGradebook({ id, courseSlug: "test-course" });
    expect(after.students.map((row) => row.name)).toEqual(["Ada"]);
    expect(after.removed.map((row) => [row.name, row.quizzes[0]!.grade])).toEqual([["Bob", 2 / 3]]);
    expect(await db().quizAttempt.count({ where: { userId: bob.id } })).toBe(1);
    expect(await myClasses(bob)).toEqual([]);

    await joinClass(bob, code, "test");
    expect((await loadClassGradebook({ id, courseSlug: "test-course" })).students.map((row) => row.name)).toEqual(["Ada", "Bob"]);
  });

  it("shows a student only their own row, in every class they are in", async () => {
    const [owner, otherOwner] = await Promise.all([person("instructor"), person("instructor")]);
    const [ada, bob] = await Promise.all([person("student", "Ada"), person("student", "Bob")]);
    const first = await newClass(owner, "First");
    const second = await newClass(otherOwner, "Second");
    await joinClass(ada, await codeOf(first.id), "test");
    await joinClass(ada, await codeOf(second.id), "test");
    await joinClass(bob, await codeOf(first.id), "test");
    await attempt(bob.id, "q-one", 1, 3);
    const classes = await myClasses(ada);
    expect(classes.map((cls) => cls.name).sort()).toEqual(["First", "Second"]);
    for (const cls of classes) {
      expect(cls.book.students.map((row) => row.userId)).toEqual([ada.id]);
      expect(cls.me.quizzes.every((cell) => cell.attempts === 0)).toBe(true);
    }
  });

  it("makes an archived class read-only and keeps everything it showed", async () => {
    const owner = await person("instructor");
    const ada = await person("student", "Ada");
    const { id } = await newClass(owner);
    await joinClass(ada, await codeOf(id), "test");
    await attempt(ada.id, "q-one", 1, 3);
    const before = await loadClassGradebook({ id, courseSlug: "test-course" });
    await store.updateClass(owner, id, { archived: true });
    expect(await status(store.setMemberStatus(owner, id, ada.id, "removed"))).toBe(409);
    expect(await status(store.setDueDates(owner, id, { dueDates: [{ lessonSlug: "one", dueAt: "2026-03-01T23:59" }] }))).toBe(409);
    expect(await status(store.updateClass(owner, id, { name: "Renamed" }))).toBe(409);
    const after = await loadClassGradebook({ id, courseSlug: "test-course" });
    expect(after.students).toEqual(before.students);
    expect((await dueDatesForCourse(ada, "test-course")).classes).toEqual([]);
    await store.updateClass(owner, id, { archived: false });
    expect((await requireTaughtClass(owner, id)).record.archivedAt).toBeNull();
  });

  it("stores due dates as instants in the class's time zone and refuses lessons outside the course", async () => {
    const owner = await person("instructor");
    const ada = await person("student", "Ada");
    const { id } = await newClass(owner);
    await joinClass(ada, await codeOf(id), "test");
    await store.setDueDates(owner, id, { dueDates: [{ lessonSlug: "one", dueAt: "2026-07-01T23:59" }] });
    await db().lessonProgress.create({ data: { userId: ada.id, courseSlug: "test-course", lessonSlug: "two", completedAt: new Date() } });
    expect(await dueDatesForCourse(ada, "test-course")).toEqual({
      classes: [{ classId: id, className: "Seminar A", timeZone: "Europe/London", dueDates: { one: "2026-07-01T22:59:00.000Z" } }],
      completed: ["two"],
    });
    await store.setDueDates(owner, id, { dueDates: [{ lessonSlug: "one", dueAt: null }] });
    expect((await dueDatesForCourse(ada, "test-course")).classes[0]!.dueDates).toEqual({});
    await expect(store.setDueDates(owner, id, { dueDates: [{ lessonSlug: "elsewhere", dueAt: "2026-07-01T23:59" }] })).rejects.toMatchObject({
      status: 400,
      fields: { "dueDates.0.lessonSlug": expect.any(String) },
    });
  });

  it("loads a class with the same number of queries for 3 students as for 60", async () => {
    const owner = await person("instructor");
    const queriesFor = async (size: number) => {
      const { id } = await newClass(owner, `Size ${size}`);
      const code = await codeOf(id);
      for (let index = 0; index < size; index++) {
        const student = await person("student", `Student ${index}`);
        await joinClass(student, code, "test");
        await attempt(student.id, "q-one", 1, index % 4);
        await attempt(student.id, "q-two", 1, 2);
      }
      await loadClassGradebook({ id, courseSlug: "test-course" }); // parsed quiz definitions are cached after this
      // Every query the loader makes (model API and raw) goes through this extension while it runs.
      let queries = 0;
      const counting = db().$extends({ query: { $allOperations: ({ args, query }) => (queries++, query(args)) } });
      const original = globalThis as unknown as { afDb: unknown };
      const saved = original.afDb;
      original.afDb = counting;
      try {
        await loadClassGradebook({ id, courseSlug: "test-course" });
      } finally {
        original.afDb = saved;
      }
      return queries;
    };
    const small = await queriesFor(3);
    const large = await queriesFor(60);
    // Roster, due dates, quiz versions, attempts, progress: the raw statements are counted too.
    expect(small).toBeGreaterThanOrEqual(5);
    expect(large).toBe(small);
  });
});
