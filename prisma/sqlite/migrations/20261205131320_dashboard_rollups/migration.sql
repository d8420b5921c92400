-- DropIndex
DROP INDEX "Post_brandId_day_status_tier_followersAtPost_views_likes_comments_shares_saves_idx";

-- CreateTable
CREATE TABLE "PostDayStat" (
    "brandId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "posts" INTEGER NOT NULL,
    "interactions" INTEGER NOT NULL,
    "rateSum" REAL NOT NULL,
    "rateN" INTEGER NOT NULL,
    "viewRateSum" REAL NOT NULL,
    "viewRateN" INTEGER NOT NULL,

    PRIMARY KEY ("brandId", "day", "tier")
);

-- CreateTable
CREATE TABLE "AmbassadorDayStat" (
    "brandId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "joined" INTEGER NOT NULL,
    "left" INTEGER NOT NULL,

    PRIMARY KEY ("brandId", "day", "source")
);

-- CreateTable
CREATE TABLE "PostCampaignStat" (
    "brandId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "posts" INTEGER NOT NULL,
    "interactions" INTEGER NOT NULL,

    PRIMARY KEY ("brandId", "campaignId")
);

-- CreateTable
CREATE TABLE "ContributorWindow" (
    "brandId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "fromDay" TEXT NOT NULL,

    PRIMARY KEY ("brandId", "days")
);

-- CreateTable
CREATE TABLE "ContributorStat" (
    "brandId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "posts" INTEGER NOT NULL,
    "interactions" INTEGER NOT NULL,

    PRIMARY KEY ("brandId", "days", "ambassadorId")
);

-- CreateIndex
CREATE INDEX "ContributorStat_brandId_days_interactions_posts_ambassadorId_idx" ON "ContributorStat"("brandId", "days", "interactions" DESC, "posts" DESC, "ambassadorId");

-- CreateIndex
CREATE INDEX "ContributorStat_ambassadorId_idx" ON "ContributorStat"("ambassadorId");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_leftAt_idx" ON "Ambassador"("brandId", "leftAt");

-- CreateIndex
CREATE INDEX "Post_brandId_day_status_ambassadorId_likes_comments_shares_saves_idx" ON "Post"("brandId", "day", "status", "ambassadorId", "likes", "comments", "shares", "saves");

