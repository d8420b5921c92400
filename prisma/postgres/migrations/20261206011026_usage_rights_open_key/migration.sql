-- AlterTable
ALTER TABLE "UsageRightsRequest" ADD COLUMN     "openKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "UsageRightsRequest_openKey_key" ON "UsageRightsRequest"("openKey");
