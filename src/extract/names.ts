/**
 * Names of people and organizations in a text, from compromise's terms and tags: runs of
 * capitalized words ("Beijing University of Science and Technology"), classified by an
 * organization's head word, a person's title ("President", "Mr."), compromise's first/last-name
 * lexicon, or, for names it has never seen ("Nie Haisheng"), two or three unknown capitalized words.
 * An acronym in parentheses right after a name is kept as its alias.
 */
import { isKnownWord, lexiconTags, type TextAnalysis, type Token } from "./text.ts";

export type Gender = "male" | "female";

export interface NameCandidate {
  /** `short`: a one-word person reference ("Xi", "Mr. Hu") that may belong to a fuller name. */
  kind: "person" | "organization" | "short";
  /** Without the title: "Xi Jinping". */
  name: string;
  /** As written: "President Xi Jinping". */
  surface: string;
  start: number;
  title?: string;
  gender?: Gender;
  acronym?: string;
  rule: string;
  confidence: number;
}

const ORG_HEADS = new Set(("academy administration agency alliance army assembly association authority bank board bureau center centre " +
  "club co college commission committee company congress corp corporation council court department federation forum foundation " +
  "fund government group inc institute league ltd ministry navy office organisation organization parliament party politburo " +
  "press school society union university").split(" "));
const TITLES = new Map<string, Gender | undefined>([["mr", "male"], ["sir", "male"], ["mrs", "female"], ["ms", "female"], ["miss", "female"], ["madam", "female"], ["dr", undefined], ["prof", undefined]]);
/** Exported for entities.ts, which strips them from a speaker's name. */
export const TITLE_WORDS = new Set(["president", "premier", "chairman", "chairwoman", "chancellor", "minister", "secretary", "councilor", "councillor",
  "commissioner", "professor", "governor", "mayor", "senator", "ambassador", "rector", "spokesman", "spokeswoman", "spokesperson", "king", "queen",
  "prince", "princess", "pope"]);
const CONNECTORS = new Set(["of", "and", "for", "the", "&"]);
const NEVER_NAME = ["Date", "Month", "WeekDay", "Pronoun", "Determiner", "Preposition", "Conjunction", "Verb", "Adverb", "QuestionWord", "Value"];
const FUNCTION_WORDS = ["Determiner", "Pronoun", "Preposition", "Conjunction", "Date", "Month", "WeekDay", "QuestionWord"];
const PLACE = ["Place", "Country", "City", "Region", "Demonym"];
const NAME_TAGS = ["FirstName", "LastName", "MaleName", "FemaleName", "Person"];

