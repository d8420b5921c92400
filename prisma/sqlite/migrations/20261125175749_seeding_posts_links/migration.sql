-- CreateTable
CREATE TABLE "SeedingCampaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "callToAction" TEXT NOT NULL DEFAULT '',
    "guidelines" TEXT NOT NULL DEFAULT '',
    "mode" TEXT NOT NULL DEFAULT 'request',
    "audienceKind" TEXT NOT NULL DEFAULT 'all',
    "audienceValues" TEXT NOT NULL DEFAULT '[]',
    "opensAt" DATETIME,
    "closesAt" DATETIME,
    "followUpDays" TEXT NOT NULL DEFAULT '7,14',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SeedingCampaign_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeedingProduct" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "valueCents" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SeedingProduct_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "SeedingCampaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeedingVariant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "stock" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SeedingVariant_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "SeedingCampaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeedingVariant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "SeedingProduct" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeedingRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "carrier" TEXT NOT NULL DEFAULT '',
    "trackingNumber" TEXT NOT NULL DEFAULT '',
    "trackingUrl" TEXT NOT NULL DEFAULT '',
    "feedback" TEXT NOT NULL DEFAULT '',
    "followUpsSent" INTEGER NOT NULL DEFAULT 0,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "shippedAt" DATETIME,
    "deliveredAt" DATETIME,
    "settledAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SeedingRequest_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "SeedingCampaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeedingRequest_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "SeedingVariant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeedingRequest_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'post',
    "caption" TEXT NOT NULL DEFAULT '',
    "screenshotUploadId" TEXT,
    "postedAt" DATETIME NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "tier" TEXT NOT NULL DEFAULT 'nano',
    "followersAtPost" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "saves" INTEGER NOT NULL DEFAULT 0,
    "disclosureFlag" BOOLEAN NOT NULL DEFAULT false,
    "embargoFlag" BOOLEAN NOT NULL DEFAULT false,
    "disclosureRequestedAt" DATETIME,
    "scoopId" TEXT,
    "eventId" TEXT,
    "seedingRequestId" TEXT,
    "campaignId" TEXT,
    "submittedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Post_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_seedingRequestId_fkey" FOREIGN KEY ("seedingRequestId") REFERENCES "SeedingRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostMetric" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "views" INTEGER,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "saves" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PostMetric_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackedLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "ambassadorId" TEXT,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "destination" TEXT NOT NULL,
    "utmSource" TEXT NOT NULL DEFAULT '',
    "utmMedium" TEXT NOT NULL DEFAULT '',
    "utmCampaign" TEXT NOT NULL DEFAULT '',
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrackedLink_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrackedLink_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkClickDay" (
    "linkId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "referrerDomain" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("linkId", "day", "referrerDomain"),
    CONSTRAINT "LinkClickDay_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "TrackedLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "interests" TEXT NOT NULL DEFAULT '',
    "shippingAddress" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_Ambassador" ("brandId", "city", "createdAt", "email", "emailOptIn", "id", "interests", "inviteLinkId", "joinedAt", "lastTouchAt", "leftAt", "maxFollowers", "name", "preferences", "region", "source", "status", "termsAcceptedAt", "termsVersion", "updatedAt", "userId") SELECT "brandId", "city", "createdAt", "email", "emailOptIn", "id", "interests", "inviteLinkId", "joinedAt", "lastTouchAt", "leftAt", "maxFollowers", "name", "preferences", "region", "source", "status", "termsAcceptedAt", "termsVersion", "updatedAt", "userId" FROM "Ambassador";
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
    "allowedDomains" TEXT NOT NULL DEFAULT '',
    "applicationsOpen" BOOLEAN NOT NULL DEFAULT true,
    "applicationQuestions" TEXT NOT NULL DEFAULT '[]',
    "reapplyAfterDays" INTEGER NOT NULL DEFAULT 90,
    "autoMinFollowers" INTEGER,
    "autoCities" TEXT NOT NULL DEFAULT '',
    "requireEmailOptIn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Brand" ("applicationQuestions", "applicationsOpen", "autoCities", "autoMinFollowers", "color", "createdAt", "description", "disclosureText", "guidelines", "id", "logoUrl", "name", "quietAfterDays", "reapplyAfterDays", "requireEmailOptIn", "slug", "termsText", "termsVersion", "tierMacroMin", "tierMegaMin", "tierMicroMin", "timeZone", "updatedAt") SELECT "applicationQuestions", "applicationsOpen", "autoCities", "autoMinFollowers", "color", "createdAt", "description", "disclosureText", "guidelines", "id", "logoUrl", "name", "quietAfterDays", "reapplyAfterDays", "requireEmailOptIn", "slug", "termsText", "termsVersion", "tierMacroMin", "tierMegaMin", "tierMicroMin", "timeZone", "updatedAt" FROM "Brand";
DROP TABLE "Brand";
ALTER TABLE "new_Brand" RENAME TO "Brand";
CREATE UNIQUE INDEX "Brand_slug_key" ON "Brand"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SeedingCampaign_brandId_createdAt_idx" ON "SeedingCampaign"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "SeedingProduct_campaignId_idx" ON "SeedingProduct"("campaignId");

-- CreateIndex
CREATE INDEX "SeedingVariant_campaignId_idx" ON "SeedingVariant"("campaignId");

-- CreateIndex
CREATE INDEX "SeedingRequest_brandId_status_idx" ON "SeedingRequest"("brandId", "status");

-- CreateIndex
CREATE INDEX "SeedingRequest_ambassadorId_idx" ON "SeedingRequest"("ambassadorId");

-- CreateIndex
CREATE UNIQUE INDEX "SeedingRequest_campaignId_ambassadorId_key" ON "SeedingRequest"("campaignId", "ambassadorId");

-- CreateIndex
CREATE INDEX "Post_brandId_day_status_tier_followersAtPost_views_likes_comments_shares_saves_idx" ON "Post"("brandId", "day", "status", "tier", "followersAtPost", "views", "likes", "comments", "shares", "saves");

-- CreateIndex
CREATE INDEX "Post_brandId_ambassadorId_day_status_likes_comments_shares_saves_idx" ON "Post"("brandId", "ambassadorId", "day", "status", "likes", "comments", "shares", "saves");

-- CreateIndex
CREATE INDEX "Post_brandId_status_createdAt_idx" ON "Post"("brandId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Post_ambassadorId_idx" ON "Post"("ambassadorId");

-- CreateIndex
CREATE INDEX "Post_brandId_campaignId_status_likes_comments_shares_saves_idx" ON "Post"("brandId", "campaignId", "status", "likes", "comments", "shares", "saves");

-- CreateIndex
CREATE INDEX "Post_brandId_eventId_idx" ON "Post"("brandId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Post_brandId_platform_externalId_key" ON "Post"("brandId", "platform", "externalId");

-- CreateIndex
CREATE INDEX "PostMetric_postId_recordedAt_idx" ON "PostMetric"("postId", "recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrackedLink_code_key" ON "TrackedLink"("code");

-- CreateIndex
CREATE INDEX "TrackedLink_brandId_createdAt_idx" ON "TrackedLink"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "TrackedLink_ambassadorId_idx" ON "TrackedLink"("ambassadorId");
