-- CreateIndex
CREATE INDEX "Document_publishedOn_id_idx" ON "Document"("publishedOn", "id");