const has = (t: Token, tags: string[]) => tags.some((tag) => t.tags.has(tag));
const word = (t: Token) => t.text.toLowerCase().replace(/\.$/, "");
const isTitle = (t: Token) => TITLES.has(word(t)) || TITLE_WORDS.has(word(t)) || (t.tags.has("Honorific") && !has(t, ["FirstName", "LastName"]));
const isAcronym = (t: Token) => /^[A-Z][A-Z&0-9]{1,7}$/.test(t.text) && t.pre.endsWith("(") && t.post.startsWith(")");
/** Capitalized and not a function word; at a sentence start only if it looks like a name anyway. */
function isNameWord(t: Token, initial: boolean): boolean {
  if (!/^\p{Lu}/u.test(t.text) || has(t, NEVER_NAME)) return false;
  return !initial || has(t, ["ProperNoun", "Honorific", ...NAME_TAGS, "Organization", ...PLACE]) || !isKnownWord(t.text);
}
/** Nothing but spaces between two words of one name (a title's or "Co., Ltd."'s period allowed). */
function tight(a: Token, b: Token): boolean {
  if (b.pre !== "") return false;
  if (/^[ \t]+$/.test(a.post)) return true;
  if (a.tags.has("Abbreviation") && /^\.[ \t]+$/.test(a.post)) return true;
  return word(a) === "co" && /^\.,[ \t]+$/.test(a.post) && /^(ltd|inc)$/i.test(b.text);
}
/** A word without its possessive ending: "Brandt's" -> "Brandt". */
const bare = (t: Token) => t.text.replace(/['’]s$/, "");
/** End of a name: a final abbreviation keeps its period ("Co., Ltd."); a possessive ending is no part of it. */
const endOf = (t: Token) => t.end + (t.tags.has("Abbreviation") && t.post.startsWith(".") ? 1 : 0) - (t.text.length - bare(t).length);
const sentenceEnd = (t: Token | undefined) => !t || (/[.!?:]["”’]?\s*$|\n/.test(t.post) && !t.tags.has("Abbreviation"));

/** Photo credits ("Photo: Ana Ruiz", "Li Wen /For China Daily"): their names are no one the news is about. */
const CREDIT = /(?:^|\n)[ \t]*(?:Photos?|Photograph|Image|Picture)(?:\s+by)?\s*:[^\n]*|(?:\p{Lu}[\p{L}'’-]*[ \t]+){1,3}\/[ \t]*(?:For[ \t]+)?\p{Lu}[^\n]*/gu;

/** Runs of name words joined by connectors, split into the names they hold (rule name.photo-credit: none in a credit). */
export function findNames(text: TextAnalysis): NameCandidate[] {
  const { body } = text;
  const credits = [...body.matchAll(CREDIT)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const tokens = text.tokens.filter((t) => !credits.some((c) => t.start >= c.start && t.end <= c.end));
  const found: NameCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    let end = i; // one past the run's last name word
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j]!, prev = tokens[j - 1];
      const next = tokens[j + 1];
      // "State Councilor Wang Lian" opening a sentence: a capitalized word before a title is the title's.
      const name = isNameWord(t, sentenceEnd(prev)) || (/^\p{Lu}/u.test(t.text) && next !== undefined && isTitle(next) && tight(t, next) && !has(t, FUNCTION_WORDS));
      const link = j > i && (CONNECTORS.has(t.text) || /^\d+(?:st|nd|rd|th)$/.test(t.text));
      if ((j > i && !tight(prev!, t)) || !(name || link)) break;
      if (name) end = j + 1;
    }
    if (end === i) {
      i++;
      continue;
    }
    const run = tokens.slice(i, end);
    const after = tokens[end];
    const acronym = after && isAcronym(after) ? after.text : undefined;
    const last = run[run.length - 1]!;
    const outlet = toldOutlet(tokens, body, i, end);
    if (outlet) found.push(outlet);
    else for (const piece of splitAtAnd(run)) found.push(...classify(piece, body, piece.includes(last) ? acronym : undefined).filter((c) => !(c.start === run[0]!.start && c.kind !== "organization" && !c.title && afterThe(tokens[i - 1]))));
    i = end;
  }
  return found;
}

/** "the Valmora Observer": a person's name takes no article. */
const afterThe = (t: Token | undefined) => t !== undefined && /^the$/i.test(t.text) && /^[ \t]+$/.test(t.post);

/**
 * "told the Valmora Observer" / "told Meridian." at a clause's end: the outlet a speaker told, an
 * organization at most (rule org.told-outlet), never the speaker; a run with a known first or last
 * name ("told Li Wen") is left to the person rules.
 */
function toldOutlet(tokens: Token[], body: string, start: number, end: number): NameCandidate | undefined {
  const the = afterThe(tokens[start - 1]) ? 1 : 0;
  const verb = tokens[start - 1 - the];
  const run = tokens.slice(start, end);
  const last = run[run.length - 1]!;
  if (verb?.text !== "told" || !/^[ \t]+$/.test(verb.post) || run.length > 4 || !/^\s*[,.;]/.test(last.post)) return undefined;
  if (!the && run.some((t) => has(t, NAME_TAGS) || isTitle(t))) return undefined;
  const name = body.slice(run[0]!.start, endOf(last));
  return { kind: "organization", name, surface: name, start: run[0]!.start, rule: "org.told-outlet", confidence: 0.5 };
}

/** "X and the Y" are two names; "Siasun Robot and Automation Co." is one. */
function splitAtAnd(run: Token[]): Token[][] {
  const pieces: Token[][] = [[]];
  for (const [k, t] of run.entries()) {
    const current = pieces[pieces.length - 1]!;
    const personBefore = current.some((x) => has(x, NAME_TAGS) || isTitle(x)) && !current.some((x) => ORG_HEADS.has(word(x)));
    if (t.text === "and" && (run[k + 1]?.text === "the" || personBefore)) pieces.push([]);
    else if (!(/^the$/i.test(t.text) && current.length === 0)) current.push(t);
  }
  return pieces.filter((p) => p.length > 0);
}

function classify(piece: Token[], body: string, acronym: string | undefined): NameCandidate[] {
  const names = piece.filter((t) => !CONNECTORS.has(t.text));
  const surfaceOf = (ts: Token[]) => body.slice(ts[0]!.start, endOf(ts[ts.length - 1]!));
  const base = { surface: surfaceOf(piece), start: piece[0]!.start, ...(acronym ? { acronym } : {}) };
  const headed = names.length > 1 && (names.some((t) => ORG_HEADS.has(word(t))) || names[names.length - 1]!.tags.has("Organization"));
  if (headed) return [{ kind: "organization", name: base.surface, ...base, rule: "org.head-word", confidence: 0.7 }];
  if (acronym && names.length > 1 && !names.some((t) => has(t, NAME_TAGS))) {
    return [{ kind: "organization", name: base.surface, ...base, rule: "org.acronym", confidence: 0.7 }];
  }
  if (names.length === 1 && lexiconTags(names[0]!.text).includes("Organization")) {
    return [{ kind: "organization", name: base.surface, ...base, rule: "org.lexicon", confidence: 0.6 }];
  }
  // Connectors inside a run with no head word join nothing: each stretch of names stands alone.
  const stretches: Token[][] = [[]];
  for (const t of piece) CONNECTORS.has(t.text) ? stretches.push([]) : stretches[stretches.length - 1]!.push(t);
  return stretches.filter((s) => s.length).flatMap((s) => person(s, surfaceOf(s)));
}

function person(stretch: Token[], surface: string): NameCandidate[] {
  // person.glued-title: "Science Minister Rosa Vell", "U.S. Commerce Secretary Jane Doe": the words
  // up to the last title word before the name are the title.
  if (stretch.every(isTitle)) return [];
  let firstName = 0;
  for (let k = 0; k < stretch.length - 1; k++) if (isTitle(stretch[k]!)) firstName = k + 1;
  const titles = stretch.slice(0, firstName);
  const rest = stretch.slice(firstName);
  if (rest.length > 3 || rest.some((t) => has(t, PLACE) || t.tags.has("Acronym"))) return [];
  const name = surface.slice(rest[0]!.start - stretch[0]!.start);
  const title = titles.length ? surface.slice(0, rest[0]!.start - stretch[0]!.start).trim() : undefined;
  const gender = titles.map((t) => TITLES.get(word(t))).find(Boolean) ?? (rest[0]!.tags.has("MaleName") ? "male" : rest[0]!.tags.has("FemaleName") ? "female" : undefined);
  const base = { name, surface, start: stretch[0]!.start, ...(title ? { title } : {}), ...(gender ? { gender } : {}) };
  const glued = titles.some((t) => !isTitle(t));
  if (title) return [{ kind: rest.length > 1 ? "person" : "short", ...base, rule: glued ? "person.glued-title" : "person.title", confidence: rest.length > 1 ? (glued ? 0.75 : 0.8) : 0.6 }];
  if (rest.length === 1) return has(rest[0]!, NAME_TAGS) ? [{ kind: "short", ...base, rule: "person.short", confidence: 0.4 }] : [];
  if (rest.some((t) => has(t, NAME_TAGS))) return [{ kind: "person", ...base, rule: "person.name-lexicon", confidence: 0.75 }];
  const unseen = rest.every((t) => !isKnownWord(bare(t)) && /^\p{Lu}\p{Ll}+$/u.test(bare(t)) && !t.tags.has("Organization"));
  return unseen ? [{ kind: "person", ...base, rule: "person.unknown-words", confidence: 0.5 }] : [];
}
