-- AlterTable
ALTER TABLE "Event" ADD COLUMN "announcedAt" DATETIME;

-- CreateTable
CREATE TABLE "EventAnnouncement" (
    "eventId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("eventId", "ambassadorId"),
    CONSTRAINT "EventAnnouncement_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventAnnouncement_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EventAnnouncement_ambassadorId_idx" ON "EventAnnouncement"("ambassadorId");
