-- DropIndex
DROP INDEX "Post_brandId_day_status_tier_followersAtPost_views_likes_co_idx";

-- CreateTable
CREATE TABLE "PostDayStat" (
    "brandId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "posts" INTEGER NOT NULL,
    "interactions" INTEGER NOT NULL,
    "rateSum" DOUBLE PRECISION NOT NULL,
    "rateN" INTEGER NOT NULL,
    "viewRateSum" DOUBLE PRECISION NOT NULL,
    "viewRateN" INTEGER NOT NULL,

    CONSTRAINT "PostDayStat_pkey" PRIMARY KEY ("brandId","day","tier")
);

-- CreateTable
CREATE TABLE "AmbassadorDayStat" (
    "brandId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "joined" INTEGER NOT NULL,
    "left" INTEGER NOT NULL,

    CONSTRAINT "AmbassadorDayStat_pkey" PRIMARY KEY ("brandId","day","source")
);

-- CreateTable
CREATE TABLE "PostCampaignStat" (
    "brandId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "posts" INTEGER NOT NULL,
    "interactions" INTEGER NOT NULL,

    CONSTRAINT "PostCampaignStat_pkey" PRIMARY KEY ("brandId","campaignId")
);

-- CreateTable
CREATE TABLE "ContributorWindow" (
    "brandId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "fromDay" TEXT NOT NULL,

    CONSTRAINT "ContributorWindow_pkey" PRIMARY KEY ("brandId","days")
);

-- CreateTable
CREATE TABLE "ContributorStat" (
    "brandId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "posts" INTEGER NOT NULL,
    "interactions" INTEGER NOT NULL,

    CONSTRAINT "ContributorStat_pkey" PRIMARY KEY ("brandId","days","ambassadorId")
);

-- CreateIndex
CREATE INDEX "ContributorStat_brandId_days_interactions_posts_ambassadorI_idx" ON "ContributorStat"("brandId", "days", "interactions" DESC, "posts" DESC, "ambassadorId");

-- CreateIndex
CREATE INDEX "ContributorStat_ambassadorId_idx" ON "ContributorStat"("ambassadorId");

-- CreateIndex
CREATE INDEX "Ambassador_brandId_leftAt_idx" ON "Ambassador"("brandId", "leftAt");

-- CreateIndex
CREATE INDEX "Post_brandId_day_status_ambassadorId_likes_comments_shares__idx" ON "Post"("brandId", "day", "status", "ambassadorId", "likes", "comments", "shares", "saves");

