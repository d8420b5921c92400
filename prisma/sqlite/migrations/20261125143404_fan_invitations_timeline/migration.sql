-- CreateTable
CREATE TABLE "FanInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "sendCount" INTEGER NOT NULL DEFAULT 1,
    "lastSentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FanInvite_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FanInvite_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InviteLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tagName" TEXT,
    "maxUses" INTEGER,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InviteLink_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TimelineEvent_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TimelineEvent_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ambassadorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER,
    "granted" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Consent_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
INSERT INTO "new_Ambassador" ("brandId", "city", "createdAt", "email", "id", "joinedAt", "lastTouchAt", "maxFollowers", "name", "region", "source", "status", "updatedAt", "userId") SELECT "brandId", "city", "createdAt", "email", "id", "joinedAt", "lastTouchAt", "maxFollowers", "name", "region", "source", "status", "updatedAt", "userId" FROM "Ambassador";
DROP TABLE "Ambassador";
ALTER TABLE "new_Ambassador" RENAME TO "Ambassador";
CREATE INDEX "Ambassador_brandId_status_idx" ON "Ambassador"("brandId", "status");
CREATE INDEX "Ambassador_brandId_maxFollowers_idx" ON "Ambassador"("brandId", "maxFollowers");
CREATE INDEX "Ambassador_brandId_name_idx" ON "Ambassador"("brandId", "name");
CREATE INDEX "Ambassador_userId_idx" ON "Ambassador"("userId");
CREATE UNIQUE INDEX "Ambassador_brandId_email_key" ON "Ambassador"("brandId", "email");
CREATE TABLE "new_Brand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "color" TEXT NOT NULL DEFAULT '#7c3aed',
    "logoUrl" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "guidelines" TEXT NOT NULL DEFAULT '',
    "disclosureText" TEXT NOT NULL DEFAULT '',
    "tierMicroMin" INTEGER NOT NULL DEFAULT 1000,
    "tierMacroMin" INTEGER NOT NULL DEFAULT 100000,
    "tierMegaMin" INTEGER NOT NULL DEFAULT 1000000,
    "termsText" TEXT NOT NULL DEFAULT '',
    "termsVersion" INTEGER NOT NULL DEFAULT 1,
    "quietAfterDays" INTEGER NOT NULL DEFAULT 60,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Brand" ("color", "createdAt", "description", "disclosureText", "guidelines", "id", "logoUrl", "name", "slug", "tierMacroMin", "tierMegaMin", "tierMicroMin", "timeZone", "updatedAt") SELECT "color", "createdAt", "description", "disclosureText", "guidelines", "id", "logoUrl", "name", "slug", "tierMacroMin", "tierMegaMin", "tierMicroMin", "timeZone", "updatedAt" FROM "Brand";
DROP TABLE "Brand";
ALTER TABLE "new_Brand" RENAME TO "Brand";
CREATE UNIQUE INDEX "Brand_slug_key" ON "Brand"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "FanInvite_tokenHash_key" ON "FanInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "FanInvite_brandId_createdAt_idx" ON "FanInvite"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "FanInvite_ambassadorId_idx" ON "FanInvite"("ambassadorId");

-- CreateIndex
CREATE UNIQUE INDEX "InviteLink_code_key" ON "InviteLink"("code");

-- CreateIndex
CREATE INDEX "InviteLink_brandId_createdAt_idx" ON "InviteLink"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "TimelineEvent_ambassadorId_createdAt_idx" ON "TimelineEvent"("ambassadorId", "createdAt");

-- CreateIndex
CREATE INDEX "TimelineEvent_brandId_createdAt_idx" ON "TimelineEvent"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "Consent_ambassadorId_createdAt_idx" ON "Consent"("ambassadorId", "createdAt");
