// Classes, end to end: an instructor creates a class and sets due dates; two students join (one through the
// link and sign-up, one with the code); they take quizzes; the class page shows their progress and grades
// with late and overdue flags; each CSV format matches the page; another instructor and a student of
// another class get 403 everywhere; a removed student's attempts are kept. Runs on SQLite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { type Browser, expect, type Page, test } from "@playwright/test";
import type { QuizDefinition } from "@/lib/quiz/types";
import { COURSE, createAccount, DEMO, expectNoAxeViolations, LESSONS, quizDefinition, quizDefinitions, signInViaApi, uniqueEmail } from "./support";

const L1 = LESSONS[0];
const L2 = LESSONS[1];

type Responses = Record<string, string[]>;
const allCorrect = (quiz: QuizDefinition): Responses => Object.fromEntries(quiz.items.map((item) => [item.id, item.choices.filter((choice) => choice.correct).map((choice) => choice.id)]));
/** The first `right` items answered correctly, the rest wrong. */
const partlyCorrect = (quiz: QuizDefinition, right: number): Responses =>
  Object.fromEntries(
    quiz.items.map((item, index) => [item.id, index < right ? item.choices.filter((choice) => choice.correct).map((choice) => choice.id) : [item.choices.find((choice) => !choice.correct)!.id]]),
  );

async function submit(page: Page, quiz: QuizDefinition, responses: Responses): Promise<number> {
  const response = await page.request.post(`/api/quizzes/${quiz.id}/attempts`, { data: { quizId: quiz.id, quizVersion: quiz.version, submissionId: randomUUID(), responses } });
  expect(response.status()).toBe(201);
  const { review } = (await response.json()) as { review: { score: number; maxScore: number } };
  return review.score / review.maxScore;
}

/** Content the browser loads after the page (due dates, quiz state): slow on a loaded machine. */
const LOADED = { timeout: 30_000 };
const pct = (fraction: number) => Math.round(fraction * 10_000) / 100;

/** A page in a context of its own (a separate visitor; axe needs pages made this way). */
async function newVisitor(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await newVisitor(browser);
  await signInViaApi(page, email, password);
  return page;
}

/** A new account with the instructor role, set by the demo admin. */
async function newInstructor(browser: Browser): Promise<Page> {
  const page = await newVisitor(browser);
  const account = await createAccount(page.request, "Other Instructor");
  await signInViaApi(page, account.email, account.password);
  const admin = await signedInPage(browser, DEMO.admin.email, DEMO.admin.password);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
  expect((await admin.request.patch(`/api/admin/users/${session.user.id}/role`, { data: { role: "instructor" } })).status()).toBe(200);
  await admin.context().close();
  return page;
}

/** What the class page shows per current student: quiz grades (null: no attempt) and progress, by email. */
async function pageFigures(page: Page, quizIds: string[]) {
  return page.locator('section[aria-labelledby="students-heading"] tbody tr[data-student]').evaluateAll(
    (rows, ids) =>
      rows.map((row) => {
        const cell = (name: string) => row.querySelector(`[data-cell="${name}"]`)!;
        const grade = (id: string) => {
          const text = cell(`quiz:${id}`).querySelector("[data-grade]")?.textContent ?? null;
          return text === null ? null : Number(text.replace("%", ""));
        };
        return {
          email: row.getAttribute("data-student")!,
          grades: Object.fromEntries(ids.map((id) => [id, grade(id)])),
          progress: Number(/\(([\d.]+)%\)/.exec(cell("progress").textContent ?? "")![1]),
        };
      }),
    quizIds,
  );
}

async function downloadCsv(page: Page, format: string): Promise<string[][]> {
  await page.getByLabel("Gradebook CSV for").selectOption(format);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`-gradebook-${format}\\.csv$`));
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parse(text, { bom: true }) as string[][];
}

