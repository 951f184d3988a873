-- AlterTable
ALTER TABLE "LessonRevision" ADD COLUMN     "compiled" TEXT NOT NULL,
ADD COLUMN     "summary" TEXT NOT NULL;

