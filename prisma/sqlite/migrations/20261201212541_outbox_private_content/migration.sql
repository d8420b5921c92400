-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT,
    "to" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "providerId" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "redacted" BOOLEAN NOT NULL DEFAULT false,
    "privateContent" TEXT,
    CONSTRAINT "OutboxMessage_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attachments", "attempts", "brandId", "createdAt", "error", "from", "html", "id", "providerId", "sentAt", "status", "subject", "template", "text", "to") SELECT "attachments", "attempts", "brandId", "createdAt", "error", "from", "html", "id", "providerId", "sentAt", "status", "subject", "template", "text", "to" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE INDEX "OutboxMessage_brandId_createdAt_idx" ON "OutboxMessage"("brandId", "createdAt");
CREATE INDEX "OutboxMessage_to_createdAt_idx" ON "OutboxMessage"("to", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Messages recorded before secrets were hidden carry live sign-in codes and invitation links in their stored copy.
-- Their recipients already have them; the outbox keeps only a notice from now on.
UPDATE "OutboxMessage"
SET "html" = '<p>This message was recorded before Kindred hid the codes and links that only the recipient can use, so its content is no longer shown here.</p>',
    "text" = 'This message was recorded before Kindred hid the codes and links that only the recipient can use, so its content is no longer shown here.',
    "subject" = CASE WHEN "template" = 'magic-link' THEN 'Your Kindred sign-in code' ELSE "subject" END,
    "redacted" = true
WHERE "template" IN ('magic-link', 'fan-invite', 'staff-invite');
UPDATE "OutboxMessage" SET "attachments" = '[]', "redacted" = true WHERE "template" = 'event' AND "attachments" LIKE '%ticket.png%';
