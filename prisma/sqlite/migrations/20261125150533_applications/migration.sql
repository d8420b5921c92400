-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "ambassadorId" TEXT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "whyLove" TEXT NOT NULL,
    "interests" TEXT NOT NULL DEFAULT '',
    "answers" TEXT NOT NULL DEFAULT '[]',
    "socials" TEXT NOT NULL DEFAULT '[]',
    "maxFollowers" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decisionMessage" TEXT NOT NULL DEFAULT '',
    "autoReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Application_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "applicationsOpen" BOOLEAN NOT NULL DEFAULT true,
    "applicationQuestions" TEXT NOT NULL DEFAULT '[]',
    "reapplyAfterDays" INTEGER NOT NULL DEFAULT 90,
    "autoMinFollowers" INTEGER,
    "autoCities" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Brand" ("color", "createdAt", "description", "disclosureText", "guidelines", "id", "logoUrl", "name", "quietAfterDays", "slug", "termsText", "termsVersion", "tierMacroMin", "tierMegaMin", "tierMicroMin", "timeZone", "updatedAt") SELECT "color", "createdAt", "description", "disclosureText", "guidelines", "id", "logoUrl", "name", "quietAfterDays", "slug", "termsText", "termsVersion", "tierMacroMin", "tierMegaMin", "tierMicroMin", "timeZone", "updatedAt" FROM "Brand";
DROP TABLE "Brand";
ALTER TABLE "new_Brand" RENAME TO "Brand";
CREATE UNIQUE INDEX "Brand_slug_key" ON "Brand"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Application_brandId_status_createdAt_idx" ON "Application"("brandId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Application_brandId_email_idx" ON "Application"("brandId", "email");
