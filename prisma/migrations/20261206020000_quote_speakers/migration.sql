-- An organization can be a quote's speaker (an agency's statement): Quote.speakerId becomes
-- optional, and Quote.speakerOrganizationId names the organization instead. Exactly one of the
-- two is set. Existing quotes all have a person speaking: nothing to backfill.

-- AlterTable
ALTER TABLE "Quote" ALTER COLUMN "speakerId" DROP NOT NULL;
ALTER TABLE "Quote" ADD COLUMN "speakerOrganizationId" TEXT;

-- Exactly one speaker: a person or an organization.
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_one_speaker" CHECK (num_nonnulls("speakerId", "speakerOrganizationId") = 1);

-- CreateIndex
CREATE INDEX "Quote_speakerOrganizationId_documentId_start_idx" ON "Quote"("speakerOrganizationId", "documentId", "start");

-- AddForeignKey (like speakerId's: an organization that still speaks somewhere cannot be deleted)
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerOrganizationId_fkey" FOREIGN KEY ("speakerOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
