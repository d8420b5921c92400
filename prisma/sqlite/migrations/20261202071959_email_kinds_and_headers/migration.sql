-- Per-kind program email choices (scoops, events, products) and the outbox's extra headers (List-Unsubscribe).
-- Plain column additions: no table rebuild, so a large ambassador table migrates at once.
ALTER TABLE "Ambassador" ADD COLUMN "emailScoops" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Ambassador" ADD COLUMN "emailEvents" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Ambassador" ADD COLUMN "emailProducts" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "OutboxMessage" ADD COLUMN "headers" TEXT NOT NULL DEFAULT '{}';
