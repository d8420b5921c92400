-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "qualityRating" INTEGER;
