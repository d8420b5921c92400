-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ambassador" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "region" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'active',
    "source" TEXT NOT NULL DEFAULT 'invite',
    "maxFollowers" INTEGER NOT NULL DEFAULT 0,
    "preferences" TEXT NOT NULL DEFAULT '',
    "interests" TEXT NOT NULL DEFAULT '',
    "emailOptIn" BOOLEAN NOT NULL DEFAULT true,
    "termsVersion" INTEGER,
    "termsAcceptedAt" DATETIME,
    "inviteLinkId" TEXT,
    "leftAt" DATETIME,
    "joinedAt" DATETIME,
    "lastTouchAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ambassador_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ambassador_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ambassador_inviteLinkId_fkey" FOREIGN KEY ("inviteLinkId") REFERENCES "InviteLink" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ambassador" ("brandId", "city", "createdAt", "email", "emailOptIn", "id", "inviteLinkId", "joinedAt", "lastTouchAt", "leftAt", "maxFollowers", "name", "preferences", "region", "source", "status", "termsAcceptedAt", "termsVersion", "updatedAt", "userId") SELECT "brandId", "city", "createdAt", "email", "emailOptIn", "id", "inviteLinkId", "joinedAt", "lastTouchAt", "leftAt", "maxFollowers", "name", "preferences", "region", "source", "status", "termsAcceptedAt", "termsVersion", "updatedAt", "userId" FROM "Ambassador";
DROP TABLE "Ambassador";
ALTER TABLE "new_Ambassador" RENAME TO "Ambassador";
CREATE INDEX "Ambassador_brandId_status_idx" ON "Ambassador"("brandId", "status");
CREATE INDEX "Ambassador_brandId_maxFollowers_idx" ON "Ambassador"("brandId", "maxFollowers");
CREATE INDEX "Ambassador_brandId_name_idx" ON "Ambassador"("brandId", "name");
CREATE INDEX "Ambassador_userId_idx" ON "Ambassador"("userId");
CREATE UNIQUE INDEX "Ambassador_brandId_email_key" ON "Ambassador"("brandId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
