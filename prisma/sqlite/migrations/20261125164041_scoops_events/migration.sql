-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "storedAs" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "scoopId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Upload_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_scoopId_fkey" FOREIGN KEY ("scoopId") REFERENCES "Scoop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Scoop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "links" TEXT NOT NULL DEFAULT '[]',
    "audienceKind" TEXT NOT NULL DEFAULT 'all',
    "audienceValues" TEXT NOT NULL DEFAULT '[]',
    "publishAt" DATETIME,
    "embargoUntil" DATETIME,
    "notifiedAt" DATETIME,
    "liftNotifiedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Scoop_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoopRead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scoopId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "notifiedAt" DATETIME,
    "liftNotifiedAt" DATETIME,
    "openedAt" DATETIME,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "ScoopRead_scoopId_fkey" FOREIGN KEY ("scoopId") REFERENCES "Scoop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScoopRead_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "coverUploadId" TEXT,
    "format" TEXT NOT NULL DEFAULT 'in_person',
    "venue" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "onlineUrl" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,
    "maxPlusOnes" INTEGER NOT NULL DEFAULT 0,
    "rsvpDeadline" DATETIME,
    "questions" TEXT NOT NULL DEFAULT '[]',
    "audienceKind" TEXT NOT NULL DEFAULT 'all',
    "audienceValues" TEXT NOT NULL DEFAULT '[]',
    "priority" TEXT NOT NULL DEFAULT 'first_come',
    "priorityTiers" TEXT NOT NULL DEFAULT '',
    "claimHours" INTEGER NOT NULL DEFAULT 24,
    "publishedAt" DATETIME,
    "cancelledAt" DATETIME,
    "wrappedUpAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rsvp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "plusOnes" INTEGER NOT NULL DEFAULT 0,
    "answers" TEXT NOT NULL DEFAULT '[]',
    "showInGuestList" BOOLEAN NOT NULL DEFAULT false,
    "ticketCode" TEXT NOT NULL,
    "waitlistedAt" DATETIME,
    "offeredAt" DATETIME,
    "offerExpiresAt" DATETIME,
    "checkedInAt" DATETIME,
    "checkedInById" TEXT,
    "walkIn" BOOLEAN NOT NULL DEFAULT false,
    "noShow" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rsvp_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rsvp_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    CONSTRAINT "OutboxMessage_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "brandId", "createdAt", "error", "from", "html", "id", "providerId", "sentAt", "status", "subject", "template", "text", "to") SELECT "attempts", "brandId", "createdAt", "error", "from", "html", "id", "providerId", "sentAt", "status", "subject", "template", "text", "to" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE INDEX "OutboxMessage_brandId_createdAt_idx" ON "OutboxMessage"("brandId", "createdAt");
CREATE INDEX "OutboxMessage_to_createdAt_idx" ON "OutboxMessage"("to", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Upload_brandId_idx" ON "Upload"("brandId");

-- CreateIndex
CREATE INDEX "Upload_scoopId_idx" ON "Upload"("scoopId");

-- CreateIndex
CREATE INDEX "Scoop_brandId_publishAt_idx" ON "Scoop"("brandId", "publishAt");

-- CreateIndex
CREATE INDEX "ScoopRead_ambassadorId_idx" ON "ScoopRead"("ambassadorId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoopRead_scoopId_ambassadorId_key" ON "ScoopRead"("scoopId", "ambassadorId");

-- CreateIndex
CREATE INDEX "Event_brandId_startsAt_idx" ON "Event"("brandId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Rsvp_ticketCode_key" ON "Rsvp"("ticketCode");

-- CreateIndex
CREATE INDEX "Rsvp_eventId_status_idx" ON "Rsvp"("eventId", "status");

-- CreateIndex
CREATE INDEX "Rsvp_ambassadorId_idx" ON "Rsvp"("ambassadorId");

-- CreateIndex
CREATE UNIQUE INDEX "Rsvp_eventId_ambassadorId_key" ON "Rsvp"("eventId", "ambassadorId");
