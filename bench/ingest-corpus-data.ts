/**
 * The synthetic corpus of `bench:ingest` (bench/ingest-corpus.ts), built from a seeded PRNG: the
 * same seed always gives the same files. Documents share one pool of themes, organizations, people
 * and events, so that their claims merge and sometimes disagree:
 * - each event is defined by the first document (in ingest order) that reports it; later reports
 *   refer to it (`ref`) or define it again (a title of their own, now and then), and give no date,
 *   the same date, a finer one (a refinement) or, now and then, one that contradicts it;
 * - people, organizations and themes are listed by every document that names them, with their
 *   name or only their slug, sometimes a second spelling, another role or an affiliation;
 * - the text names them (mentions), reports the events in sentences the annotation quotes as
 *   evidence, and quotes people (DIRECT between quotation marks, PARAPHRASE as reported speech).
 * Also one big document (`bigDocument`): megabytes of paragraphs over a Zipf-distributed
 * vocabulary, with a few hundred mentions, ~50 events and ~50 quotes.
 */
import { stringify } from "yaml";
import { mulberry32 } from "./lib.ts";
import * as W from "./words.ts";

export interface CorpusOptions {
  seed: number;
  documents: number;
  events: number;
  people: number;
  organizations: number;
  themes: number;
}

export interface GeneratedDocument {
  /** File name without extension. */
  name: string;
  slug: string;
  yaml: string;
  text: string;
}

interface Theme { slug: string; name: string; description: string; keywords: string[] }
interface Organization { slug: string; name: string; acronym: string | null }
interface Person { slug: string; name: string; alias: string; variant: string; roles: string[]; organization: number }
interface PoolEvent {
  slug: string; title: string; altTitle: string; day: Date; kind: string; place: string;
  people: number[]; organizations: number[]; themes: number[];
}

