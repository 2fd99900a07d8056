/**
 * Content-Type and Accept parsing, just enough for RFC 9110 content negotiation (§12.5.1): quality
 * values, wildcards, and parameters such as charset, where the most specific matching range decides.
 */

export interface MediaType {
  /** "type/subtype", lower case. */
  essence: string;
  /** Parameters with lower-case names and unquoted values (q excluded for ranges). */
  params: Record<string, string>;
}

interface MediaRange extends MediaType {
  q: number;
  /** Position in the header: earlier ranges win ties. */
  index: number;
}

function parseOne(value: string): (MediaType & { q: number }) | null {
  const [essence = "", ...rest] = value.split(";").map((part) => part.trim());
  if (!/^[\w.+*-]+\/[\w.+*-]+$/.test(essence)) return null;
  const params: Record<string, string> = {};
  let q = 1;
  for (const param of rest) {
    const eq = param.indexOf("=");
    if (eq < 1) continue;
    const name = param.slice(0, eq).trim().toLowerCase();
    const raw = param.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    if (name === "q") {
      if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(raw)) return null;
      q = Number(raw);
      break; // what follows q are accept-extensions, not media type parameters
    }
    params[name] = raw.toLowerCase();
  }
  return { essence: essence.toLowerCase(), params, q };
}

/**
 * A function of one header value, remembering its last results: clients send the same few Accept and
 * Content-Type values on every request, and parsing them again was a few percent of a small
 * request's CPU. Bounded: past MAX_REMEMBERED values it starts afresh. Results are shared, so frozen.
 */
const MAX_REMEMBERED = 64;
function remembering<R>(fn: (value: string) => R): (value: string) => R {
  const results = new Map<string, R>();
  return (value) => {
    let result = results.get(value);
    if (result === undefined && !results.has(value)) {
      if (results.size >= MAX_REMEMBERED) results.clear();
      result = fn(value);
      results.set(value, result);
    }
    return result as R;
  };
}

/** Parses a Content-Type value; null when it is not a media type. */
export const parseMediaType: (value: string) => Readonly<MediaType> | null = remembering((value) => {
  const parsed = parseOne(value);
  return parsed && Object.freeze({ essence: parsed.essence, params: Object.freeze(parsed.params) });
});

function parseAccept(header: string): MediaRange[] {
  return header
    .split(",")
    .map((part, index) => {
      const parsed = parseOne(part);
      return parsed && { ...parsed, index };
    })
    .filter((range): range is MediaRange => range !== null);
}

/** How specific a range is: 3 with parameters, 2 for a full type, 1 for type/* ranges, 0 for the any-type range. */
function specificity(range: MediaRange): number {
  const [type, subtype] = range.essence.split("/");
  if (type === "*") return 0;
  if (subtype === "*") return 1;
  return Object.keys(range.params).length > 0 ? 3 : 2;
}

function matches(range: MediaRange, offer: MediaType): boolean {
  const [type, subtype] = range.essence.split("/");
  const [offerType, offerSubtype] = offer.essence.split("/");
  if (type !== "*" && type !== offerType) return false;
  if (subtype !== "*" && subtype !== offerSubtype) return false;
  return Object.entries(range.params).every(([name, value]) => offer.params[name] === value);
}

/**
 * The offer the Accept header prefers: the highest quality, then the most specific range, then the
 * range listed first; remaining ties go to the earlier offer. A missing or empty header accepts the
 * first offer; null means no offer is acceptable. Offers are served in UTF-8, so a range asking for
 * another charset does not match them.
 */
export function negotiate<T extends string>(accept: string | undefined, offers: readonly T[]): T | null {
  if (!accept?.trim()) return offers[0] ?? null;
  let byAccept = negotiations.get(offers);
  if (!byAccept) negotiations.set(offers, (byAccept = remembering((value) => bestOffer(value, offers))));
  return byAccept(accept) as T | null;
}

/** Per list of offers (each caller passes one constant list), the remembered negotiations. */
const negotiations = new WeakMap<readonly string[], (accept: string) => string | null>();

function bestOffer<T extends string>(accept: string, offers: readonly T[]): T | null {
  const ranges = parseAccept(accept);
  let best: { offer: T; q: number; specificity: number; index: number } | null = null;
  for (const offer of offers) {
    const candidate = { essence: offer, params: { charset: "utf-8" } };
    const range = ranges
      .filter((r) => matches(r, candidate))
      .sort((a, b) => specificity(b) - specificity(a) || a.index - b.index)[0];
    if (!range || range.q === 0) continue;
    const score = { offer, q: range.q, specificity: specificity(range), index: range.index };
    if (!best || score.q > best.q || (score.q === best.q && (score.specificity > best.specificity || (score.specificity === best.specificity && score.index < best.index)))) {
      best = score;
    }
  }
  return best?.offer ?? null;
}
