-- AlterTable
ALTER TABLE "Ambassador" ADD COLUMN "engagementMedian" REAL;
ALTER TABLE "Ambassador" ADD COLUMN "growth90" REAL;
ALTER TABLE "Ambassador" ADD COLUMN "saturation" REAL;
ALTER TABLE "Ambassador" ADD COLUMN "signalsAt" DATETIME;

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedView_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (an added column, not a redefined table: the table's triggers stay)
ALTER TABLE "Brand" ADD COLUMN "tierEngagementMedians" TEXT NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_brandId_name_key" ON "SavedView"("brandId", "name");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_growth90_idx" ON "Ambassador"("brandId", "growth90");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_engagementMedian_idx" ON "Ambassador"("brandId", "engagementMedian");
