-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "batchKey" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMessage_batchKey_idx" ON "OutboxMessage"("batchKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_brandId_status_idx" ON "OutboxMessage"("brandId", "status");
