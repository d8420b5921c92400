-- DropIndex
DROP INDEX "Ambassador_brandId_city_idx";

-- CreateIndex
CREATE INDEX "Ambassador_brandId_city_name_id_idx" ON "Ambassador"("brandId", "city", "name", "id");
