-- AlterTable (an added column, not a redefined table: the table's triggers stay)
ALTER TABLE "Brand" ADD COLUMN "scoreWeights" TEXT NOT NULL DEFAULT '';
