// Classes, end to end: an instructor creates a class and sets due dates; two students join (one through the
// link and sign-up, one with the code); they take quizzes; the class page shows their progress and grades
// with late and overdue flags; each CSV format matches the page; another instructor and a student of
// another class get 403 everywhere; a removed student's attempts are kept. Runs on SQLite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import type { QuizDefinition } from "@/lib/quiz/types";
import { COURSE, createAccount, DEMO, enterAnswer, expectNoAxeViolations, LESSONS, openQuiz, quizDefinition, quizDefinitions, rightAnswer, signInViaApi, uniqueEmail, wrongAnswer } from "./support";

const L1 = LESSONS[0];
const L2 = LESSONS[1];

type Responses = Record<string, string[]>;
/** The first `right` items answered correctly, the rest wrong. */
const partlyCorrect = (quiz: QuizDefinition, right: number): Responses =>
  Object.fromEntries(
    quiz.items.map((item, index) => [item.id, index < right ? rightAnswer(item) : wrongAnswer(item)]),
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
  // A role change ends the user's sessions (lib/auth/user-admin.ts): they sign in again, as the new role.
  await page.context().clearCookies();
  await signInViaApi(page, account.email, account.password);
  return page;
}

/** A cell of the gradebook in `table` (a section of the class page): the student's row, the column whose head
 * has data-col (progress, last-active, lesson:<slug>, quiz:<id>). Rows carry no per-cell markup, so the
 * column is found by position, as a reader finds it. */