-- The roll-ups follow every write to Post (docs/decisions/022-dashboard-roll-ups.md): a post counts while it is not
-- hidden — on its day and tier, on its campaign, and in each top-contributors window that has reached its day. An
-- update takes the old row's share out and puts the new row's in; a roll-up row that reaches 0 posts is removed.
-- Concurrent writers of one roll-up row queue on it (an upsert), so no count is lost; a window that is being moved
-- forward is read FOR SHARE, so a post written meanwhile is counted exactly once (see kindred_slide below).
CREATE FUNCTION "kindred_post_rollups"(p "Post", sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  total INTEGER := p."likes" + p."comments" + p."shares" + p."saves";
BEGIN
  IF p."status" = 'hidden' THEN RETURN; END IF;
  INSERT INTO "PostDayStat" AS s ("brandId", "day", "tier", "posts", "interactions", "rateSum", "rateN", "viewRateSum", "viewRateN")
  VALUES (p."brandId", p."day", p."tier", sign, sign * total,
    CASE WHEN p."followersAtPost" > 0 THEN sign * total::double precision / p."followersAtPost" ELSE 0 END,
    CASE WHEN p."followersAtPost" > 0 THEN sign ELSE 0 END,
    CASE WHEN p."views" > 0 THEN sign * total::double precision / p."views" ELSE 0 END,
    CASE WHEN p."views" > 0 THEN sign ELSE 0 END)
  ON CONFLICT ("brandId", "day", "tier") DO UPDATE SET
    "posts" = s."posts" + excluded."posts", "interactions" = s."interactions" + excluded."interactions",
    "rateSum" = s."rateSum" + excluded."rateSum", "rateN" = s."rateN" + excluded."rateN",
    "viewRateSum" = s."viewRateSum" + excluded."viewRateSum", "viewRateN" = s."viewRateN" + excluded."viewRateN";
  IF p."campaignId" IS NOT NULL THEN
    INSERT INTO "PostCampaignStat" AS s ("brandId", "campaignId", "posts", "interactions") VALUES (p."brandId", p."campaignId", sign, sign * total)
    ON CONFLICT ("brandId", "campaignId") DO UPDATE SET "posts" = s."posts" + excluded."posts", "interactions" = s."interactions" + excluded."interactions";
  END IF;
  INSERT INTO "ContributorStat" AS s ("brandId", "days", "ambassadorId", "posts", "interactions")
  SELECT w."brandId", w."days", p."ambassadorId", sign, sign * total FROM "ContributorWindow" w
  WHERE w."brandId" = p."brandId" AND w."fromDay" <= p."day"
  ORDER BY w."days"
  FOR SHARE
  ON CONFLICT ("brandId", "days", "ambassadorId") DO UPDATE SET "posts" = s."posts" + excluded."posts", "interactions" = s."interactions" + excluded."interactions";
  IF sign < 0 THEN
    DELETE FROM "PostDayStat" WHERE "brandId" = p."brandId" AND "day" = p."day" AND "tier" = p."tier" AND "posts" <= 0;
    DELETE FROM "PostCampaignStat" WHERE "brandId" = p."brandId" AND "campaignId" = p."campaignId" AND "posts" <= 0;
    DELETE FROM "ContributorStat" WHERE "brandId" = p."brandId" AND "ambassadorId" = p."ambassadorId" AND "posts" <= 0;
  END IF;
END $$;

CREATE FUNCTION "kindred_post_rollups_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "kindred_post_rollups"(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM "kindred_post_rollups"(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Post_rollups_insert_delete" AFTER INSERT OR DELETE ON "Post"
  FOR EACH ROW EXECUTE FUNCTION "kindred_post_rollups_trigger"();
CREATE TRIGGER "Post_rollups_update" AFTER UPDATE OF "brandId", "ambassadorId", "campaignId", "day", "tier", "status", "followersAtPost", "views", "likes", "comments", "shares", "saves" ON "Post"
  FOR EACH ROW EXECUTE FUNCTION "kindred_post_rollups_trigger"();

-- Joins and departures per UTC day and source.
CREATE FUNCTION "kindred_ambassador_rollups"(a "Ambassador", sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF a."joinedAt" IS NOT NULL THEN
    INSERT INTO "AmbassadorDayStat" AS s ("brandId", "day", "source", "joined", "left") VALUES (a."brandId", to_char(a."joinedAt", 'YYYY-MM-DD'), a."source", sign, 0)
    ON CONFLICT ("brandId", "day", "source") DO UPDATE SET "joined" = s."joined" + excluded."joined";
  END IF;
  IF a."leftAt" IS NOT NULL THEN
    INSERT INTO "AmbassadorDayStat" AS s ("brandId", "day", "source", "joined", "left") VALUES (a."brandId", to_char(a."leftAt", 'YYYY-MM-DD'), a."source", 0, sign)
    ON CONFLICT ("brandId", "day", "source") DO UPDATE SET "left" = s."left" + excluded."left";
  END IF;
  IF sign < 0 THEN
    DELETE FROM "AmbassadorDayStat" WHERE "brandId" = a."brandId" AND "source" = a."source" AND "joined" <= 0 AND "left" <= 0
      AND "day" IN (to_char(a."joinedAt", 'YYYY-MM-DD'), to_char(a."leftAt", 'YYYY-MM-DD'));
  END IF;
END $$;

CREATE FUNCTION "kindred_ambassador_rollups_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "kindred_ambassador_rollups"(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM "kindred_ambassador_rollups"(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Ambassador_rollups_insert_delete" AFTER INSERT OR DELETE ON "Ambassador"
  FOR EACH ROW EXECUTE FUNCTION "kindred_ambassador_rollups_trigger"();
CREATE TRIGGER "Ambassador_rollups_update" AFTER UPDATE OF "brandId", "source", "joinedAt", "leftAt" ON "Ambassador"
  FOR EACH ROW EXECUTE FUNCTION "kindred_ambassador_rollups_trigger"();

-- Every brand has its four top-contributors windows; a new one starts empty and from the beginning ('').
CREATE FUNCTION "kindred_brand_rollups_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ContributorWindow" ("brandId", "days", "fromDay") VALUES (NEW."id", 0, ''), (NEW."id", 30, ''), (NEW."id", 90, ''), (NEW."id", 365, '');
  ELSE
    DELETE FROM "ContributorWindow" WHERE "brandId" = OLD."id";
    DELETE FROM "ContributorStat" WHERE "brandId" = OLD."id";
    DELETE FROM "PostDayStat" WHERE "brandId" = OLD."id";
    DELETE FROM "PostCampaignStat" WHERE "brandId" = OLD."id";
    DELETE FROM "AmbassadorDayStat" WHERE "brandId" = OLD."id";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Brand_rollups" AFTER INSERT OR DELETE ON "Brand"
  FOR EACH ROW EXECUTE FUNCTION "kindred_brand_rollups_trigger"();

-- What was there before the roll-ups.
INSERT INTO "PostDayStat" ("brandId", "day", "tier", "posts", "interactions", "rateSum", "rateN", "viewRateSum", "viewRateN")
SELECT "brandId", "day", "tier", COUNT(*), SUM("likes" + "comments" + "shares" + "saves"),
  COALESCE(SUM(CASE WHEN "followersAtPost" > 0 THEN ("likes" + "comments" + "shares" + "saves")::double precision / "followersAtPost" END), 0),
  COUNT(CASE WHEN "followersAtPost" > 0 THEN 1 END),
  COALESCE(SUM(CASE WHEN "views" > 0 THEN ("likes" + "comments" + "shares" + "saves")::double precision / "views" END), 0),
  COUNT(CASE WHEN "views" > 0 THEN 1 END)
FROM "Post" WHERE "status" <> 'hidden' GROUP BY "brandId", "day", "tier";
INSERT INTO "PostCampaignStat" ("brandId", "campaignId", "posts", "interactions")
SELECT "brandId", "campaignId", COUNT(*), SUM("likes" + "comments" + "shares" + "saves") FROM "Post" WHERE "status" <> 'hidden' AND "campaignId" IS NOT NULL GROUP BY "brandId", "campaignId";
INSERT INTO "ContributorWindow" ("brandId", "days", "fromDay") SELECT b."id", d.days, '' FROM "Brand" b CROSS JOIN (VALUES (0), (30), (90), (365)) AS d(days);
INSERT INTO "ContributorStat" ("brandId", "days", "ambassadorId", "posts", "interactions")
SELECT w."brandId", w."days", p."ambassadorId", COUNT(*), SUM(p."likes" + p."comments" + p."shares" + p."saves")
FROM "ContributorWindow" w JOIN "Post" p ON p."brandId" = w."brandId" AND p."status" <> 'hidden'
GROUP BY w."brandId", w."days", p."ambassadorId";
INSERT INTO "AmbassadorDayStat" ("brandId", "day", "source", "joined", "left")
SELECT "brandId", "day", "source", SUM("joined"), SUM("left") FROM (
  SELECT "brandId", to_char("joinedAt", 'YYYY-MM-DD') AS "day", "source", 1 AS "joined", 0 AS "left" FROM "Ambassador" WHERE "joinedAt" IS NOT NULL
  UNION ALL
  SELECT "brandId", to_char("leftAt", 'YYYY-MM-DD'), "source", 0, 1 FROM "Ambassador" WHERE "leftAt" IS NOT NULL
) x GROUP BY "brandId", "day", "source";
