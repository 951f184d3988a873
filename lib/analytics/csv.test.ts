import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { statsAttempts, statsQuiz } from "./analytics-fixture";
import { csvCell, gradebookCsv, learnerProgressCsv, toCsv } from "./csv";
import { gradebook, learnerProgress } from "./learner-progress";

/** A minimal RFC 4180 reader, to check that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it("neutralises formula starts in text cells", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers, booleans, dates and blanks", () => {
    expect(csvCell(-0.25)).toBe("-0.25"); // a number, not a formula
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(new Date("2025-01-04T08:00:00Z"))).toBe("2025-01-04T08:00:00.000Z");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF", () => {
    expect(toCsv([["a", 1], ["b", 2]])).toBe("a,1\r\nb,2\r\n");
  });

  it("round-trips any text through an RFC 4180 reader, apart from the formula guard", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const guarded = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
        expect(parseCsv(toCsv(rows))).toEqual(guarded);
      }),
    );
  });
});

describe("grade exports", () => {
  it("writes the learner progress table with a header and percentages", () => {
    const csv = learnerProgressCsv(learnerProgress(statsQuiz.policy, statsAttempts), (id) => `=${id}@example.org`);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(["learner", "attempts", "first %", "best %", "last %", "grade %", "passed", "attempts left", "last submitted"]);
    expect(rows).toHaveLength(6);
    expect(rows[2]).toEqual(["'=u2@example.org", "2", "50", "100", "100", "100", "true", "1", "2025-01-04T08:00:00.000Z"]);
    expect(rows[4]).toEqual(["'=u4@example.org", "2", "33.33", "33.33", "33.33", "33.33", "false", "1", "2025-01-05T08:00:00.000Z"]);
  });

  it("writes the gradebook with blanks for quizzes never attempted", () => {
    const book = gradebook([
      { quizId: "stats-quiz", policy: statsQuiz.policy, attempts: statsAttempts },
      { quizId: "later", policy: statsQuiz.policy, attempts: statsAttempts.filter((a) => a.userId === "u1") },
    ]);
    expect(gradebookCsv(book)).toBe(
      ["learner,stats-quiz %,later %,quizzes passed", "u1,100,100,2", "u2,100,,1", "u3,50,,0", "u4,33.33,,0", "u5,50,,0", ""].join("\r\n"),
    );
  });
});