-- The roll-ups follow every write to Post (docs/decisions/022-dashboard-roll-ups.md): a post counts while it is not
-- hidden — on its day and tier, on its campaign, and in each top-contributors window that has reached its day. An
-- update takes the old row's share out and puts the new row's in; a roll-up row that reaches 0 posts is removed.
CREATE TRIGGER "Post_rollups_insert" AFTER INSERT ON "Post" BEGIN
  INSERT INTO "PostDayStat" ("brandId", "day", "tier", "posts", "interactions", "rateSum", "rateN", "viewRateSum", "viewRateN")
  SELECT NEW."brandId", NEW."day", NEW."tier", 1, (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves"), CASE WHEN NEW."followersAtPost" > 0 THEN (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves") * 1.0 / NEW."followersAtPost" ELSE 0 END, CASE WHEN NEW."followersAtPost" > 0 THEN 1 ELSE 0 END, CASE WHEN NEW."views" > 0 THEN (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves") * 1.0 / NEW."views" ELSE 0 END, CASE WHEN NEW."views" > 0 THEN 1 ELSE 0 END
  WHERE NEW."status" <> 'hidden'
  ON CONFLICT ("brandId", "day", "tier") DO UPDATE SET
    "posts" = "posts" + excluded."posts", "interactions" = "interactions" + excluded."interactions",
    "rateSum" = "rateSum" + excluded."rateSum", "rateN" = "rateN" + excluded."rateN",
    "viewRateSum" = "viewRateSum" + excluded."viewRateSum", "viewRateN" = "viewRateN" + excluded."viewRateN";
  INSERT INTO "PostCampaignStat" ("brandId", "campaignId", "posts", "interactions")
  SELECT NEW."brandId", NEW."campaignId", 1, (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves") WHERE NEW."status" <> 'hidden' AND NEW."campaignId" IS NOT NULL
  ON CONFLICT ("brandId", "campaignId") DO UPDATE SET "posts" = "posts" + excluded."posts", "interactions" = "interactions" + excluded."interactions";
  INSERT INTO "ContributorStat" ("brandId", "days", "ambassadorId", "posts", "interactions")
  SELECT w."brandId", w."days", NEW."ambassadorId", 1, (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves") FROM "ContributorWindow" w
  WHERE w."brandId" = NEW."brandId" AND w."fromDay" <= NEW."day" AND NEW."status" <> 'hidden'
  ON CONFLICT ("brandId", "days", "ambassadorId") DO UPDATE SET "posts" = "posts" + excluded."posts", "interactions" = "interactions" + excluded."interactions";
END;

CREATE TRIGGER "Post_rollups_delete" AFTER DELETE ON "Post" BEGIN
  UPDATE "PostDayStat" SET "posts" = "posts" - 1, "interactions" = "interactions" - (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves"),
    "rateSum" = "rateSum" - CASE WHEN OLD."followersAtPost" > 0 THEN (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves") * 1.0 / OLD."followersAtPost" ELSE 0 END, "rateN" = "rateN" - CASE WHEN OLD."followersAtPost" > 0 THEN 1 ELSE 0 END,
    "viewRateSum" = "viewRateSum" - CASE WHEN OLD."views" > 0 THEN (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves") * 1.0 / OLD."views" ELSE 0 END, "viewRateN" = "viewRateN" - CASE WHEN OLD."views" > 0 THEN 1 ELSE 0 END
  WHERE OLD."status" <> 'hidden' AND "brandId" = OLD."brandId" AND "day" = OLD."day" AND "tier" = OLD."tier";
  DELETE FROM "PostDayStat" WHERE "brandId" = OLD."brandId" AND "day" = OLD."day" AND "tier" = OLD."tier" AND "posts" <= 0;
  UPDATE "PostCampaignStat" SET "posts" = "posts" - 1, "interactions" = "interactions" - (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves")
  WHERE OLD."status" <> 'hidden' AND "brandId" = OLD."brandId" AND "campaignId" = OLD."campaignId";
  DELETE FROM "PostCampaignStat" WHERE "brandId" = OLD."brandId" AND "campaignId" = OLD."campaignId" AND "posts" <= 0;
  UPDATE "ContributorStat" SET "posts" = "posts" - 1, "interactions" = "interactions" - (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves")
  WHERE OLD."status" <> 'hidden' AND "brandId" = OLD."brandId" AND "ambassadorId" = OLD."ambassadorId"
    AND "days" IN (SELECT w."days" FROM "ContributorWindow" w WHERE w."brandId" = OLD."brandId" AND w."fromDay" <= OLD."day");
  DELETE FROM "ContributorStat" WHERE "brandId" = OLD."brandId" AND "ambassadorId" = OLD."ambassadorId" AND "posts" <= 0;
END;

CREATE TRIGGER "Post_rollups_update" AFTER UPDATE OF "brandId", "ambassadorId", "campaignId", "day", "tier", "status", "followersAtPost", "views", "likes", "comments", "shares", "saves" ON "Post" BEGIN
  UPDATE "PostDayStat" SET "posts" = "posts" - 1, "interactions" = "interactions" - (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves"),
    "rateSum" = "rateSum" - CASE WHEN OLD."followersAtPost" > 0 THEN (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves") * 1.0 / OLD."followersAtPost" ELSE 0 END, "rateN" = "rateN" - CASE WHEN OLD."followersAtPost" > 0 THEN 1 ELSE 0 END,
    "viewRateSum" = "viewRateSum" - CASE WHEN OLD."views" > 0 THEN (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves") * 1.0 / OLD."views" ELSE 0 END, "viewRateN" = "viewRateN" - CASE WHEN OLD."views" > 0 THEN 1 ELSE 0 END
  WHERE OLD."status" <> 'hidden' AND "brandId" = OLD."brandId" AND "day" = OLD."day" AND "tier" = OLD."tier";
  DELETE FROM "PostDayStat" WHERE "brandId" = OLD."brandId" AND "day" = OLD."day" AND "tier" = OLD."tier" AND "posts" <= 0;
  UPDATE "PostCampaignStat" SET "posts" = "posts" - 1, "interactions" = "interactions" - (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves")
  WHERE OLD."status" <> 'hidden' AND "brandId" = OLD."brandId" AND "campaignId" = OLD."campaignId";
  DELETE FROM "PostCampaignStat" WHERE "brandId" = OLD."brandId" AND "campaignId" = OLD."campaignId" AND "posts" <= 0;
  UPDATE "ContributorStat" SET "posts" = "posts" - 1, "interactions" = "interactions" - (OLD."likes" + OLD."comments" + OLD."shares" + OLD."saves")
  WHERE OLD."status" <> 'hidden' AND "brandId" = OLD."brandId" AND "ambassadorId" = OLD."ambassadorId"
    AND "days" IN (SELECT w."days" FROM "ContributorWindow" w WHERE w."brandId" = OLD."brandId" AND w."fromDay" <= OLD."day");
  DELETE FROM "ContributorStat" WHERE "brandId" = OLD."brandId" AND "ambassadorId" = OLD."ambassadorId" AND "posts" <= 0;
  INSERT INTO "PostDayStat" ("brandId", "day", "tier", "posts", "interactions", "rateSum", "rateN", "viewRateSum", "viewRateN")
  SELECT NEW."brandId", NEW."day", NEW."tier", 1, (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves"), CASE WHEN NEW."followersAtPost" > 0 THEN (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves") * 1.0 / NEW."followersAtPost" ELSE 0 END, CASE WHEN NEW."followersAtPost" > 0 THEN 1 ELSE 0 END, CASE WHEN NEW."views" > 0 THEN (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves") * 1.0 / NEW."views" ELSE 0 END, CASE WHEN NEW."views" > 0 THEN 1 ELSE 0 END
  WHERE NEW."status" <> 'hidden'
  ON CONFLICT ("brandId", "day", "tier") DO UPDATE SET
    "posts" = "posts" + excluded."posts", "interactions" = "interactions" + excluded."interactions",
    "rateSum" = "rateSum" + excluded."rateSum", "rateN" = "rateN" + excluded."rateN",
    "viewRateSum" = "viewRateSum" + excluded."viewRateSum", "viewRateN" = "viewRateN" + excluded."viewRateN";
  INSERT INTO "PostCampaignStat" ("brandId", "campaignId", "posts", "interactions")
  SELECT NEW."brandId", NEW."campaignId", 1, (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves") WHERE NEW."status" <> 'hidden' AND NEW."campaignId" IS NOT NULL
  ON CONFLICT ("brandId", "campaignId") DO UPDATE SET "posts" = "posts" + excluded."posts", "interactions" = "interactions" + excluded."interactions";
  INSERT INTO "ContributorStat" ("brandId", "days", "ambassadorId", "posts", "interactions")
  SELECT w."brandId", w."days", NEW."ambassadorId", 1, (NEW."likes" + NEW."comments" + NEW."shares" + NEW."saves") FROM "ContributorWindow" w
  WHERE w."brandId" = NEW."brandId" AND w."fromDay" <= NEW."day" AND NEW."status" <> 'hidden'
  ON CONFLICT ("brandId", "days", "ambassadorId") DO UPDATE SET "posts" = "posts" + excluded."posts", "interactions" = "interactions" + excluded."interactions";
END;

-- Joins and departures per day and source (Prisma keeps dates as ISO text on SQLite: the day is its first 10 characters).
CREATE TRIGGER "Ambassador_dayStat_insert" AFTER INSERT ON "Ambassador" BEGIN
  INSERT INTO "AmbassadorDayStat" ("brandId", "day", "source", "joined", "left")
  SELECT NEW."brandId", substr(NEW."joinedAt", 1, 10), NEW."source", 1, 0 WHERE NEW."joinedAt" IS NOT NULL
  ON CONFLICT ("brandId", "day", "source") DO UPDATE SET "joined" = "joined" + 1;
  INSERT INTO "AmbassadorDayStat" ("brandId", "day", "source", "joined", "left")
  SELECT NEW."brandId", substr(NEW."leftAt", 1, 10), NEW."source", 0, 1 WHERE NEW."leftAt" IS NOT NULL
  ON CONFLICT ("brandId", "day", "source") DO UPDATE SET "left" = "left" + 1;
END;

CREATE TRIGGER "Ambassador_dayStat_delete" AFTER DELETE ON "Ambassador" BEGIN
  UPDATE "AmbassadorDayStat" SET "joined" = "joined" - 1 WHERE OLD."joinedAt" IS NOT NULL AND "brandId" = OLD."brandId" AND "day" = substr(OLD."joinedAt", 1, 10) AND "source" = OLD."source";
  UPDATE "AmbassadorDayStat" SET "left" = "left" - 1 WHERE OLD."leftAt" IS NOT NULL AND "brandId" = OLD."brandId" AND "day" = substr(OLD."leftAt", 1, 10) AND "source" = OLD."source";
  DELETE FROM "AmbassadorDayStat" WHERE "brandId" = OLD."brandId" AND "joined" <= 0 AND "left" <= 0 AND "day" IN (substr(OLD."joinedAt", 1, 10), substr(OLD."leftAt", 1, 10));
END;

CREATE TRIGGER "Ambassador_dayStat_update" AFTER UPDATE OF "brandId", "source", "joinedAt", "leftAt" ON "Ambassador" BEGIN
  UPDATE "AmbassadorDayStat" SET "joined" = "joined" - 1 WHERE OLD."joinedAt" IS NOT NULL AND "brandId" = OLD."brandId" AND "day" = substr(OLD."joinedAt", 1, 10) AND "source" = OLD."source";
  UPDATE "AmbassadorDayStat" SET "left" = "left" - 1 WHERE OLD."leftAt" IS NOT NULL AND "brandId" = OLD."brandId" AND "day" = substr(OLD."leftAt", 1, 10) AND "source" = OLD."source";
  DELETE FROM "AmbassadorDayStat" WHERE "brandId" = OLD."brandId" AND "joined" <= 0 AND "left" <= 0 AND "day" IN (substr(OLD."joinedAt", 1, 10), substr(OLD."leftAt", 1, 10));
  INSERT INTO "AmbassadorDayStat" ("brandId", "day", "source", "joined", "left")
  SELECT NEW."brandId", substr(NEW."joinedAt", 1, 10), NEW."source", 1, 0 WHERE NEW."joinedAt" IS NOT NULL
  ON CONFLICT ("brandId", "day", "source") DO UPDATE SET "joined" = "joined" + 1;
  INSERT INTO "AmbassadorDayStat" ("brandId", "day", "source", "joined", "left")
  SELECT NEW."brandId", substr(NEW."leftAt", 1, 10), NEW."source", 0, 1 WHERE NEW."leftAt" IS NOT NULL
  ON CONFLICT ("brandId", "day", "source") DO UPDATE SET "left" = "left" + 1;
END;

-- Every brand has its four top-contributors windows; a new one starts empty and from the beginning ("").
CREATE TRIGGER "Brand_contributorWindows" AFTER INSERT ON "Brand" BEGIN
  INSERT INTO "ContributorWindow" ("brandId", "days", "fromDay") VALUES (NEW."id", 0, ''), (NEW."id", 30, ''), (NEW."id", 90, ''), (NEW."id", 365, '');
END;
CREATE TRIGGER "Brand_contributorWindows_delete" AFTER DELETE ON "Brand" BEGIN
  DELETE FROM "ContributorWindow" WHERE "brandId" = OLD."id";
  DELETE FROM "ContributorStat" WHERE "brandId" = OLD."id";
  DELETE FROM "PostDayStat" WHERE "brandId" = OLD."id";
  DELETE FROM "PostCampaignStat" WHERE "brandId" = OLD."id";
  DELETE FROM "AmbassadorDayStat" WHERE "brandId" = OLD."id";
END;

-- What was there before the roll-ups.
INSERT INTO "PostDayStat" ("brandId", "day", "tier", "posts", "interactions", "rateSum", "rateN", "viewRateSum", "viewRateN")
SELECT "brandId", "day", "tier", COUNT(*), SUM((p."likes" + p."comments" + p."shares" + p."saves")),
  COALESCE(SUM(CASE WHEN "followersAtPost" > 0 THEN (p."likes" + p."comments" + p."shares" + p."saves") * 1.0 / "followersAtPost" END), 0),
  COUNT(CASE WHEN "followersAtPost" > 0 THEN 1 END),
  COALESCE(SUM(CASE WHEN "views" > 0 THEN (p."likes" + p."comments" + p."shares" + p."saves") * 1.0 / "views" END), 0),
  COUNT(CASE WHEN "views" > 0 THEN 1 END)
FROM "Post" p WHERE "status" <> 'hidden' GROUP BY "brandId", "day", "tier";
INSERT INTO "PostCampaignStat" ("brandId", "campaignId", "posts", "interactions")
SELECT "brandId", "campaignId", COUNT(*), SUM((p."likes" + p."comments" + p."shares" + p."saves")) FROM "Post" p WHERE "status" <> 'hidden' AND "campaignId" IS NOT NULL GROUP BY "brandId", "campaignId";
INSERT INTO "ContributorWindow" ("brandId", "days", "fromDay") SELECT b."id", d."days", '' FROM "Brand" b, (SELECT 0 AS "days" UNION ALL SELECT 30 UNION ALL SELECT 90 UNION ALL SELECT 365) d;
INSERT INTO "ContributorStat" ("brandId", "days", "ambassadorId", "posts", "interactions")
SELECT w."brandId", w."days", p."ambassadorId", COUNT(*), SUM((p."likes" + p."comments" + p."shares" + p."saves")) FROM "ContributorWindow" w JOIN "Post" p ON p."brandId" = w."brandId" AND p."status" <> 'hidden'
GROUP BY w."brandId", w."days", p."ambassadorId";
INSERT INTO "AmbassadorDayStat" ("brandId", "day", "source", "joined", "left")
SELECT "brandId", "day", "source", SUM("joined"), SUM("left") FROM (
  SELECT "brandId", substr("joinedAt", 1, 10) AS "day", "source", 1 AS "joined", 0 AS "left" FROM "Ambassador" WHERE "joinedAt" IS NOT NULL
  UNION ALL
  SELECT "brandId", substr("leftAt", 1, 10), "source", 0, 1 FROM "Ambassador" WHERE "leftAt" IS NOT NULL
) GROUP BY "brandId", "day", "source";
