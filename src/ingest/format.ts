/**
 * The annotation format: one YAML file per document, beside its text file, holding the document's
 * metadata and its facts. Facts anchor to the text by quotation (`exact`, with optional `prefix`/
 * `suffix` to disambiguate, like W3C Web Annotation's TextQuoteSelector), never by counted offsets.
 * `validateAnnotation` checks the shape and reports every problem at once, each with its path.
 */
import { QuoteKind } from "../generated/prisma/enums.ts";

export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface Annotation {
  document: { slug: string; title: string; publishedOn?: string; dateline?: string; language?: string; sourceName?: string; url?: string };
  themes: { slug: string; name: string; description?: string }[];
  organizations: { slug: string; name: string; aliases: string[] }[];
  people: {
    slug: string;
    name: string;
    aliases: string[];
    roles: string[];
    affiliations: { organization: string; role?: string }[];
  }[];
  events: {
    slug: string;
    title: string;
    summary?: string;
    date: string;
    place?: string;
    themes: string[];
    people: string[];
    organizations: string[];
    evidence: TextQuote[];
  }[];
  quotes: { slug: string; kind: QuoteKind; speaker: string; event?: string; themes: string[]; evidence: TextQuote }[];
}

export interface Problem {
  /** Where in the file, e.g. `events[2].date`. */
  path: string;
  message: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Collects problems while reading an untyped value; every reader returns a typed value anyway. */
class Reader {
  problems: Problem[] = [];

  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, "must be a mapping");
    return {};
  }

  string(obj: Record<string, unknown>, key: string, path: string, opts: { optional?: boolean; slug?: boolean } = {}): string {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (!opts.optional) this.fail(`${path}.${key}`, "is required");
      return "";
    }
    if (typeof value !== "string" || value.trim() === "") {
      this.fail(`${path}.${key}`, "must be a non-empty string");
      return "";
    }
    if (opts.slug && !SLUG.test(value)) this.fail(`${path}.${key}`, `"${value}" is not a slug (lowercase words joined by -)`);
    return value;
  }

  optionalString(obj: Record<string, unknown>, key: string, path: string): string | undefined {
    return obj[key] === undefined || obj[key] === null ? undefined : this.string(obj, key, path);
  }

  list<T>(obj: Record<string, unknown>, key: string, path: string, item: (value: unknown, path: string) => T): T[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail(`${path}.${key}`, "must be a list");
      return [];
    }
    return value.map((v, i) => item(v, `${path}.${key}[${i}]`));
  }

  slugList(obj: Record<string, unknown>, key: string, path: string): string[] {
    return this.list(obj, key, path, (v, p) => {
      if (typeof v === "string" && SLUG.test(v)) return v;
      this.fail(p, `must be a slug, got ${JSON.stringify(v)}`);
      return "";
    });
  }

  stringList(obj: Record<string, unknown>, key: string, path: string): string[] {
    return this.list(obj, key, path, (v, p) => {
      if (typeof v === "string" && v.trim() !== "") return v;
      this.fail(p, "must be a non-empty string");
      return "";
    });
  }

  textQuote(value: unknown, path: string): TextQuote {
    const obj = this.object(value, path);
    return {
      exact: this.string(obj, "exact", path),
      prefix: this.optionalString(obj, "prefix", path),
      suffix: this.optionalString(obj, "suffix", path),
    };
  }
}

function readAnnotation(raw: unknown, r: Reader): Annotation {
  const root = r.object(raw, "(root)");
  const doc = r.object(root.document, "document");
  return {
    document: {
      slug: r.string(doc, "slug", "document", { slug: true }),
      title: r.string(doc, "title", "document"),
      publishedOn: r.optionalString(doc, "publishedOn", "document"),
      dateline: r.optionalString(doc, "dateline", "document"),
      language: r.optionalString(doc, "language", "document"),
      sourceName: r.optionalString(doc, "sourceName", "document"),
      url: r.optionalString(doc, "url", "document"),
    },
    themes: r.list(root, "themes", "", (v, p) => {
      const o = r.object(v, p);
      return { slug: r.string(o, "slug", p, { slug: true }), name: r.string(o, "name", p), description: r.optionalString(o, "description", p) };
    }),
    organizations: r.list(root, "organizations", "", (v, p) => {
      const o = r.object(v, p);
      return { slug: r.string(o, "slug", p, { slug: true }), name: r.string(o, "name", p), aliases: r.stringList(o, "aliases", p) };
    }),
    people: r.list(root, "people", "", (v, p) => {
      const o = r.object(v, p);
      return {
        slug: r.string(o, "slug", p, { slug: true }),
        name: r.string(o, "name", p),
        aliases: r.stringList(o, "aliases", p),
        roles: r.stringList(o, "roles", p),
        affiliations: r.list(o, "affiliations", p, (a, ap) => {
          const ao = r.object(a, ap);
          return { organization: r.string(ao, "organization", ap, { slug: true }), role: r.optionalString(ao, "role", ap) };
        }),
      };
    }),
    events: r.list(root, "events", "", (v, p) => {
      const o = r.object(v, p);
      const evidence = r.list(o, "evidence", p, (e, ep) => r.textQuote(e, ep));
      if (evidence.length === 0) r.fail(`${p}.evidence`, "needs at least one passage of the text");
      return {
        slug: r.string(o, "slug", p, { slug: true }),
        title: r.string(o, "title", p),
        summary: r.optionalString(o, "summary", p),
        date: r.string(o, "date", p),
        place: r.optionalString(o, "place", p),
        themes: r.slugList(o, "themes", p),
        people: r.slugList(o, "people", p),
        organizations: r.slugList(o, "organizations", p),
        evidence,
      };
    }),
    quotes: r.list(root, "quotes", "", (v, p) => {
      const o = r.object(v, p);
      const kind = r.string(o, "kind", p);
      if (kind && !(kind in QuoteKind)) r.fail(`${p}.kind`, `must be DIRECT or PARAPHRASE, got "${kind}"`);
      return {
        slug: r.string(o, "slug", p, { slug: true }),
        kind: kind as QuoteKind,
        speaker: r.string(o, "speaker", p, { slug: true }),
        event: r.optionalString(o, "event", p),
        themes: r.slugList(o, "themes", p),
        evidence: r.textQuote(o.evidence, `${p}.evidence`),
      };
    }),
  };
}

/** Reads a parsed YAML value as an Annotation, or every problem found in it. */
export function validateAnnotation(raw: unknown): { ok: true; annotation: Annotation } | { ok: false; problems: Problem[] } {
  const reader = new Reader();
  const annotation = readAnnotation(raw, reader);
  const problems = reader.problems.map((p) => ({ ...p, path: p.path.replace(/^\./, "") }));
  return problems.length ? { ok: false, problems } : { ok: true, annotation };
}
