/**
 * The people and organizations of a draft. Each name found in the text is linked, in this order,
 * to an entity already proposed, to one of the gazetteer (by name or alias: it keeps its slug), or
 * becomes a new entity. One-word references ("Xi", "Mr. Hu") join the one fuller name they are
 * part of; an acronym in parentheses becomes an alias.
 */
import type { Span } from "../ingest/anchor.ts";
import { findMentions } from "../ingest/mentions.ts";
import type { Gazetteer, KnownEntity } from "./gazetteer.ts";
import { TITLE_WORDS, type Gender, type NameCandidate } from "./names.ts";
import { proposal, type Proposal } from "./provenance.ts";
import { slugify, type SlugPool } from "./slugs.ts";

export type EntityKind = "person" | "organization";

export interface DraftEntity {
  kind: EntityKind;
  slug: string;
  name: string;
  aliases: Set<string>;
  roles: Set<string>;
  gender?: Gender;
  /** From the gazetteer: already in the graph. */
  known: boolean;
  proposals: Proposal[];
}

const COURTESY = /^(?:mr|mrs|ms|miss|dr|prof|sir|madam)\.?$/i;
/** A title before a name, glued words included: "Mr. ", "President ", "U.S. Commerce Secretary ". */
const TITLE_PREFIX = new RegExp(String.raw`^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+|(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}?(?:${[...TITLE_WORDS].map((w) => w[0]!.toUpperCase() + w.slice(1)).join("|")})\s+)`, "u");
const key = (s: string) => s.toLowerCase();
/** A name's first and last words: "Xi Jinping" is "Xi" (family name first) as "Mary Smith" is "Smith". */
const ends = (name: string) => {
  const words = name.split(/\s+/);
  return words.length > 1 ? [words[0]!, words[words.length - 1]!] : [];
};

export class Entities {
  private readonly all: DraftEntity[] = [];
  private readonly index = { person: new Map<string, DraftEntity>(), organization: new Map<string, DraftEntity>() };

  constructor(private readonly body: string, private readonly gazetteer: Gazetteer, private readonly slugs: SlugPool) {}

  list(kind: EntityKind): DraftEntity[] {
    return this.all.filter((e) => e.kind === kind);
  }

  /** Known entities the text names (gazetteer names and aliases, as whole words). */
  addKnownMentions(): void {
    for (const kind of ["person", "organization"] as const) {
      const known = kind === "person" ? this.gazetteer.people : this.gazetteer.organizations;
      const found = findMentions(this.body, known.map((k) => ({ slug: k.slug, names: [k.name, ...k.aliases] })));
      for (const k of known) {
        const spans = found.get(k.slug)!;
        if (spans.length === 0) continue;
        const forms = [...new Set(spans.map((s) => this.body.slice(s.start, s.end)))].map((f) => JSON.stringify(f)).join(", ");
        this.adopt(kind, k, proposal("gazetteer.match", 0.95, `named ${forms}`));
      }
    }
  }

  /** Links or adds the names compromise found: full names first, then one-word references. */
  addCandidates(candidates: NameCandidate[]): void {
    for (const c of candidates.filter((c) => c.kind !== "short")) this.addName(c);
    for (const c of candidates.filter((c) => c.kind === "short")) {
      const person = this.findPerson(c.surface);
      if (person) this.enrich(person, c);
      else if (c.title) this.addName({ ...c, kind: "person" });
    }
    this.addShortForms();
  }

  /** The person a phrase names ("Xi", "President Xi", "Zhang Wei"), if any is known or proposed. */
  findPerson(phrase: string): DraftEntity | undefined {
    const bare = phrase.replace(TITLE_PREFIX, "");
    const exact = this.index.person.get(key(phrase)) ?? this.index.person.get(key(bare));
    if (exact) return exact;
    const known = this.gazetteer.people.filter((k) => [k.name, ...k.aliases].some((n) => key(n) === key(phrase) || key(n) === key(bare)));
    if (known.length === 1) return this.adopt("person", known[0]!, proposal("gazetteer.match", 0.9, `named ${JSON.stringify(phrase)}`));
    if (bare.includes(" ")) return undefined;
    const proposed = this.list("person").filter((p) => ends(p.name).includes(bare));
    if (proposed.length === 1) return proposed[0];
    const fuller = this.gazetteer.people.filter((k) => ends(k.name).includes(bare));
    return fuller.length === 1 ? this.adopt("person", fuller[0]!, proposal("gazetteer.short-form", 0.7, `named ${JSON.stringify(phrase)}`)) : undefined;
  }

