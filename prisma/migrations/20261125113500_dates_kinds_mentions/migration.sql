-- Theme: aliases and keywords
ALTER TABLE "Theme" ADD COLUMN "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Event: last day of the partial date (for range overlap), and kind
ALTER TABLE "Event" ADD COLUMN "dateEnd" DATE,
ADD COLUMN "kind" TEXT;
UPDATE "Event" SET "dateEnd" = (
  "dateStart" + CASE "datePrecision" WHEN 'YEAR' THEN INTERVAL '1 year' WHEN 'MONTH' THEN INTERVAL '1 month' ELSE INTERVAL '1 day' END
  - INTERVAL '1 day')::date;
ALTER TABLE "Event" ALTER COLUMN "dateEnd" SET NOT NULL;

-- Quote: when it was said (its event's date, else the document's publication day)
ALTER TABLE "Quote" ADD COLUMN "dateStart" DATE,
ADD COLUMN "dateEnd" DATE,
ADD COLUMN "datePrecision" "DatePrecision";
UPDATE "Quote" q SET "dateStart" = e."dateStart", "dateEnd" = e."dateEnd", "datePrecision" = e."datePrecision"
FROM "Event" e WHERE e."id" = q."eventId";
UPDATE "Quote" q SET "dateStart" = d."publishedOn", "dateEnd" = d."publishedOn", "datePrecision" = 'DAY'
FROM "Document" d WHERE d."id" = q."documentId" AND q."dateStart" IS NULL;
ALTER TABLE "Quote" ALTER COLUMN "dateStart" SET NOT NULL,
ALTER COLUMN "dateEnd" SET NOT NULL,
ALTER COLUMN "datePrecision" SET NOT NULL;

-- CreateTable
CREATE TABLE "Mention" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "personId" TEXT,
    "organizationId" TEXT,
    "paragraph" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Mention_one_subject" CHECK (num_nonnulls("personId", "organizationId") = 1)
);

-- CreateIndex
CREATE INDEX "Event_dateEnd_idx" ON "Event"("dateEnd");

-- CreateIndex
CREATE INDEX "Quote_dateStart_id_idx" ON "Quote"("dateStart", "id");

-- CreateIndex
CREATE INDEX "Mention_personId_documentId_start_idx" ON "Mention"("personId", "documentId", "start");

-- CreateIndex
CREATE INDEX "Mention_organizationId_documentId_start_idx" ON "Mention"("organizationId", "documentId", "start");

-- CreateIndex
CREATE INDEX "Mention_documentId_start_idx" ON "Mention"("documentId", "start");

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
