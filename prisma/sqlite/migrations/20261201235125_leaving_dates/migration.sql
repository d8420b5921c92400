-- Fans who stopped being active before staff status changes kept dates: they left when their row last changed.
UPDATE "Ambassador" SET "leftAt" = "updatedAt" WHERE "status" IN ('paused', 'alumni') AND "leftAt" IS NULL AND "joinedAt" IS NOT NULL;
-- Active fans made active by hand, without a join date, joined then.
UPDATE "Ambassador" SET "joinedAt" = "updatedAt" WHERE "status" = 'active' AND "joinedAt" IS NULL;
