/**
 * The synthetic data set, built in memory from a seeded PRNG: the same scale always gives the same
 * rows. Scale 1 = 50 themes, 5,000 events, 2,000 people, 500 organizations, 20,000 quotes; theme-0
 * carries ~26% of the events, the others follow a mild power law (median ~120). Document texts are
 * assembled from the paragraphs that events, quotes and mentions cite, so every span is real.
 */
import { mulberry32 } from "./lib.ts";
import * as W from "./words.ts";

/** Rows for one table; `types` are PostgreSQL types (`text[]` columns are given as "|"-joined text). */
export interface TableData {
  table: string;
  columns: string[];
  types: string[];
  rows: unknown[][];
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1990, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;
const UPDATED = "2026-01-01T00:00:00Z";
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const id = (prefix: string, i: number) => prefix + i.toString(36).padStart(8, "0");

/** A partial date: YEAR = Jan 1..Dec 31, MONTH = 1st..last day, DAY = that day. */
function partialDate(day: number, r: number): [string, string, string] {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear(), m = d.getUTCMonth();
  if (r < 0.15) return [iso(Date.UTC(y, 0, 1)), iso(Date.UTC(y, 11, 31)), "YEAR"];
  if (r < 0.4) return [iso(Date.UTC(y, m, 1)), iso(Date.UTC(y, m + 1, 0)), "MONTH"];
  return [iso(d.getTime()), iso(d.getTime()), "DAY"];
}

export function buildDataset(scale: number): TableData[] {
  const rand = mulberry32(0x7e11 + scale);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  /** Skewed choice of an index in [from, n): weight 1/(k + c). */
  const skewed = (n: number, c: number, from = 0) => {
    const cum: number[] = [];
    let sum = 0;
    for (let k = from; k < n; k++) cum.push((sum += 1 / (k - from + 1 + c)));
    return () => {
      const x = rand() * sum;
      let lo = 0, hi = cum.length - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid]! < x) lo = mid + 1; else hi = mid; }
      return from + lo;
    };
  };
  const distinct = (n: number, draw: () => number, into = new Set<number>()) => {
    for (let tries = 0; into.size < n && tries < n * 10; tries++) into.add(draw());
    return [...into];
  };
  const T = 50 * scale, E = 5000 * scale, P = 2000 * scale, O = 500 * scale, Q = 20000 * scale;
  const D = Math.ceil(E / 50);
  const t = (table: string, cols: string): TableData => {
    const pairs = cols.split(",").map((c) => c.trim().split(":"));
    return { table, columns: pairs.map((p) => p[0]!), types: pairs.map((p) => p[1] ?? "text"), rows: [] };
  };
  const docs = t("Document", "id, slug, title, sourceName, url, publishedOn:date, dateline, language, text, updatedAt:timestamptz");
  const themes = t("Theme", "id, slug, name, description, aliases:text[], keywords:text[], updatedAt:timestamptz");
  const people = t("Person", "id, slug, name, aliases:text[], roles:text[], updatedAt:timestamptz");
  const orgs = t("Organization", "id, slug, name, aliases:text[], updatedAt:timestamptz");
  const events = t("Event", `id, slug, title, summary, dateStart:date, dateEnd:date, datePrecision:"DatePrecision", kind, place, updatedAt:timestamptz`);
  const eventThemes = t("EventTheme", "eventId, themeId");
  const eventPeople = t("EventPerson", "eventId, personId");
  const eventOrgs = t("EventOrganization", "eventId, organizationId");
  const affiliations = t("Affiliation", "personId, organizationId, role");
  const quotes = t("Quote", `id, slug, text, kind:"QuoteKind", dateStart:date, dateEnd:date, datePrecision:"DatePrecision", speakerId, eventId, documentId, paragraph:int, start:int, end:int, updatedAt:timestamptz`);
  const quoteThemes = t("QuoteTheme", "quoteId, themeId");
  const evidence = t("EventEvidence", "id, eventId, documentId, paragraph:int, start:int, end:int");
  const mentions = t("Mention", "id, documentId, personId, organizationId, paragraph:int, start:int, end:int");

  // Documents grow paragraph by paragraph; addPara returns where the paragraph starts.
  const docTexts: string[][] = [], docLengths: number[] = [], docDays: string[] = [];
  for (let i = 0; i < D; i++) {
    const title = `${cap(pick(W.ADJECTIVES))} ${pick(W.NOUNS)} report ${i + 1}`;
    docTexts.push([title]); docLengths.push(title.length);
    docDays.push(iso((FIRST_DAY + int(LAST_DAY - FIRST_DAY + 1)) * DAY_MS));
    docs.rows.push([id("dc", i), `document-${i}`, title, pick(W.PLACES) + " Courier", `https://example.org/bench/${i}`, docDays[i], pick(W.PLACES).toUpperCase(), "en", "", UPDATED]);
  }
  const addPara = (doc: number, text: string) => {
    const start = docLengths[doc]! + 2;
    docTexts[doc]!.push(text); docLengths[doc] = start + text.length;
    return { paragraph: docTexts[doc]!.length, start };
  };

  for (let i = 0; i < T; i++) {
    const word = W.THEME_WORDS[i % W.THEME_WORDS.length]!;
    const name = i < W.THEME_WORDS.length ? word : `${word} ${Math.floor(i / W.THEME_WORDS.length) + 1}`;
    themes.rows.push([id("th", i), `theme-${i}`, cap(name), `Synthetic theme ${i} about ${word}.`, i % 5 === 0 ? `${word} policy` : "", word, UPDATED]);
  }
  const personNames: string[] = [];
  for (let i = 0; i < P; i++) {
    const first = W.FIRST_NAMES[i % 50]!, last = W.LAST_NAMES[Math.floor(i / 50) % 50]!;
    const middle = i >= 2500 ? ` ${String.fromCharCode(65 + (Math.floor(i / 2500) % 26))}.` : "";
    const name = `${first}${middle} ${last}`;
    personNames.push(name);
    const slug = `${name.toLowerCase().replace(/[^a-z]+/g, "-")}-${i}`;
    people.rows.push([id("pe", i), slug, name, rand() < 0.1 ? `${first[0]}. ${last}` : "", rand() < 0.5 ? pick(W.ROLES) : "", UPDATED]);
  }
  for (let i = 0; i < O; i++) {
    const words = [W.ORG_ADJECTIVES[i % 20]!, W.ORG_NOUNS[Math.floor(i / 20) % 20]!, W.ORG_KINDS[Math.floor(i / 400) % 10]!];
    const name = words.join(" ") + (i >= 4000 ? ` ${Math.floor(i / 4000) + 1}` : "");
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${i}`;
    orgs.rows.push([id("or", i), slug, name, rand() < 0.3 ? words.map((w) => w[0]).join("") : "", UPDATED]);
    for (let k = 0; k < 2; k++) {
      const doc = int(D), at = addPara(doc, `${name} published a ${pick(W.NOUNS)} on the ${pick(W.NOUNS)}.`);
      mentions.rows.push([id("mn", mentions.rows.length), id("dc", doc), null, id("or", i), at.paragraph, at.start, at.start + name.length]);
    }
  }
  const otherTheme = skewed(T, 15 * scale, 1), anyPerson = skewed(P, P / 20), anyOrg = skewed(O, O / 20);
  const eventPeopleIdx: number[][] = [], eventDates: [string, string, string][] = [], eventDoc: number[] = [], eventTheme: number[] = [];
  for (let i = 0; i < E; i++) {
    const date = partialDate(FIRST_DAY + int(LAST_DAY - FIRST_DAY + 1), rand());
    const kind = pick(W.EVENT_KINDS), place = pick(W.PLACES);
    const title = `${cap(pick(W.ADJECTIVES))} ${pick(W.NOUNS)} ${kind} in ${place}`;
    const tail = i % 8 === 0 ? `Officials called it an ${W.SEARCH_TERM} for the ${pick(W.NOUNS)}.` : `Observers said ${pick(W.CLAUSES)}.`;
    const summary = `The ${pick(W.ADJECTIVES)} ${pick(W.NOUNS)} was ${pick(W.VERBS)} after the ${pick(W.NOUNS)} ${kind}. ${tail}`;
    events.rows.push([id("ev", i), `event-${i}`, title, summary, ...date, kind, place, UPDATED]);
    eventDates.push(date);
    const popular = rand() < 0.26;
    const th = distinct((popular ? 2 : 1) + (rand() < 0.4 ? 1 : 0), otherTheme, new Set(popular ? [0] : []));
    eventTheme.push(th[0]!);
    for (const k of th) eventThemes.rows.push([id("ev", i), id("th", k)]);
    const ps = distinct(1 + int(5), anyPerson);
    eventPeopleIdx.push(ps);
    for (const k of ps) eventPeople.rows.push([id("ev", i), id("pe", k)]);
    for (const k of distinct(int(4), anyOrg)) eventOrgs.rows.push([id("ev", i), id("or", k)]);
    const evDocs = distinct(1 + (rand() < 0.5 ? 1 : 0), () => int(D));
    eventDoc.push(evDocs[0]!);
    for (const doc of evDocs) {
      const text = `${title}. ${summary}`, at = addPara(doc, text);
      evidence.rows.push([id("ee", evidence.rows.length), id("ev", i), id("dc", doc), at.paragraph, at.start, at.start + text.length]);
    }
  }
  for (let i = 0; i < P; i++) {
    for (const k of distinct(int(3), anyOrg)) affiliations.rows.push([id("pe", i), id("or", k), rand() < 0.7 ? pick(W.ROLES) : null]);
  }
  for (let j = 0; j < Q; j++) {
    const ev = rand() < 0.9 ? int(E) : -1;
    const speaker = ev >= 0 ? pick(eventPeopleIdx[ev]!) : anyPerson();
    const doc = ev >= 0 && rand() < 0.8 ? eventDoc[ev]! : int(D);
    const date = ev >= 0 ? eventDates[ev]! : [docDays[doc]!, docDays[doc]!, "DAY"];
    const name = personNames[speaker]!, extra = j % 8 === 0 ? ` and ${W.SEARCH_TERM} will follow` : "";
    const direct = rand() < 0.65;
    const words = direct ? `${cap(pick(W.CLAUSES))}; the ${pick(W.NOUNS)} is ${pick(W.ADJECTIVES)}${extra}.` : `${name} said that ${pick(W.CLAUSES)}${extra}.`;
    const at = addPara(doc, direct ? `${name} said: "${words}"` : words);
    const start = direct ? at.start + name.length + 8 : at.start;
    quotes.rows.push([id("qu", j), `quote-${j}`, words, direct ? "DIRECT" : "PARAPHRASE", ...date, id("pe", speaker), ev >= 0 ? id("ev", ev) : null, id("dc", doc), at.paragraph, start, start + words.length, UPDATED]);
    for (const k of distinct(rand() < 0.3 ? 2 : 1, otherTheme, new Set(ev >= 0 ? [eventTheme[ev]!] : []))) quoteThemes.rows.push([id("qu", j), id("th", k)]);
    if (j % 3 === 0) mentions.rows.push([id("mn", mentions.rows.length), id("dc", doc), id("pe", speaker), null, at.paragraph, at.start, at.start + name.length]);
  }
  docs.rows.forEach((row, i) => (row[8] = docTexts[i]!.join("\n\n")));
  return [docs, themes, people, orgs, events, eventThemes, eventPeople, eventOrgs, affiliations, quotes, quoteThemes, evidence, mentions];
}
