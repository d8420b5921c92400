-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "foundVia" TEXT;

-- CreateTable
CREATE TABLE "BrandConnection" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "accountRef" TEXT NOT NULL,
    "terms" TEXT NOT NULL DEFAULT '',
    "tokenEncrypted" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "lastError" TEXT,
    "lastCheckedAt" TIMESTAMP(3),
    "seenUntil" TIMESTAMP(3),
    "connectedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FoundAuthor" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "displayName" TEXT NOT NULL DEFAULT '',
    "followers" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'new',
    "inviteLinkId" TEXT,
    "ambassadorId" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FoundAuthor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FoundPost" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "postedAt" TIMESTAMP(3) NOT NULL,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER,
    "foundVia" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FoundPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageRightsRequest" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "ambassadorId" TEXT NOT NULL,
    "uses" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "until" TIMESTAMP(3),
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'requested',
    "requestedById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageRightsRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BrandConnection_platform_accountRef_idx" ON "BrandConnection"("platform", "accountRef");

-- CreateIndex
CREATE UNIQUE INDEX "BrandConnection_brandId_platform_key" ON "BrandConnection"("brandId", "platform");

-- CreateIndex
CREATE INDEX "FoundAuthor_brandId_status_lastSeenAt_idx" ON "FoundAuthor"("brandId", "status", "lastSeenAt");

-- CreateIndex
CREATE INDEX "FoundAuthor_inviteLinkId_idx" ON "FoundAuthor"("inviteLinkId");

-- CreateIndex
CREATE UNIQUE INDEX "FoundAuthor_brandId_platform_handle_key" ON "FoundAuthor"("brandId", "platform", "handle");

-- CreateIndex
CREATE INDEX "FoundPost_authorId_postedAt_idx" ON "FoundPost"("authorId", "postedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FoundPost_brandId_platform_externalId_key" ON "FoundPost"("brandId", "platform", "externalId");

-- CreateIndex
CREATE INDEX "UsageRightsRequest_postId_createdAt_idx" ON "UsageRightsRequest"("postId", "createdAt");

-- CreateIndex
CREATE INDEX "UsageRightsRequest_ambassadorId_status_idx" ON "UsageRightsRequest"("ambassadorId", "status");

-- CreateIndex
CREATE INDEX "UsageRightsRequest_brandId_status_idx" ON "UsageRightsRequest"("brandId", "status");

-- AddForeignKey
ALTER TABLE "BrandConnection" ADD CONSTRAINT "BrandConnection_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FoundAuthor" ADD CONSTRAINT "FoundAuthor_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FoundAuthor" ADD CONSTRAINT "FoundAuthor_inviteLinkId_fkey" FOREIGN KEY ("inviteLinkId") REFERENCES "InviteLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FoundPost" ADD CONSTRAINT "FoundPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "FoundAuthor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRightsRequest" ADD CONSTRAINT "UsageRightsRequest_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRightsRequest" ADD CONSTRAINT "UsageRightsRequest_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRightsRequest" ADD CONSTRAINT "UsageRightsRequest_ambassadorId_fkey" FOREIGN KEY ("ambassadorId") REFERENCES "Ambassador"("id") ON DELETE CASCADE ON UPDATE CASCADE;
