-- AlterTable
ALTER TABLE "Ambassador" ADD COLUMN     "engagementMedian" DOUBLE PRECISION,
ADD COLUMN     "growth90" DOUBLE PRECISION,
ADD COLUMN     "saturation" DOUBLE PRECISION,
ADD COLUMN     "signalsAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "tierEngagementMedians" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_brandId_name_key" ON "SavedView"("brandId", "name");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_growth90_idx" ON "Ambassador"("brandId", "growth90");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_engagementMedian_idx" ON "Ambassador"("brandId", "engagementMedian");

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;
