-- kb_search: a stored full-text document per knowledge-base article, indexed with GIN, instead of building every
-- article's document on each search. The expression is the one kb_search used (title A, tags B, body C), wrapped in
-- an IMMUTABLE function because array_to_string is only STABLE (a generated column needs an immutable expression;
-- for text[] it is immutable in fact).
CREATE FUNCTION "kb_article_document"(title text, tags text[], body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, array_to_string(tags, ' ')), 'B')
        || setweight(to_tsvector('english'::regconfig, body), 'C')
  $$;

-- AlterTable
ALTER TABLE "KbArticle" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS ("kb_article_document"("title", "tags", "body")) STORED;

-- CreateIndex
-- fastupdate off: articles are written rarely and searched on every kb_search call, so each write updates the index
-- itself instead of a pending list that every search would have to scan until the next vacuum.
CREATE INDEX "KbArticle_searchVector_idx" ON "KbArticle" USING GIN ("searchVector") WITH (fastupdate = off);
