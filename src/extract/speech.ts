/**
 * The words around what someone said: speech verbs, the shape of a speaker's name, pronouns.
 * Shared by direct quotes (quotes.ts) and reported speech (paraphrases.ts).
 */

/** Who the words say spoke: a name as written, or a pronoun to resolve (speakers.ts). */
export interface SpeakerRef {
  phrase: string;
  /** Offset of the phrase in the body. */
  start: number;
  pronoun: boolean;
}

/** A capitalized word, or initials ("U.S."). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}’'-]+|(?:\p{Lu}\.){2,3})`;
/** A name as it stands before "said": up to five capitalized words (a glued title, "U.S. Commerce Secretary Jane Doe"), maybe after "Mr." or "Dr.". */
export const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Prof)\.\s+)?${NAME_WORD}(?:\s+${NAME_WORD}){0,4}`;
export const PRONOUN = String.raw`[Hh]e|[Ss]he`;
/** A speaker: group `pronoun` or group `name`. */
export const SPEAKER = String.raw`(?:(?<pronoun>${PRONOUN})\b|(?<name>${NAME}))`;

/** Verbs that introduce a direct quote. */
export const QUOTE_VERBS = String.raw`(?:said|says|was quoted as saying|added|adds|told|asked|stressed|noted|explained|wrote|writes|remarked|declared|urged|emphasi[sz]ed|insisted|recalled|continued|replied|answered|warned|stated|commented|pointed out|concluded|acknowledged)`;

/**
 * Verbs that report speech or a stance without quoting it ("stressed that", "urged", "believes
 * that"). "wrote" and "told" only with "that": "Xi wrote to the scientists" reports a letter.
 */
export const REPORTING_VERBS = String.raw`(?:said|says|was quoted as saying|stressed|emphasi[sz]ed|noted|added|urged|believes|believed|called for|summed up|pointed out|underlined|underscored|warned|insisted|stated|explained|argued|reiterated|hoped|wrote that|told (?:\S+ ){1,3}that|recalled|acknowledged)`;

/**
 * A role before the name it describes, with its commas: "Solberg's deputy, " / "the agency's
 * director, ". The name after it is the speaker, never the possessor.
 */
export const ROLE_BEFORE = String.raw`(?:\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,3}['’]s|[Tt]he(?:\s+\p{Ll}+['’]s)?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}\p{Ll}[\p{L}-]*,\s+`;

/**
 * A role written before a name without commas, in lower case, maybe after the organization's name:
 * "ASA chief engineer ", "the project director " (no preposition: "a spokesman for Dana Okafor" is not Okafor).
 */
export const LOWER_ROLE = String.raw`(?:[Tt]he\s+)?(?:${NAME_WORD}\s+){0,2}(?:(?!(?:and|or|but|for|of|to|with|from|by|on|in|at|after|before|as|who|that|then)\b)\p{Ll}[\p{L}-]*\s+){1,3}`;

/**
 * An apposition between a name and its verb: ", director of the institute," / ", a professor at ...,"
 * (it starts in lower case, so a list of names is none).
 */
export const APPOSITION = String.raw`(?:,\s+\p{Ll}[^,“”"]{2,100}?,)?`;

/** Capitalized words that are not names though they stand where a speaker would. */
const NOT_NAMES = new Set(["It", "This", "That", "The", "They", "We", "I", "You", "There", "These", "Those", "Which", "Who", "What", "And", "But", "So", "Also", "Then", "As"]);

/** The speaker a match of SPEAKER names, with its offset; undefined for "It said" and the like. */
export function speakerOf(match: RegExpExecArray, offset: number): SpeakerRef | undefined {
  const pronoun = match.groups?.pronoun;
  const name = match.groups?.name;
  const phrase = pronoun ?? name;
  // "Solberg's deputy": a possessor is never the speaker.
  if (!phrase || NOT_NAMES.has(phrase.split(/\s+/)[0]!) || /['’]s$/.test(phrase)) return undefined;
  return { phrase, start: offset + match[0].indexOf(phrase), pronoun: pronoun !== undefined };
}
