-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LessonRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lessonId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "compiled" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "message" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LessonRevision_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "StudioLesson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LessonRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_LessonRevision" ("authorId", "createdAt", "id", "lessonId", "message", "number", "source") SELECT "authorId", "createdAt", "id", "lessonId", "message", "number", "source" FROM "LessonRevision";
DROP TABLE "LessonRevision";
ALTER TABLE "new_LessonRevision" RENAME TO "LessonRevision";
CREATE UNIQUE INDEX "LessonRevision_lessonId_number_key" ON "LessonRevision"("lessonId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

