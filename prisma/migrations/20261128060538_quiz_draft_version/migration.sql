-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "quizVersion" TEXT NOT NULL DEFAULT '',
    "attemptNumber" INTEGER NOT NULL DEFAULT 0,
    "responses" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QuizDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizDraft" ("id", "quizId", "responses", "updatedAt", "userId") SELECT "id", "quizId", "responses", "updatedAt", "userId" FROM "QuizDraft";
DROP TABLE "QuizDraft";
ALTER TABLE "new_QuizDraft" RENAME TO "QuizDraft";
CREATE UNIQUE INDEX "QuizDraft_userId_quizId_key" ON "QuizDraft"("userId", "quizId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

