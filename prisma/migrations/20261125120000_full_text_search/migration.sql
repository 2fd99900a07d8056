-- Full-text search: GIN expression indexes, one per table. The expressions must stay identical
-- to src/search/search.sql.ts (the planner only uses an index for the same expression).

-- array_to_string is STABLE; index expressions need IMMUTABLE.
CREATE FUNCTION tg_join(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

-- CreateIndex
CREATE INDEX "Event_search_idx" ON "Event" USING GIN ((setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', coalesce("summary", '') || ' ' || coalesce("place", '') || ' ' || coalesce("kind", '')), 'B')));

-- CreateIndex
CREATE INDEX "Quote_search_idx" ON "Quote" USING GIN ((to_tsvector('english', "text")));

-- CreateIndex
CREATE INDEX "Person_search_idx" ON "Person" USING GIN ((setweight(to_tsvector('english', "name" || ' ' || tg_join("aliases")), 'A') || setweight(to_tsvector('english', tg_join("roles")), 'B')));

-- CreateIndex
CREATE INDEX "Organization_search_idx" ON "Organization" USING GIN ((to_tsvector('english', "name" || ' ' || tg_join("aliases"))));

-- CreateIndex
CREATE INDEX "Theme_search_idx" ON "Theme" USING GIN ((setweight(to_tsvector('english', "name" || ' ' || tg_join("aliases")), 'A') || setweight(to_tsvector('english', coalesce("description", '') || ' ' || tg_join("keywords")), 'B')));

-- CreateIndex
CREATE INDEX "Document_search_idx" ON "Document" USING GIN ((setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "text"), 'B')));
