-- AlterTable
ALTER TABLE "QuizDraft" ADD COLUMN     "attemptNumber" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quizVersion" TEXT NOT NULL DEFAULT '';