async function cellOf(table: Locator, email: string, col: string): Promise<Locator> {
  const index = await table.locator("thead th").evaluateAll((heads, wanted) => heads.findIndex((head) => head.getAttribute("data-col") === wanted), col);
  expect(index, col).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr[data-student="${email}"] > :nth-child(${index + 1})`);
}

/** What the class page shows per current student: quiz grades (null: no attempt) and progress, by email. */
async function pageFigures(page: Page, quizIds: string[]) {
  return page.locator('section[aria-labelledby="students-heading"] table').evaluate((table, ids) => {
    const heads = [...table.querySelectorAll("thead th")].map((head) => head.getAttribute("data-col"));
    const number = (text: string | null | undefined) => {
      const match = /([\d.]+)%/.exec(text ?? "");
      return match ? Number(match[1]) : null;
    };
    return [...table.querySelectorAll("tbody tr[data-student]")].map((row) => {
      const cells = [...row.children];
      const cell = (col: string) => cells[heads.indexOf(col)]!;
      const grade = (id: string) => number(cell(`quiz:${id}`).firstChild?.textContent);
      return {
        email: row.getAttribute("data-student")!,
        grades: Object.fromEntries(ids.map((id) => [id, grade(id)])),
        progress: number(cell("progress").querySelector("small")?.textContent)!,
      };
    });
  }, quizIds);
}

async function downloadCsv(page: Page, format: string): Promise<string[][]> {
  await page.getByLabel("Gradebook CSV for").selectOption(format);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`-gradebook-${format}\\.csv$`));
  const text = readFileSync(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parse(text, { bom: true });
}

test.describe("an instructor runs a class", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 }); // one journey in steps; roomy for a loaded machine
  const l1 = quizDefinition("l1-check");
  const l2 = quizDefinition("l2-check");
  const className = `Reading group ${randomUUID().slice(0, 6)}`;
  let instructor: Page, studentA: Page, studentB: Page;
  let classUrl = "", classId = "", code = "", joinPath = "", emailA = "", emailB = "";
  let a2 = 0, b1 = 0;

  test.beforeAll(async ({ browser }) => {
    instructor = await signedInPage(browser, DEMO.instructor.email, DEMO.instructor.password);
    studentA = await newVisitor(browser);
    studentB = await newVisitor(browser);
  });
  test.afterAll(async () => {
    for (const opened of [instructor, studentA, studentB]) await opened?.context().close();
  });

  test("the instructor creates a class and sets due dates: lesson 1 already past, lesson 2 ahead", async () => {
    const page = instructor;
    await page.goto("/studio/classes");
    await expectNoAxeViolations(page);
    await page.getByLabel("Name").fill(className);
    await page.getByLabel("Time zone (due dates are set and shown in it)").selectOption("Europe/London");
    await page.getByLabel("Starts (optional)").fill("2026-01-05");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(className);
    classUrl = new URL(page.url()).pathname;
    classId = classUrl.split("/").at(-1)!;
    code = (await page.getByTestId("join-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    joinPath = `/join/${code}`;
    await expect(page.getByTestId("join-link")).toHaveAttribute("href", joinPath);

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel(/^1\. /).fill("2026-01-10T09:00");
    await page.getByLabel(/^2\. /).fill("2030-06-01T17:00");
    await page.getByRole("button", { name: "Save due dates" }).click();
    await expect(page.getByText("Due dates saved.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("one student joins with the code, another through the link and sign-up", async () => {
    // Student A joins with the code at /classes, however it is typed; joining again changes nothing.
    const accountA = await createAccount(studentA.request, "Ada Student");
    emailA = accountA.email;
    await signInViaApi(studentA, accountA.email, accountA.password);
    await studentA.goto("/classes");
    await studentA.getByLabel("Class code").fill(code.replace("-", "").toLowerCase());
    await studentA.getByRole("button", { name: "Join class" }).click();
    await expect(studentA.getByTestId("joined")).toContainText(`You joined ${className}.`);
    const again = await studentA.request.post("/api/classes/join", { data: { code } });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ classId, alreadyMember: true });

    // Student B opens the link signed out, signs up on the way, and lands back on the class.
    emailB = uniqueEmail("bea");
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
  });

  test("they take quizzes, and due dates show on lessons and the syllabus, overdue where it is", async () => {
    // A answers in the lesson page (late: lesson 1 was due in January); both also over the API.
    await studentA.goto(`/courses/${COURSE}/${L1}`);
    const quizBox = studentA.getByTestId(`quiz-${l1.id}`);
    await openQuiz(quizBox, LOADED);
    // A numeric item is typed, not ticked (enterAnswer).
    for (const item of l1.items) await enterAnswer(studentA, item, rightAnswer(item));
    await quizBox.getByRole("button", { name: "Submit answers" }).click();
    await expect(quizBox).toHaveAttribute("data-phase", "reviewing", LOADED);
    a2 = await submit(studentA, l2, partlyCorrect(l2, 6));
    b1 = Math.max(await submit(studentB, l1, partlyCorrect(l1, 3)), await submit(studentB, l1, partlyCorrect(l1, 5)));

    // B's lesson 1 is overdue; A's, passed (so complete), is not.
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
    await expect(studentB.locator("body")).not.toContainText(emailA);
    await expectNoAxeViolations(studentB);
  });

  test("the class page shows progress and grades under each quiz's policy, and every CSV format matches it", async () => {
    const page = instructor;
    await page.goto(classUrl);
    const table = page.locator('section[aria-labelledby="students-heading"] table');
    const cellA = (col: string) => cellOf(table, emailA, col);
    const cellB = (col: string) => cellOf(table, emailB, col);
    await expect(await cellA(`quiz:${l1.id}`)).toContainText("100%");
    await expect(await cellA(`quiz:${l1.id}`)).toContainText("late");
    await expect(await cellA(`lesson:${L1}`)).toContainText("✓");
    await expect(await cellA(`quiz:${l2.id}`)).toContainText(`${pct(a2)}%`);
    await expect(await cellA(`quiz:${l2.id}`)).not.toContainText("late");
    await expect(await cellB(`quiz:${l1.id}`)).toContainText(`${pct(b1)}%`);
    await expect(await cellB(`quiz:${l1.id}`)).toContainText("2 attempts");
    await expect(await cellB(`lesson:${L1}`)).toContainText("overdue");
    await expect(await cellB("last-active")).not.toContainText("never");
    await expectNoAxeViolations(page);

    const quizIds = quizDefinitions()
      .filter((quiz) => quiz.courseSlug === COURSE)
      .map((quiz) => quiz.id);
    const shown = await pageFigures(page, quizIds);
    expect(shown.map((row) => row.email).sort()).toEqual([emailA, emailB].sort());
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

    await page.getByRole("link", { name: "Quiz analytics for this class" }).click();
    await expect(page.getByTestId("analytics-class")).toContainText(className);
  });

  test("another instructor and a student of another class get 403 at every class URL and API", async ({ browser }) => {
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
        expect(await response.text()).not.toContain(emailA);
      }
    }
    // Nor do course-wide views show them this class's students.
    await otherInstructor.goto("/studio/classes");
    await expect(otherInstructor.getByTestId("class-list")).not.toContainText(className);
    expect(await (await otherInstructor.request.get(`/studio/analytics?course=${COURSE}`)).text()).not.toContain(emailA);
    expect(await (await otherInstructor.request.get(`/api/studio/analytics/grades?course=${COURSE}`)).text()).not.toContain(emailA);
    // Nothing the outsiders tried changed the class.
    await instructor.goto(classUrl);
    await expect(instructor.getByRole("heading", { level: 1 })).toContainText(className);
    await expect(instructor.getByTestId("join-code")).toHaveText(code);
    for (const opened of [otherInstructor, otherStudent]) await opened.context().close();
  });

  test("a removed student leaves the roster and the exports, and keeps every attempt", async () => {
    const page = instructor;
    await page.goto(classUrl);
    const roster = page.locator('section[aria-labelledby="students-heading"]');
    const rowB = roster.locator(`tr[data-student="${emailB}"]`);
    await rowB.getByRole("checkbox", { name: "Select Bea Student" }).check();
    await roster.getByRole("button", { name: "Remove selected" }).click();
    await roster.getByRole("button", { name: "Confirm: remove 1 student" }).click();
    const removed = page.locator('section[aria-labelledby="removed-heading"] table');
    await expect(removed.locator(`tr[data-student="${emailB}"]`)).toHaveCount(1, LOADED);
    await expect(await cellOf(removed, emailB, `quiz:${l1.id}`)).toContainText(`${pct(b1)}%`);
    await expect(rowB).toHaveCount(0);
    const state = (await (await studentB.request.get(`/api/quizzes/${l1.id}/state`)).json()) as { attempts: unknown[] };
    expect(state.attempts).toHaveLength(2);
    const csv = await page.request.get(`/api/classes/${classId}/gradebook?format=spreadsheet`);
    expect(await csv.text()).not.toContain(emailB);
    await studentB.goto("/classes");
    await expect(studentB.locator(`section[data-class="${className}"]`)).toHaveCount(0);
  });
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
  expect(((await throttled.json()) as { error: string }).error).toMatch(/Too many class codes that did not work/);
  await student.context().close();
});

async function userId(page: Page): Promise<string> {
  return ((await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
}
