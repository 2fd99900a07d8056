-- Full-text search moves to one table of stored vectors, kept by triggers: ranking a stored
-- tsvector is cheap, recomputing to_tsvector of every matching row (long documents) was not.

-- CreateTable
CREATE TABLE "SearchEntry" (
    "type" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "vector" tsvector NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("type","id")
);

-- CreateIndex
CREATE INDEX "SearchEntry_vector_idx" ON "SearchEntry" USING GIN ("vector");

-- DropIndex (replaced by SearchEntry)
DROP INDEX "Event_search_idx";

-- Keep Event's search entry in step with the row.
CREATE FUNCTION search_entry_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE "type" = 'Event' AND "id" = OLD."id";
    RETURN OLD;
  END IF;
  INSERT INTO "SearchEntry" ("type", "id", "vector", "body")
  VALUES ('Event', NEW."id", setweight(to_tsvector('english', NEW."title"), 'A') || setweight(to_tsvector('english', coalesce(NEW."summary", '') || ' ' || coalesce(NEW."place", '') || ' ' || coalesce(NEW."kind", '')), 'B'), NEW."title" || '. ' || coalesce(NEW."summary", ''))
  ON CONFLICT ("type", "id") DO UPDATE SET "vector" = EXCLUDED."vector", "body" = EXCLUDED."body";
  RETURN NEW;
END $$;
CREATE TRIGGER "Event_search_entry" AFTER INSERT OR UPDATE OR DELETE ON "Event" FOR EACH ROW EXECUTE FUNCTION search_entry_event();
INSERT INTO "SearchEntry" ("type", "id", "vector", "body") SELECT 'Event', t."id", setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', coalesce(t.summary, '') || ' ' || coalesce(t.place, '') || ' ' || coalesce(t.kind, '')), 'B'), t.title || '. ' || coalesce(t.summary, '') FROM "Event" t;

-- DropIndex (replaced by SearchEntry)
DROP INDEX "Quote_search_idx";

-- Keep Quote's search entry in step with the row.
CREATE FUNCTION search_entry_quote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE "type" = 'Quote' AND "id" = OLD."id";
    RETURN OLD;
  END IF;
  INSERT INTO "SearchEntry" ("type", "id", "vector", "body")
  VALUES ('Quote', NEW."id", to_tsvector('english', NEW."text"), NEW."text")
  ON CONFLICT ("type", "id") DO UPDATE SET "vector" = EXCLUDED."vector", "body" = EXCLUDED."body";
  RETURN NEW;
END $$;
CREATE TRIGGER "Quote_search_entry" AFTER INSERT OR UPDATE OR DELETE ON "Quote" FOR EACH ROW EXECUTE FUNCTION search_entry_quote();
INSERT INTO "SearchEntry" ("type", "id", "vector", "body") SELECT 'Quote', t."id", to_tsvector('english', t.text), t.text FROM "Quote" t;

-- DropIndex (replaced by SearchEntry)
DROP INDEX "Person_search_idx";

-- Keep Person's search entry in step with the row.
CREATE FUNCTION search_entry_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE "type" = 'Person' AND "id" = OLD."id";
    RETURN OLD;
  END IF;
  INSERT INTO "SearchEntry" ("type", "id", "vector", "body")
  VALUES ('Person', NEW."id", setweight(to_tsvector('english', NEW."name" || ' ' || tg_join(NEW."aliases")), 'A') || setweight(to_tsvector('english', tg_join(NEW."roles")), 'B'), NEW."name" || ' ' || tg_join(NEW."aliases") || ' ' || tg_join(NEW."roles"))
  ON CONFLICT ("type", "id") DO UPDATE SET "vector" = EXCLUDED."vector", "body" = EXCLUDED."body";
  RETURN NEW;
END $$;
CREATE TRIGGER "Person_search_entry" AFTER INSERT OR UPDATE OR DELETE ON "Person" FOR EACH ROW EXECUTE FUNCTION search_entry_person();
INSERT INTO "SearchEntry" ("type", "id", "vector", "body") SELECT 'Person', t."id", setweight(to_tsvector('english', t.name || ' ' || tg_join(t.aliases)), 'A') || setweight(to_tsvector('english', tg_join(t.roles)), 'B'), t.name || ' ' || tg_join(t.aliases) || ' ' || tg_join(t.roles) FROM "Person" t;