  /** A person known only as the speaker of a quote ("..., Zhang said"). */
  addSpeaker(phrase: string): DraftEntity {
    const name = phrase.replace(TITLE_PREFIX, "");
    return this.addName({ kind: "person", name, surface: phrase, start: 0, rule: "person.speaker", confidence: 0.6 });
  }

  /** Where the text names each entity, by slug (the ingest pipeline's own matcher). */
  mentions(): Map<string, Span[]> {
    return findMentions(this.body, this.all.map((e) => ({ slug: e.slug, names: [e.name, ...e.aliases] })));
  }

  private addName(c: NameCandidate): DraftEntity {
    const kind: EntityKind = c.kind === "organization" ? "organization" : "person";
    const forms = [c.name, c.surface, ...(c.acronym ? [c.acronym] : [])];
    const seen = forms.map((f) => this.index[kind].get(key(f))).find(Boolean);
    if (seen) return this.enrich(seen, c);
    const gazetteer = kind === "person" ? this.gazetteer.people : this.gazetteer.organizations;
    const known = gazetteer.find((k) => [k.name, ...k.aliases].some((n) => forms.some((f) => key(f) === key(n))));
    if (known) return this.enrich(this.adopt(kind, known, proposal("gazetteer.match", 0.9, `named ${JSON.stringify(c.surface)}`)), c);
    const entity: DraftEntity = {
      kind, slug: this.slugs.take(slugify(c.name), kind), name: c.name, aliases: new Set(), roles: new Set(), known: false,
      proposals: [proposal(c.rule, c.confidence, `from ${JSON.stringify(c.surface)}`)],
    };
    this.all.push(entity);
    this.index[kind].set(key(c.name), entity);
    return this.enrich(entity, c);
  }

  private adopt(kind: EntityKind, k: KnownEntity, why: Proposal): DraftEntity {
    const seen = this.all.find((e) => e.slug === k.slug);
    if (seen) return seen;
    const entity: DraftEntity = { kind, slug: k.slug, name: k.name, aliases: new Set(k.aliases), roles: new Set(), known: true, proposals: [why] };
    this.all.push(entity);
    for (const n of [k.name, ...k.aliases]) this.index[kind].set(key(n), entity);
    return entity;
  }

  /** Adds what this mention tells: its written form and acronym as aliases, its title as a role. */
  private enrich(entity: DraftEntity, c: NameCandidate): DraftEntity {
    for (const form of [c.surface, c.acronym]) {
      if (!form || key(form) === key(entity.name)) continue;
      entity.aliases.add(form);
      this.index[entity.kind].set(key(form), entity);
    }
    if (c.acronym && !entity.proposals.some((p) => p.rule === "org.acronym-alias")) entity.proposals.push(proposal("org.acronym-alias", 0.85, `alias ${c.acronym} from the parentheses`));
    if (c.title && !COURTESY.test(c.title)) entity.roles.add(c.title);
    entity.gender ??= c.gender;
    return entity;
  }

  /** "Xi" alone names "Xi Jinping" when no other person shares that word. */
  private addShortForms(): void {
    const people = this.list("person");
    for (const person of people) {
      // Occurrences inside the full name do not count: "Jinping" is never used alone.
      const elsewhere = this.body.split(person.name).join("\n");
      for (const word of ends(person.name)) {
        const shared = people.some((p) => p !== person && ends(p.name).includes(word));
        if (shared || word.length < 2 || person.aliases.has(word)) continue;
        if (!new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(elsewhere)) continue;
        person.aliases.add(word);
        this.index.person.set(key(word), person);
      }
    }
  }
}