export interface Pool {
  themes: Theme[];
  organizations: Organization[];
  people: Person[];
  events: PoolEvent[];
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
const DAY_MS = 86_400_000;

type Rand = () => number;
const tools = (rand: Rand) => {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const some = (n: number, count: number, into: number[] = []) => {
    const set = new Set(into);
    while (set.size < Math.min(n, count + into.length)) set.add(int(n));
    return [...set];
  };
  return { int, pick, some };
};

/** The shared pool: themes, organizations, people and events. */
export function buildPool(o: CorpusOptions): Pool {
  const rand = mulberry32(o.seed);
  const { int, pick, some } = tools(rand);
  const themes: Theme[] = [];
  for (let i = 0; i < o.themes; i++) {
    const word = W.THEME_WORDS[i % W.THEME_WORDS.length]! + (i >= W.THEME_WORDS.length ? ` ${Math.floor(i / W.THEME_WORDS.length) + 1}` : "");
    themes.push({ slug: slugify(word), name: cap(word), description: `Documents about ${word} and its ${pick(W.NOUNS)}s.`, keywords: [pick(W.NOUNS), pick(W.NOUNS)].filter((k, j, a) => a.indexOf(k) === j) });
  }
  const organizations: Organization[] = [];
  const orgNames = new Set<string>(), acronyms = new Set<string>();
  while (organizations.length < o.organizations) {
    const name = `${pick(W.ORG_ADJECTIVES)} ${pick(W.ORG_NOUNS)} ${pick(W.ORG_KINDS)}`;
    if (orgNames.has(name)) continue;
    orgNames.add(name);
    const acronym = name.split(" ").map((w) => w[0]).join("");
    const unique = !acronyms.has(acronym);
    acronyms.add(acronym);
    organizations.push({ slug: slugify(name), name, acronym: unique ? acronym : null });
  }
  // Acronyms two organizations would share are given to neither.
  for (const org of organizations) if (org.acronym && organizations.filter((x) => x.name.split(" ").map((w) => w[0]).join("") === org.acronym).length > 1) org.acronym = null;
  const people: Person[] = [];
  const names = new Set<string>(), aliases = new Set<string>();
  while (people.length < o.people) {
    const first = pick(W.FIRST_NAMES), last = pick(W.LAST_NAMES);
    const name = `${first} ${last}`, alias = `${first[0]}. ${last}`;
    if (names.has(name) || aliases.has(alias)) continue;
    names.add(name);
    aliases.add(alias);
    const middle = String.fromCharCode(65 + int(26));
    people.push({ slug: slugify(name), name, alias, variant: `${first} ${middle}. ${last}`, roles: some(W.ROLES.length, 2).map((r) => W.ROLES[r]!), organization: int(o.organizations) });
  }
  const events: PoolEvent[] = [];
  const first = Date.UTC(2015, 0, 1) / DAY_MS, span = 10 * 365;
  for (let i = 0; i < o.events; i++) {
    const kind = pick(W.EVENT_KINDS), place = pick(W.PLACES);
    const orgs = some(o.organizations, 1 + int(2));
    const noun = pick(W.NOUNS), adjective = pick(W.ADJECTIVES);
    const title = `${organizations[orgs[0]!]!.name} ${kind} on the ${adjective} ${noun} in ${place}`;
    events.push({
      slug: `${pad(i, 3)}-${slugify(kind)}-${slugify(noun)}-${slugify(place)}`, title,
      altTitle: `${cap(kind)} in ${place} about the ${noun}`,
      day: new Date((first + int(span)) * DAY_MS), kind, place,
      people: some(o.people, 1 + int(3)), organizations: orgs, themes: some(o.themes, 1 + int(2)),
    });
  }
  return { themes, organizations, people, events };
}

type Precision = "YEAR" | "MONTH" | "DAY";

/** A date at a precision, written in ISO or in words ("in 2021", "In June 2021", "On June 23, 2021"). */
function written(day: Date, precision: Precision, words: boolean): string {
  const y = day.getUTCFullYear(), m = day.getUTCMonth(), d = day.getUTCDate();
  if (!words) return precision === "YEAR" ? String(y) : precision === "MONTH" ? `${y}-${pad(m + 1, 2)}` : isoDay(day);
  return precision === "YEAR" ? `in ${y}` : precision === "MONTH" ? `In ${MONTH_NAMES[m]} ${y}` : `On ${MONTH_NAMES[m]} ${d}, ${y}`;
}

const FINER: Record<Precision, Precision[]> = { YEAR: ["MONTH", "DAY"], MONTH: ["DAY"], DAY: [] };

/** Filler sentences: they name people and organizations but never repeat an anchored sentence's shape. */
function filler(rand: Rand, named: string[]): string {
  const { pick } = tools(rand);
  const who = named.length && rand() < 0.5 ? pick(named) : `the ${pick(W.NOUNS)} ${pick(["team", "office", "board", "panel"])}`;
  switch (Math.floor(rand() * 4)) {
    case 0: return `${cap(who)} ${pick(W.VERBS)} the ${pick(W.ADJECTIVES)} ${pick(W.NOUNS)} after weeks of discussion.`;
    case 1: return `Observers noted that ${pick(W.CLAUSES)}, while ${who} kept to the plan.`;
    case 2: return `The ${pick(W.NOUNS)} was ${pick(W.VERBS)} by ${who} and the ${pick(W.NOUNS)} remains ${pick(W.ADJECTIVES)}.`;
    default: return `Local ${pick(W.NOUNS)}s and ${pick(W.NOUNS)}s were ${pick(W.VERBS)} as ${pick(W.CLAUSES)}.`;
  }
}

/** Asserts that an anchor occurs exactly once (a generator bug otherwise, not a bench figure). */
function once(text: string, exact: string, where: string): void {
  const first = text.indexOf(exact);
  if (first < 0 || text.indexOf(exact, first + 1) >= 0) throw new Error(`generator: "${exact.slice(0, 60)}" occurs ${first < 0 ? "0" : "2+"} times in ${where}`);
}

export interface CorpusStats {
  eventReports: number;
  definitions: number;
  redefinitions: number;
  refs: number;
  dateRefinements: number;
  conflictingDates: number;
  titleVariants: number;
  nameVariants: number;
  addedLinks: number;
  quotes: number;
  textBytes: { min: number; max: number; mean: number };
}

/** The corpus: `documents` small documents in ingest order, and what they were built to contain. */
export function buildCorpus(o: CorpusOptions, pool = buildPool(o)): { documents: GeneratedDocument[]; stats: CorpusStats } {
  const rand = mulberry32(o.seed ^ 0x5eed);
  const { int, pick, some } = tools(rand);
  const stats: CorpusStats = { eventReports: 0, definitions: 0, redefinitions: 0, refs: 0, dateRefinements: 0, conflictingDates: 0, titleVariants: 0, nameVariants: 0, addedLinks: 0, quotes: 0, textBytes: { min: Infinity, max: 0, mean: 0 } };
  /** Precision each event was first defined at (dates refine from it). */
  const defined = new Map<number, Precision>();
  const documents: GeneratedDocument[] = [];
  for (let i = 0; i < o.documents; i++) {
    // Each event is reported by documents i, i + E, i + 2E, ... (documents / events of them), plus a
    // second, random event in 30% of the documents.
    const primary = i % o.events;
    const reported = [primary];
    if (rand() < 0.3) reported.push(some(o.events, 1, [primary]).find((e) => e !== primary)!);
    const mainEvent = pool.events[primary]!;
    const published = new Date(mainEvent.day.getTime() + (1 + int(60)) * DAY_MS);
    const slug = `doc-${pad(i, 4)}-${mainEvent.slug}`;
    const people = new Set<number>(), organizations = new Set<number>(), themes = new Set<number>();
    for (const e of reported) {
      pool.events[e]!.people.forEach((p) => people.add(p));
      pool.events[e]!.organizations.forEach((x) => organizations.add(x));
      pool.events[e]!.themes.forEach((t) => themes.add(t));
    }
    some(o.people, int(3)).forEach((p) => people.add(p));
    if (rand() < 0.5) organizations.add(int(o.organizations));
    const speakers = [...people].slice(0, 1 + int(2));
    const personName = new Map<number, string>();
    for (const p of people) {
      const variant = rand() < 0.02;
      if (variant) stats.nameVariants++;
      personName.set(p, variant ? pool.people[p]!.variant : pool.people[p]!.name);
    }
    const namedInText = [...[...people].map((p) => personName.get(p)!), ...[...organizations].map((x) => pool.organizations[x]!.name)];

    const paragraphs: string[] = [];
    const eventEntries: Record<string, unknown>[] = [];
    for (const [k, e] of reported.entries()) {
      const ev = pool.events[e]!;
      stats.eventReports++;
      const first = !defined.has(e);
      let precision: Precision | null;
      if (first) {
        precision = pick(["YEAR", "YEAR", "MONTH", "MONTH", "DAY", "DAY", "DAY"] as const);
        defined.set(e, precision);
      } else {
        const r = rand(), base = defined.get(e)!;
        if (r < 0.35) precision = null;
        else if (r < 0.65 && FINER[base].length) { precision = pick(FINER[base]); stats.dateRefinements++; }
        else precision = base;
      }
      let day = ev.day;
      if (!first && precision && rand() < 0.08) {
        // A contradicting date: another year (or, for a day, another month of the year).
        day = new Date(Date.UTC(ev.day.getUTCFullYear() + (precision === "DAY" ? 0 : 1 + int(2)), precision === "DAY" ? (ev.day.getUTCMonth() + 1 + int(10)) % 12 : ev.day.getUTCMonth(), Math.min(ev.day.getUTCDate(), 28)));
        stats.conflictingDates++;
      }
      const words = rand() < 0.5;
      const date = precision ? written(day, precision, words) : null;
      const eventPeople = ev.people.map((p) => personName.get(p)!);
      const org = pool.organizations[ev.organizations[0]!]!.name;
      const sentence = `${date ? `${words ? date : `On ${date}`}, ` : ""}${eventPeople.join(" and ")} attended the ${ev.kind} of the ${org} in ${ev.place} (report ${k + 1}).`;
      const further = rand() < 0.5 ? ` The ${ev.kind} in ${ev.place} drew wide attention.` : "";
      paragraphs.push(`${k === 0 ? `${ev.place.toUpperCase()} — ` : ""}${sentence}${further}`);
      const redefine = !first && rand() < 0.25;
      const entry: Record<string, unknown> = {};
      if (first || redefine) {
        if (first) stats.definitions++;
        else stats.redefinitions++;
        const variant = redefine && rand() < 0.3;
        if (variant) stats.titleVariants++;
        Object.assign(entry, { slug: ev.slug, title: variant ? ev.altTitle : ev.title, date: date ?? written(ev.day, "YEAR", false), kind: ev.kind, place: ev.place });
      } else {
        stats.refs++;
        Object.assign(entry, { ref: ev.slug });
        if (date) entry.date = date;
      }
      entry.themes = ev.themes.map((t) => pool.themes[t]!.slug);
      entry.people = ev.people.map((p) => pool.people[p]!.slug);
      // Some later reports link one more person (links are the union of the reports').
      if (!first && rand() < 0.2) {
        const extra = pool.people[pick([...people])]!.slug;
        if (!(entry.people as string[]).includes(extra)) { (entry.people as string[]).push(extra); stats.addedLinks++; }
      }
      entry.organizations = ev.organizations.map((x) => pool.organizations[x]!.slug);
      entry.evidence = [{ exact: sentence }];
      eventEntries.push(entry);
    }
    const quotes: Record<string, unknown>[] = [];
    const used = new Set<string>();
    for (const [q, p] of speakers.entries()) {
      const name = personName.get(p)!;
      stats.quotes++;
      if (rand() < 0.6) {
        const opening = W.CLAUSES.filter((c) => !used.has(c));
        const first = pick(opening);
        used.add(first);
        const said = `${cap(first)}, and ${pick(W.CLAUSES)}`;
        paragraphs.push(`${name} spoke to the press. “${said},” ${name.split(" ").pop()} added, to applause (${q + 1}).`);
        quotes.push({ slug: `${slug}-q${q + 1}`, kind: "DIRECT", speaker: pool.people[p]!.slug, event: mainEvent.slug, themes: [pool.themes[mainEvent.themes[0]!]!.slug], evidence: { exact: `${said},` } });
      } else {
        const said = `${name} told reporters that ${pick(W.CLAUSES)} (${q + 1}).`;
        paragraphs.push(said);
        quotes.push({ slug: `${slug}-q${q + 1}`, kind: "PARAPHRASE", speaker: pool.people[p]!.slug, evidence: { exact: said } });
      }
    }
    const target = 1000 + int(2000);
    let length = paragraphs.join("\n\n").length;
    const fill: string[] = [];
    while (length < target) {
      const para = Array.from({ length: 2 + int(4) }, () => filler(rand, namedInText)).join(" ");
      fill.push(para);
      length += para.length + 2;
    }
    // The first report opens the text; quotes and the second report are spread through the filler.
    const body = [paragraphs[0]!];
    const rest = paragraphs.slice(1);
    for (const para of fill) {
      body.push(para);
      if (rest.length && rand() < 0.5) body.push(rest.shift()!);
    }
    body.push(...rest);
    const text = `date ${isoDay(published)}\n\n${body.join("\n\n")}\n`;
    for (const e of eventEntries) once(text, (e.evidence as { exact: string }[])[0]!.exact, slug);
    for (const q of quotes) once(text, (q.evidence as { exact: string }).exact, slug);

    const annotation = {
      document: { slug, title: `Report ${i + 1}: ${mainEvent.title}`, sourceName: pick(["Wire", "Daily", "Gazette", "Herald"]) },
      themes: [...themes].map((t) => {
        const th = pool.themes[t]!;
        return rand() < 0.5 ? { slug: th.slug } : { slug: th.slug, name: th.name, description: th.description, ...(rand() < 0.3 ? { keywords: th.keywords } : {}) };
      }),
      organizations: [...organizations].map((x) => {
        const org = pool.organizations[x]!;
        return rand() < 0.3 ? { slug: org.slug } : { slug: org.slug, name: org.name, ...(org.acronym && rand() < 0.3 ? { aliases: [org.acronym] } : {}) };
      }),
      people: [...people].map((p) => {
        const person = pool.people[p]!, name = personName.get(p)!;
        const entry: Record<string, unknown> = { slug: person.slug };
        if (name !== person.name || rand() < 0.7) entry.name = name;
        if (rand() < 0.3) entry.aliases = [person.alias];
        if (rand() < 0.3) entry.roles = [pick(person.roles)];
        if (rand() < 0.2) entry.affiliations = [{ organization: pool.organizations[person.organization]!.slug, role: pick(person.roles).toLowerCase() }];
        return entry;
      }),
      events: eventEntries,
      quotes,
    };
    // An affiliation names its organization: list it, so that every slug is described somewhere.
    for (const p of annotation.people) {
      const af = (p.affiliations as { organization: string }[] | undefined)?.[0];
      if (af && !annotation.organizations.some((x) => x.slug === af.organization)) {
        const org = pool.organizations.find((x) => x.slug === af.organization)!;
        annotation.organizations.push({ slug: org.slug, name: org.name });
      }
    }
    const bytes = Buffer.byteLength(text);
    stats.textBytes.min = Math.min(stats.textBytes.min, bytes);
    stats.textBytes.max = Math.max(stats.textBytes.max, bytes);
    stats.textBytes.mean += bytes / o.documents;
    documents.push({ name: slug, slug, yaml: stringify(annotation, { lineWidth: 0 }), text });
  }
  stats.textBytes.mean = Math.round(stats.textBytes.mean);
  return { documents, stats };
}

export interface BigStats {
  bytes: number;
  paragraphs: number;
  distinctWords: number;
  people: number;
  organizations: number;
  insertedMentions: number;
  events: number;
  eventRefs: number;
  quotes: number;
}

/**
 * One big document of at least `bytes` bytes of UTF-8: paragraphs of sentences over a vocabulary of
 * `vocabulary` made-up words drawn with Zipf's law (as words in real text are), plus the pool's
 * words; `mentions` insertions of the names of 40 people and 20 organizations; `events` events (half
 * of them the pool's, by `ref`, half defined here) and `quotes` quotes, each anchored once.
 */
export function bigDocument(pool: Pool, o: { slug: string; seed: number; bytes: number; vocabulary: number; mentions: number; events: number; quotes: number }): { document: GeneratedDocument; stats: BigStats } {
  const rand = mulberry32(o.seed ^ 0xb16);
  const { int, pick, some } = tools(rand);
  const syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zu", "be", "da", "fe", "go", "hi", "ju", "pe", "qua", "ri", "so", "tu", "wa", "xe", "yo", "ze", "an", "el", "or", "is", "un"];
  const vocabulary = new Set<string>();
  while (vocabulary.size < o.vocabulary) vocabulary.add(Array.from({ length: 2 + int(3) }, () => pick(syllables)).join(""));
  const words = [...vocabulary, ...W.NOUNS, ...W.VERBS, ...W.ADJECTIVES];
  // Zipf: P(rank k) ~ 1/k, sampled by inverting the cumulative sum.
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 1; k <= words.length; k++) cumulative.push((sum += 1 / k));
  const word = () => {
    const x = rand() * sum;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid]! < x) lo = mid + 1; else hi = mid; }
    return words[lo]!;
  };
  const sentence = () => `${cap(Array.from({ length: 8 + int(14) }, word).join(" "))}.`;
  const people = some(pool.people.length, 40).map((p) => pool.people[p]!);
  const organizations = some(pool.organizations.length, 20).map((x) => pool.organizations[x]!);
  const names = [...people.map((p) => p.name), ...organizations.map((x) => x.name)];
  const published = new Date(Date.UTC(2025, 0, 15));
  const slug = o.slug;

  // Paragraphs first, then the anchored sentences placed into distinct paragraphs.
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < o.bytes) {
    const para = Array.from({ length: 4 + int(6) }, sentence).join(" ");
    paragraphs.push(para);
    bytes += Buffer.byteLength(para) + 2;
  }
  const slots = some(paragraphs.length, o.mentions + o.events + o.quotes);
  let slot = 0;
  const insert = (s: string) => {
    const at = slots[slot++ % slots.length]!; // a small text takes several insertions per paragraph
    paragraphs[at] = `${paragraphs[at]} ${s}`;
  };
  for (let m = 0; m < o.mentions; m++) insert(`${names[m % names.length]} was mentioned here (${m}).`);
  const events: Record<string, unknown>[] = [];
  const refs = some(pool.events.length, Math.floor(o.events / 2));
  for (let k = 0; k < o.events; k++) {
    const ref = k < refs.length ? pool.events[refs[k]!]! : null;
    const who = pick(people), org = pick(organizations);
    const day = ref?.day ?? new Date(Date.UTC(2024, int(12), 1 + int(28)));
    const s = `On ${MONTH_NAMES[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}, ${who.name} of the ${org.name} took part in event number ${k + 1} of this chronicle.`;
    insert(s);
    events.push(ref
      ? { ref: ref.slug, date: isoDay(day), people: [who.slug], organizations: [org.slug], evidence: [{ exact: s }] }
      : { slug: `${slug}-event-${pad(k + 1, 2)}`, title: `Chronicle event ${k + 1}`, date: isoDay(day), kind: pick(W.EVENT_KINDS), place: pick(W.PLACES), people: [who.slug], organizations: [org.slug], themes: [pick(pool.themes).slug], evidence: [{ exact: s }] });
  }
  const quotes: Record<string, unknown>[] = [];
  for (let q = 0; q < o.quotes; q++) {
    const who = pick(people);
    const said = `${cap(pick(W.CLAUSES))}, said the speaker in statement ${q + 1}`;
    insert(`${who.name} said: “${said}.”`);
    quotes.push({ slug: `${slug}-quote-${pad(q + 1, 2)}`, kind: "DIRECT", speaker: who.slug, themes: [pick(pool.themes).slug], evidence: { exact: `${said}.` } });
  }
  const text = `date ${isoDay(published)}\n\n${paragraphs.join("\n\n")}\n`;
  for (const e of events) once(text, (e.evidence as { exact: string }[])[0]!.exact, slug);
  for (const q of quotes) once(text, (q.evidence as { exact: string }).exact, slug);
  const annotation = {
    document: { slug, title: `A chronicle of ${Math.round(o.bytes / 1024)} KiB`, sourceName: "Archive" },
    themes: pool.themes.map((t) => ({ slug: t.slug })),
    organizations: organizations.map((x) => ({ slug: x.slug, name: x.name })),
    people: people.map((p) => ({ slug: p.slug, name: p.name })),
    events,
    quotes,
  };
  const distinctWords = new Set(text.toLowerCase().match(/[a-z]+/g)).size;
  return {
    document: { name: slug, slug, yaml: stringify(annotation, { lineWidth: 0 }), text },
    stats: { bytes: Buffer.byteLength(text), paragraphs: paragraphs.length, distinctWords, people: people.length, organizations: organizations.length, insertedMentions: o.mentions, events: events.length, eventRefs: refs.length, quotes: quotes.length },
  };
}
