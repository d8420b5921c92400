-- The directory's text search on SQLite (docs/decisions/021-directory-search.md): an FTS5 index with the trigram
-- tokenizer (substrings of 3+ characters, case- and accent-insensitive: "montreal" finds "Montréal"), over one
-- document per ambassador (name, email, city and social handles) kept current by triggers, whoever writes the rows
-- (Prisma, the CSV import's own connection, a sqlite shell). Prisma cannot describe FTS5 tables, so this file is
-- applied by scripts/migrate.mjs after Prisma's migrations rather than being one. Every statement is idempotent, and
-- the triggers are made again each time, so this file is always what runs.
CREATE TABLE IF NOT EXISTS "AmbassadorSearchDoc" (
  "docId" INTEGER PRIMARY KEY,
  "ambassadorId" TEXT NOT NULL UNIQUE,
  "body" TEXT NOT NULL
);

CREATE VIRTUAL TABLE IF NOT EXISTS "AmbassadorSearch" USING fts5(
  "body", content = 'AmbassadorSearchDoc', content_rowid = 'docId', tokenize = 'trigram remove_diacritics 1'
);

-- The index follows the documents.
DROP TRIGGER IF EXISTS "AmbassadorSearchDoc_insert";
CREATE TRIGGER "AmbassadorSearchDoc_insert" AFTER INSERT ON "AmbassadorSearchDoc" BEGIN
  INSERT INTO "AmbassadorSearch" ("rowid", "body") VALUES (NEW."docId", NEW."body");
END;
DROP TRIGGER IF EXISTS "AmbassadorSearchDoc_delete";
CREATE TRIGGER "AmbassadorSearchDoc_delete" AFTER DELETE ON "AmbassadorSearchDoc" BEGIN
  INSERT INTO "AmbassadorSearch" ("AmbassadorSearch", "rowid", "body") VALUES ('delete', OLD."docId", OLD."body");
END;
DROP TRIGGER IF EXISTS "AmbassadorSearchDoc_update";
CREATE TRIGGER "AmbassadorSearchDoc_update" AFTER UPDATE OF "body" ON "AmbassadorSearchDoc" BEGIN
  INSERT INTO "AmbassadorSearch" ("AmbassadorSearch", "rowid", "body") VALUES ('delete', OLD."docId", OLD."body");
  INSERT INTO "AmbassadorSearch" ("rowid", "body") VALUES (NEW."docId", NEW."body");
END;

-- The documents follow the ambassadors and their accounts.
-- (Accounts are usually added after their ambassador; the CSV import writes them first, in the same transaction.)
DROP TRIGGER IF EXISTS "Ambassador_search_insert";
CREATE TRIGGER "Ambassador_search_insert" AFTER INSERT ON "Ambassador" BEGIN
  INSERT INTO "AmbassadorSearchDoc" ("ambassadorId", "body")
  VALUES (NEW."id", NEW."name" || ' ' || NEW."email" || ' ' || NEW."city" || coalesce((SELECT ' ' || group_concat("handle", ' ') FROM "SocialAccount" WHERE "ambassadorId" = NEW."id"), ''));
END;
DROP TRIGGER IF EXISTS "Ambassador_search_update";
CREATE TRIGGER "Ambassador_search_update" AFTER UPDATE OF "name", "email", "city" ON "Ambassador" BEGIN
  UPDATE "AmbassadorSearchDoc" SET "body" = NEW."name" || ' ' || NEW."email" || ' ' || NEW."city" || coalesce((SELECT ' ' || group_concat("handle", ' ') FROM "SocialAccount" WHERE "ambassadorId" = NEW."id"), '')
  WHERE "ambassadorId" = NEW."id";
END;
DROP TRIGGER IF EXISTS "Ambassador_search_delete";
CREATE TRIGGER "Ambassador_search_delete" AFTER DELETE ON "Ambassador" BEGIN
  DELETE FROM "AmbassadorSearchDoc" WHERE "ambassadorId" = OLD."id";
END;
DROP TRIGGER IF EXISTS "SocialAccount_search_insert";
CREATE TRIGGER "SocialAccount_search_insert" AFTER INSERT ON "SocialAccount" BEGIN
  UPDATE "AmbassadorSearchDoc" SET "body" = "body" || ' ' || NEW."handle" WHERE "ambassadorId" = NEW."ambassadorId";
END;
DROP TRIGGER IF EXISTS "SocialAccount_search_change";
CREATE TRIGGER "SocialAccount_search_change" AFTER UPDATE OF "handle", "ambassadorId" ON "SocialAccount" BEGIN
  UPDATE "AmbassadorSearchDoc" SET "body" = coalesce((SELECT a."name" || ' ' || a."email" || ' ' || a."city" || coalesce((SELECT ' ' || group_concat(s."handle", ' ') FROM "SocialAccount" s WHERE s."ambassadorId" = a."id"), '') FROM "Ambassador" a WHERE a."id" = "AmbassadorSearchDoc"."ambassadorId"), "body")
  WHERE "ambassadorId" IN (OLD."ambassadorId", NEW."ambassadorId");
END;
DROP TRIGGER IF EXISTS "SocialAccount_search_delete";
CREATE TRIGGER "SocialAccount_search_delete" AFTER DELETE ON "SocialAccount" BEGIN
  UPDATE "AmbassadorSearchDoc" SET "body" = coalesce((SELECT a."name" || ' ' || a."email" || ' ' || a."city" || coalesce((SELECT ' ' || group_concat(s."handle", ' ') FROM "SocialAccount" s WHERE s."ambassadorId" = a."id"), '') FROM "Ambassador" a WHERE a."id" = OLD."ambassadorId"), "body")
  WHERE "ambassadorId" = OLD."ambassadorId";
END;

-- Ambassadors from before the index (or written while it was missing) get their document.
INSERT INTO "AmbassadorSearchDoc" ("ambassadorId", "body")
SELECT a."id", a."name" || ' ' || a."email" || ' ' || a."city" || coalesce((SELECT ' ' || group_concat(s."handle", ' ') FROM "SocialAccount" s WHERE s."ambassadorId" = a."id"), '')
FROM "Ambassador" a WHERE NOT EXISTS (SELECT 1 FROM "AmbassadorSearchDoc" d WHERE d."ambassadorId" = a."id");
