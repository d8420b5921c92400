-- CreateIndex
CREATE INDEX "Ambassador_brandId_city_idx" ON "Ambassador"("brandId", "city");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_lastTouchAt_idx" ON "Ambassador"("brandId", "lastTouchAt");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_joinedAt_idx" ON "Ambassador"("brandId", "joinedAt");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_createdAt_idx" ON "Ambassador"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "SocialAccount_platform_ambassadorId_idx" ON "SocialAccount"("platform", "ambassadorId");
