-- AlterTable
ALTER TABLE "Job" ADD COLUMN "lockedBy" TEXT;
