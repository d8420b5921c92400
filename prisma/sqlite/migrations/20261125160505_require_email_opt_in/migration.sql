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
    "requireEmailOptIn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Brand" ("applicationQuestions", "applicationsOpen", "autoCities", "autoMinFollowers", "color", "createdAt", "description", "disclosureText", "guidelines", "id", "logoUrl", "name", "quietAfterDays", "reapplyAfterDays", "slug", "termsText", "termsVersion", "tierMacroMin", "tierMegaMin", "tierMicroMin", "timeZone", "updatedAt") SELECT "applicationQuestions", "applicationsOpen", "autoCities", "autoMinFollowers", "color", "createdAt", "description", "disclosureText", "guidelines", "id", "logoUrl", "name", "quietAfterDays", "reapplyAfterDays", "slug", "termsText", "termsVersion", "tierMacroMin", "tierMegaMin", "tierMicroMin", "timeZone", "updatedAt" FROM "Brand";
DROP TABLE "Brand";
ALTER TABLE "new_Brand" RENAME TO "Brand";
CREATE UNIQUE INDEX "Brand_slug_key" ON "Brand"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
