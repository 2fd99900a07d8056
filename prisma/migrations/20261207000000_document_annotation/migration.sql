-- The annotation (YAML) a document was last ingested from, so that a curator can download it or
-- correct and re-ingest it (the workbench's "replace"). Null for documents ingested before.
ALTER TABLE "Document" ADD COLUMN "annotation" TEXT;