test("an instructor runs a class: students join, take quizzes, and the page, the CSVs and the permissions agree", async ({ page, browser }) => {
  test.setTimeout(480_000); // a long journey; on a loaded two-core machine it needs the room
  const l1 = quizDefinition("l1-check");
  const l2 = quizDefinition("l2-check");
  const className = `Reading group ${randomUUID().slice(0, 6)}`;

  // The instructor creates the class and sets due dates: lesson 1 already past, lesson 2 ahead.
  await signInViaApi(page, DEMO.instructor.email, DEMO.instructor.password);
  await page.goto("/studio/classes");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name").fill(className);
  await page.getByLabel("Time zone (due dates are set and shown in it)").selectOption("Europe/London");
  await page.getByLabel("Starts (optional)").fill("2026-01-05");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(className);
  const classUrl = new URL(page.url()).pathname;
  const classId = classUrl.split("/").at(-1)!;
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  const joinPath = `/join/${code}`;
  await expect(page.getByTestId("join-link")).toHaveAttribute("href", joinPath);

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel(/^1\. /).fill("2026-01-10T09:00");
  await page.getByLabel(/^2\. /).fill("2030-06-01T17:00");
  await page.getByRole("button", { name: "Save due dates" }).click();
  await expect(page.getByText("Due dates saved.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Student A joins with the code at /classes, however it is typed.
  const studentA = await newVisitor(browser);
  const accountA = await createAccount(studentA.request, "Ada Student");
  await signInViaApi(studentA, accountA.email, accountA.password);
  await studentA.goto("/classes");
  await studentA.getByLabel("Class code").fill(code.replace("-", "").toLowerCase());
  await studentA.getByRole("button", { name: "Join class" }).click();
  await expect(studentA.getByTestId("joined")).toContainText(`You joined ${className}.`);
  // Joining again changes nothing.
  const again = await studentA.request.post("/api/classes/join", { data: { code } });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ classId, alreadyMember: true });

  // Student B opens the link signed out, signs up on the way, and lands back on the class.
  const studentB = await newVisitor(browser);
  const emailB = uniqueEmail("bea");
  await studentB.goto(joinPath);
  await expect(studentB).toHaveURL(/\/signin\?callbackUrl=/);
  await studentB.locator("main").getByRole("link", { name: "Sign up" }).click();
  await studentB.getByLabel("Name").fill("Bea Student");
  await studentB.getByLabel("Email").fill(emailB);
  await studentB.getByLabel(/^Password/).fill("a-long-password");
  await studentB.getByRole("button", { name: "Create account" }).click();
  await expect(studentB).toHaveURL(new RegExp(`${joinPath}$`));
  await expect(studentB.getByText(/instructors see your progress and quiz grades/)).toBeVisible();
  await expectNoAxeViolations(studentB);
  await studentB.getByRole("button", { name: `Join ${className}` }).click();
  await expect(studentB.getByTestId("joined")).toContainText(`You joined ${className}.`);

  // They take quizzes: A in the lesson page (late: lesson 1 was due in January), both over the API too.
  await studentA.goto(`/courses/${COURSE}/${L1}`);
  const quizBox = studentA.getByTestId(`quiz-${l1.id}`);
  await expect(quizBox).toHaveAttribute("data-phase", "answering", LOADED);
  for (const [, ids] of Object.entries(allCorrect(l1))) for (const id of ids) await studentA.locator(`input[value="${id}"]`).check();
  await quizBox.getByRole("button", { name: "Submit answers" }).click();
  await expect(quizBox).toHaveAttribute("data-phase", "reviewing", LOADED);
  const a2 = await submit(studentA, l2, partlyCorrect(l2, 6));
  const b1 = Math.max(await submit(studentB, l1, partlyCorrect(l1, 3)), await submit(studentB, l1, partlyCorrect(l1, 5)));

  // Due dates show on the lesson page and the syllabus; B's lesson 1 is overdue, A's (passed) is not.
  await studentA.goto(`/courses/${COURSE}/${L2}`);
  await expect(studentA.getByTestId(`due-${L2}`)).toContainText(`Due Sat 1 Jun 2030, 17:00 BST · ${className}`, LOADED);
  await studentB.goto(`/courses/${COURSE}`);
  await expect(studentB.getByTestId(`due-${L1}`)).toContainText("Overdue", LOADED);
  await expect(studentB.getByTestId(`due-${L2}`)).not.toContainText("Overdue");
  await studentA.goto(`/courses/${COURSE}`);
  await expect(studentA.getByTestId(`due-${L1}`)).toContainText("Due Sat 10 Jan 2026, 09:00 GMT", LOADED);
  await expect(studentA.getByTestId(`due-${L1}`)).not.toContainText("Overdue");

  // Each student's /classes shows their own standing, never a classmate's.
  await studentB.goto("/classes");
  const bCard = studentB.locator(`section[data-class="${className}"]`);
  await expect(bCard.locator(`tr[data-lesson="${L1}"]`)).toContainText(`${pct(b1)}%`);
  await expect(bCard.locator(`tr[data-lesson="${L1}"]`)).toContainText("overdue");
  await expect(studentB.locator("body")).not.toContainText(accountA.email);
  await expectNoAxeViolations(studentB);

  // The class page: progress and grades under each quiz's policy, with late, overdue and attempts.
  await page.goto(classUrl);
  const rowA = page.locator(`tr[data-student="${accountA.email}"]`);
  const rowB = page.locator(`tr[data-student="${emailB}"]`);
  await expect(rowA.locator(`[data-cell="quiz:${l1.id}"]`)).toContainText("100%");
  await expect(rowA.locator(`[data-cell="quiz:${l1.id}"]`)).toContainText("late");
  await expect(rowA.locator(`[data-cell="lesson:${L1}"]`)).toContainText("complete");
  await expect(rowA.locator(`[data-cell="quiz:${l2.id}"]`)).toContainText(`${pct(a2)}%`);
  await expect(rowA.locator(`[data-cell="quiz:${l2.id}"]`)).not.toContainText("late");
  await expect(rowB.locator(`[data-cell="quiz:${l1.id}"]`)).toContainText(`${pct(b1)}%`);
  await expect(rowB.locator(`[data-cell="quiz:${l1.id}"]`)).toContainText("2 attempts");
  await expect(rowB.locator(`[data-cell="lesson:${L1}"]`)).toContainText("overdue");
  await expect(rowB.locator(`[data-cell="last-active"]`)).not.toContainText("never");
  await expectNoAxeViolations(page);

  // Every CSV format matches the page, student by student and quiz by quiz.
  const quizIds = quizDefinitions()
    .filter((quiz) => quiz.courseSlug === COURSE)
    .map((quiz) => quiz.id);
  const shown = await pageFigures(page, quizIds);
  expect(shown.map((row) => row.email).sort()).toEqual([accountA.email, emailB.toLowerCase()].sort());
  const column = (header: string[], quizId: string) => header.findIndex((title) => title.includes(`[${quizId}]`));
  const spreadsheet = await downloadCsv(page, "spreadsheet");
  const moodle = await downloadCsv(page, "moodle");
  const canvas = await downloadCsv(page, "canvas");
  expect(canvas[0]!.slice(0, 5)).toEqual(["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]);
  expect(canvas[1]![0]).toBe("Points Possible");
  for (const student of shown) {
    const sheetRow = spreadsheet.find((row) => row[1] === student.email)!;
    const moodleRow = moodle.find((row) => row[0] === student.email)!;
    const canvasRow = canvas.find((row) => row[3] === student.email)!;
    for (const quizId of quizIds) {
      const expected = student.grades[quizId];
      expect(sheetRow[column(spreadsheet[0]!, quizId)]).toBe(expected === null ? "" : String(expected));
      expect(moodleRow[column(moodle[0]!, quizId)]).toBe(expected === null ? "-" : String(expected));
      expect(canvasRow[column(canvas[0]!, quizId)]).toBe(expected === null ? "" : String(expected));
    }
    for (const [rows, row] of [[spreadsheet, sheetRow], [moodle, moodleRow], [canvas, canvasRow]] as const) {
      expect(row[rows[0]!.indexOf("Course progress (%)")]).toBe(String(student.progress));
    }
  }
  expect(spreadsheet.length).toBe(1 + shown.length);

  // Analytics filtered to the class.
  await page.getByRole("link", { name: "Quiz analytics for this class" }).click();
  await expect(page.getByTestId("analytics-class")).toContainText(className);

  // A second instructor and a student of another class: 403 at every class URL and API.
  const otherInstructor = await newInstructor(browser);
  const otherClass = await otherInstructor.request.post("/api/classes", { data: { name: "Other class", courseSlug: COURSE, timeZone: "UTC", startsOn: null, endsOn: null } });
  expect(otherClass.status()).toBe(201);
  const otherStudent = await newVisitor(browser);
  const accountC = await createAccount(otherStudent.request, "Cy Elsewhere");
  await signInViaApi(otherStudent, accountC.email, accountC.password);
  expect((await otherStudent.request.post("/api/classes/join", { data: { code: ((await otherClass.json()) as { joinCode: string }).joinCode } })).status()).toBe(200);
  const someStudentId = await userId(studentA);
  const pages = [classUrl, `${classUrl}/settings`, `/studio/analytics?class=${classId}`];
  const apis: Array<[string, string, unknown?]> = [
    ["GET", `/api/classes/${classId}/gradebook`],
    ["PATCH", `/api/classes/${classId}`, { name: "Taken over" }],
    ["PATCH", `/api/classes/${classId}`, { archived: true }],
    ["PUT", `/api/classes/${classId}/due-dates`, { dueDates: [{ lessonSlug: L1, dueAt: null }] }],
    ["POST", `/api/classes/${classId}/join-code`, { action: "regenerate" }],
    ["POST", `/api/classes/${classId}/instructors`, { email: DEMO.admin.email }],
    ["DELETE", `/api/classes/${classId}/instructors/${someStudentId}`],
    ["PATCH", `/api/classes/${classId}/students/${someStudentId}`, { status: "removed" }],
  ];
  for (const outsider of [otherInstructor, otherStudent]) {
    for (const path of pages) expect((await outsider.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    for (const [method, path, data] of apis) {
      const response = await outsider.request.fetch(path, { method, data });
      expect(response.status(), `${method} ${path}`).toBe(403);
      expect(await response.text()).not.toContain(accountA.email);
    }
  }
  await otherInstructor.goto("/studio/classes");
  await expect(otherInstructor.getByTestId("class-list")).not.toContainText(className);
  await otherInstructor.goto(`/studio/analytics?course=${COURSE}`);
  await expect(otherInstructor.locator("main")).not.toContainText(accountA.email);
  const otherCsv = await otherInstructor.request.get(`/api/studio/analytics/grades?course=${COURSE}`);
  expect(await otherCsv.text()).not.toContain(accountA.email);
  // Nothing the outsiders tried changed the class.
  await page.goto(classUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(className);
  await expect(page.getByTestId("join-code")).toHaveText(code);

  // The instructor removes B: off the roster and the exports, every attempt kept.
  await rowB.getByRole("button", { name: "Remove Bea Student from the class" }).click();
  await rowB.getByRole("button", { name: "Confirm: remove Bea Student from the class" }).click();
  const removed = page.locator('section[aria-labelledby="removed-heading"]');
  await expect(removed.locator(`tr[data-student="${emailB.toLowerCase()}"] [data-cell="quiz:${l1.id}"]`)).toContainText(`${pct(b1)}%`);
  await expect(page.locator(`section[aria-labelledby="students-heading"] tr[data-student="${emailB.toLowerCase()}"]`)).toHaveCount(0);
  const state = (await (await studentB.request.get(`/api/quizzes/${l1.id}/state`)).json()) as { attempts: unknown[] };
  expect(state.attempts).toHaveLength(2);
  expect((await downloadCsv(page, "spreadsheet")).some((row) => row[1] === emailB.toLowerCase())).toBe(false);
  await studentB.goto("/classes");
  await expect(studentB.locator(`section[data-class="${className}"]`)).toHaveCount(0);

  for (const opened of [studentA, studentB, otherInstructor, otherStudent]) await opened.context().close();
});

test("join codes: unknown, disabled and regenerated codes get a clear message, and guessing is throttled", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInViaApi(page, DEMO.instructor.email, DEMO.instructor.password);
  const created = await page.request.post("/api/classes", { data: { name: "Code rules", courseSlug: COURSE, timeZone: "UTC", startsOn: null, endsOn: null } });
  const { id, joinCode } = (await created.json()) as { id: string; joinCode: string };
  const student = await newVisitor(browser);
  await createAccount(student.request).then((account) => signInViaApi(student, account.email, account.password));

  await student.goto("/join/ZZZZ-ZZZZ");
  await expect(student.getByTestId("join-problem")).toContainText("No class has this code");

  await page.goto(`/studio/classes/${id}`);
  await page.getByRole("button", { name: "Turn joining off" }).click();
  await expect(page.getByTestId("join-disabled")).toBeVisible();
  await student.goto(`/join/${joinCode}`);
  await expect(student.getByTestId("join-problem")).toContainText("not accepting students with this code");
  await page.getByRole("button", { name: "Turn joining on" }).click();
  await expect(page.getByTestId("join-code")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "New code" }).click();
  await expect(page.getByTestId("join-code")).not.toHaveText(`${joinCode.slice(0, 4)}-${joinCode.slice(4)}`);
  const fresh = (await page.getByTestId("join-code").textContent())!;
  expect((await student.request.post("/api/classes/join", { data: { code: joinCode } })).status()).toBe(404);

  // Ten codes that do not work, then even the right one waits: guessing costs time.
  for (let guess = 0; guess < 7; guess++) expect((await student.request.post("/api/classes/join", { data: { code: `0000-000${guess}` } })).status()).toBe(404);
  const throttled = await student.request.post("/api/classes/join", { data: { code: fresh } });
  expect(throttled.status()).toBe(429);
  expect((await throttled.json()).error).toMatch(/Too many class codes that did not work/);
  await student.context().close();
});

async function userId(page: Page): Promise<string> {
  return ((await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
}
