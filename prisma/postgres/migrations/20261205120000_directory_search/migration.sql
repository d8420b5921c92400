-- The directory's text search on PostgreSQL (docs/decisions/021-directory-search.md): trigram indexes (pg_trgm) over
-- the accent- and case-folded name, email and city of each ambassador and over each social handle, so a substring
-- search ("montreal" finds "Montréal") reads an index instead of every row. Both extensions are "trusted": the
-- database's owner may create them. Prisma's diff ignores functions and expression indexes, so they live here.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change); with the dictionary named it is safe to index.
CREATE OR REPLACE FUNCTION "kindred_fold"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1))
$$;

CREATE INDEX "Ambassador_search_idx" ON "Ambassador" USING gin ("kindred_fold"("name" || ' ' || "email" || ' ' || "city") gin_trgm_ops);
CREATE INDEX "SocialAccount_handle_search_idx" ON "SocialAccount" USING gin ("kindred_fold"("handle") gin_trgm_ops);