-- DropIndex (replaced by SearchEntry)
DROP INDEX "Organization_search_idx";

-- Keep Organization's search entry in step with the row.
CREATE FUNCTION search_entry_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE "type" = 'Organization' AND "id" = OLD."id";
    RETURN OLD;
  END IF;
  INSERT INTO "SearchEntry" ("type", "id", "vector", "body")
  VALUES ('Organization', NEW."id", to_tsvector('english', NEW."name" || ' ' || tg_join(NEW."aliases")), NEW."name" || ' ' || tg_join(NEW."aliases"))
  ON CONFLICT ("type", "id") DO UPDATE SET "vector" = EXCLUDED."vector", "body" = EXCLUDED."body";
  RETURN NEW;
END $$;
CREATE TRIGGER "Organization_search_entry" AFTER INSERT OR UPDATE OR DELETE ON "Organization" FOR EACH ROW EXECUTE FUNCTION search_entry_organization();
INSERT INTO "SearchEntry" ("type", "id", "vector", "body") SELECT 'Organization', t."id", to_tsvector('english', t.name || ' ' || tg_join(t.aliases)), t.name || ' ' || tg_join(t.aliases) FROM "Organization" t;

-- DropIndex (replaced by SearchEntry)
DROP INDEX "Theme_search_idx";

-- Keep Theme's search entry in step with the row.
CREATE FUNCTION search_entry_theme() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE "type" = 'Theme' AND "id" = OLD."id";
    RETURN OLD;
  END IF;
  INSERT INTO "SearchEntry" ("type", "id", "vector", "body")
  VALUES ('Theme', NEW."id", setweight(to_tsvector('english', NEW."name" || ' ' || tg_join(NEW."aliases")), 'A') || setweight(to_tsvector('english', coalesce(NEW."description", '') || ' ' || tg_join(NEW."keywords")), 'B'), NEW."name" || '. ' || coalesce(NEW."description", ''))
  ON CONFLICT ("type", "id") DO UPDATE SET "vector" = EXCLUDED."vector", "body" = EXCLUDED."body";
  RETURN NEW;
END $$;
CREATE TRIGGER "Theme_search_entry" AFTER INSERT OR UPDATE OR DELETE ON "Theme" FOR EACH ROW EXECUTE FUNCTION search_entry_theme();
INSERT INTO "SearchEntry" ("type", "id", "vector", "body") SELECT 'Theme', t."id", setweight(to_tsvector('english', t.name || ' ' || tg_join(t.aliases)), 'A') || setweight(to_tsvector('english', coalesce(t.description, '') || ' ' || tg_join(t.keywords)), 'B'), t.name || '. ' || coalesce(t.description, '') FROM "Theme" t;

-- DropIndex (replaced by SearchEntry)
DROP INDEX "Document_search_idx";

-- Keep Document's search entry in step with the row.
CREATE FUNCTION search_entry_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchEntry" WHERE "type" = 'Document' AND "id" = OLD."id";
    RETURN OLD;
  END IF;
  INSERT INTO "SearchEntry" ("type", "id", "vector", "body")
  VALUES ('Document', NEW."id", setweight(to_tsvector('english', NEW."title"), 'A') || setweight(to_tsvector('english', NEW."text"), 'B'), NEW."title" || '. ' || NEW."text")
  ON CONFLICT ("type", "id") DO UPDATE SET "vector" = EXCLUDED."vector", "body" = EXCLUDED."body";
  RETURN NEW;
END $$;
CREATE TRIGGER "Document_search_entry" AFTER INSERT OR UPDATE OR DELETE ON "Document" FOR EACH ROW EXECUTE FUNCTION search_entry_document();
INSERT INTO "SearchEntry" ("type", "id", "vector", "body") SELECT 'Document', t."id", setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', t.text), 'B'), t.title || '. ' || t.text FROM "Document" t;
