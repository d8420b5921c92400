-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "scoreWeights" TEXT NOT NULL DEFAULT '';
