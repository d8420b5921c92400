-- AlterTable
ALTER TABLE "Ambassador" ADD COLUMN "importJobId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "createdById" TEXT,
    "fileName" TEXT NOT NULL,
    "filePath" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL DEFAULT ',',
    "headers" TEXT NOT NULL DEFAULT '[]',
    "mapping" TEXT NOT NULL DEFAULT '{}',
    "sendInvites" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'mapping',
    "totalRows" INTEGER,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "importedRows" INTEGER NOT NULL DEFAULT 0,
    "duplicateRows" INTEGER NOT NULL DEFAULT 0,
    "notedRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "byteOffset" INTEGER NOT NULL DEFAULT 0,
    "lineOffset" INTEGER NOT NULL DEFAULT 0,
    "fileBytes" INTEGER NOT NULL DEFAULT 0,
    "rejectsKeptUntil" DATETIME,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "ImportJob_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ImportJob" ("brandId", "byteOffset", "createdAt", "createdById", "delimiter", "duplicateRows", "error", "fileBytes", "fileName", "filePath", "finishedAt", "headers", "id", "importedRows", "lineOffset", "mapping", "processedRows", "rejectedRows", "rejectsKeptUntil", "sendInvites", "startedAt", "status", "totalRows") SELECT "brandId", "byteOffset", "createdAt", "createdById", "delimiter", "duplicateRows", "error", "fileBytes", "fileName", "filePath", "finishedAt", "headers", "id", "importedRows", "lineOffset", "mapping", "processedRows", "rejectedRows", "rejectsKeptUntil", "sendInvites", "startedAt", "status", "totalRows" FROM "ImportJob";
DROP TABLE "ImportJob";
ALTER TABLE "new_ImportJob" RENAME TO "ImportJob";
CREATE INDEX "ImportJob_brandId_createdAt_idx" ON "ImportJob"("brandId", "createdAt");
CREATE TABLE "new_ImportReject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'rejected',
    "reason" TEXT NOT NULL,
    "cells" TEXT NOT NULL,
    CONSTRAINT "ImportReject_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ImportJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ImportReject" ("cells", "id", "importId", "line", "reason") SELECT "cells", "id", "importId", "line", "reason" FROM "ImportReject";
DROP TABLE "ImportReject";
ALTER TABLE "new_ImportReject" RENAME TO "ImportReject";
CREATE INDEX "ImportReject_importId_line_idx" ON "ImportReject"("importId", "line");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
