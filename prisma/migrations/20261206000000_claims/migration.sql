-- Claims: every fact is stated by a document (or a curator), and what the graph shows is derived
-- from the current claims (src/claims/derive.ts) and stored where reads want it. Existing facts are
-- attributed below to the documents that made them, so a database filled before this migration
-- keeps its graph and can remove, replace and correct documents like a new one.

-- CreateEnum
CREATE TYPE "ClaimSubject" AS ENUM ('EVENT', 'PERSON', 'ORGANIZATION', 'THEME');

-- CreateEnum
CREATE TYPE "ClaimProperty" AS ENUM ('REFERENCE', 'NAME', 'ALIAS', 'ROLE', 'DESCRIPTION', 'KEYWORD', 'TITLE', 'SUMMARY', 'DATE', 'KIND', 'PLACE', 'PERSON', 'ORGANIZATION', 'THEME', 'AFFILIATION');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "sourceHash" TEXT, ADD COLUMN "derivedFrom" TEXT;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN "utterance" TEXT;

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "documentId" TEXT,
    "curator" TEXT,
    "reason" TEXT,
    "subject" "ClaimSubject" NOT NULL,
    "slug" TEXT NOT NULL,
    "property" "ClaimProperty" NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "paragraph" INTEGER,
    "start" INTEGER,
    "end" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redirect" (
    "subject" "ClaimSubject" NOT NULL,
    "slug" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "curator" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redirect_pkey" PRIMARY KEY ("subject","slug")
);

-- CreateIndex
CREATE INDEX "Claim_subject_slug_property_idx" ON "Claim"("subject", "slug", "property");

-- CreateIndex
CREATE INDEX "Claim_documentId_idx" ON "Claim"("documentId");

-- CreateIndex
CREATE INDEX "Claim_property_value_idx" ON "Claim"("property", "value");

-- CreateIndex
CREATE INDEX "Redirect_subject_target_idx" ON "Redirect"("subject", "target");

-- CreateIndex
CREATE INDEX "Quote_utterance_idx" ON "Quote"("utterance");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
