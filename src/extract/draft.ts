/**
 * From raw article to draft annotation: every step of src/extract/ in order, and the items they
 * propose assembled into an annotation the ingest pipeline accepts as it is, each with the comment
 * lines that say which rule proposed it and how sure it is (draft-yaml.ts writes them).
 */
import type { Annotation } from "../ingest/format.ts";
import { parseSourceText } from "../ingest/source-text.ts";
import { parsePartialDate } from "../partial-date.ts";
import { findDateMentions } from "./date-mentions.ts";
import { findDateline } from "./dateline.ts";
import { Entities } from "./entities.ts";
import { proposeEvents } from "./events.ts";
import { emptyGazetteer, gazetteerSlugs, type Gazetteer } from "./gazetteer.ts";
import { assembleItems } from "./items.ts";
import { findNames } from "./names.ts";
import { findReportedSpeech } from "./paraphrases.ts";
import { describeProposal, proposal } from "./provenance.ts";
import { findQuotations } from "./quotes.ts";
import { resolveSpeakers } from "./speakers.ts";
import { contentWords, shorten, SlugPool } from "./slugs.ts";
import { analyzeText } from "./text.ts";
import { suggestThemes } from "./themes.ts";

export interface ExtractOptions {
  /** YYYY-MM-DD; defaults to the text's `date` line. */
  publishedOn?: string;
  /** The graph's entities; empty by default. */
  gazetteer?: Gazetteer;
  /** The document's slug (the CLI passes the file's name); else made from the date and title. */
  slug?: string;
}

/** Comment lines (without `#`) for the document and each item, by list and index. */
export interface DraftNotes {
  document: string[];
  people: string[][];
  organizations: string[][];
  events: string[][];
  quotes: string[][];
}

export interface Draft {
  annotation: Annotation;
  notes: DraftNotes;
  /** What the extractor saw but did not propose, and why. */
  setAside: string[];
}

/** The publication day: the option, else the text's date line; both must agree. */
function publicationDay(option: string | undefined, header: string | undefined): string | { error: string } {
  if (option && header && option !== header) return { error: `publication date ${option} contradicts the text's date line (${header})` };
  const day = option ?? header;
  if (!day) return { error: "no publication date: give one (YYYY-MM-DD) or start the text with a `date YYYY-MM-DD` line" };
  if (parsePartialDate(day)?.precision !== "DAY") return { error: `publication date "${day}" is not a day (YYYY-MM-DD)` };
  return day;
}

export function extractDraft(rawText: string, options: ExtractOptions = {}): { ok: true; draft: Draft } | { ok: false; error: string } {
  const source = parseSourceText(rawText);
  const published = publicationDay(options.publishedOn, source.publishedOn);
  if (typeof published !== "string") return { ok: false, error: published.error };
  const publishedOn = new Date(`${published}T00:00:00.000Z`);
  const gazetteer = options.gazetteer ?? emptyGazetteer();
  const text = analyzeText(source.body);
  const { body } = text;
  const slugs = new SlugPool(gazetteerSlugs(gazetteer));
  const setAside: string[] = [];

  const entities = new Entities(body, gazetteer, slugs);
  entities.addKnownMentions();
  const dateline = findDateline(text);
  entities.addCandidates(findNames(text));

  const quotations = findQuotations(text);
  const reported = findReportedSpeech(text);
  const { speakers, mentions, unattributed } = resolveSpeakers(text, entities, quotations, reported);
  setAside.push(...unattributed);

  const dates = findDateMentions(text, publishedOn);
  setAside.push(...dates.setAside.map((d) => `date ${JSON.stringify(d.written)}: ${d.reason}`));
  const events = proposeEvents(text, dates.mentions);
  const themes = suggestThemes(text, gazetteer.themes);

  const items = assembleItems({ text, entities, mentions, events, quotations, reported, speakers, themes, slugs, knownEvents: gazetteer.events ?? [] });
  const first = text.sentences[0];
  // A first sentence opening with the dateline is titled without it.
  const title = shorten(first ? body.slice(dateline && dateline.start === first.start && dateline.end < first.end ? dateline.end : first.start, first.end) : "Untitled", 100);
  const document = {
    slug: options.slug ?? slugs.take(`${published}-${contentWords(title, 5)}`),
    title,
    publishedOn: published,
    ...(dateline ? { dateline: dateline.place } : {}),
    ...(dateline?.agency ? { sourceName: dateline.agency.name } : {}),
    language: "en",
  };
  return {
    ok: true,
    draft: {
      annotation: { document, ...items.annotation },
      notes: {
        document: [
          describeProposal(proposal("document.first-sentence", 0.3, "the title is the first sentence: write a real one")),
          ...(dateline?.agency ? [describeProposal(proposal("document.dateline-agency", 0.7, `sourceName: the agency in the dateline, ${JSON.stringify(dateline.agency.name)}`))] : []),
        ],
        ...items.notes,
      },
      setAside: [...setAside, ...items.setAside],
    },
  };
}
