/**
 * Validation of mutation inputs: each check records a problem under the field's path (e.g.
 * `input.slug`, `input.aliases[3]`) instead of throwing, so `done()` reports every bad field at once
 * (InvalidInputError, BAD_USER_INPUT). Strings come back trimmed; lists trimmed and deduplicated.
 */
import { InvalidInputError, type FieldProblem } from "./errors.ts";

/** Lowercase words joined by single hyphens: the same slugs as the annotation format. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 120;

export interface TextRule {
  /** Fewest characters after trimming (default 1: blank is refused). */
  min?: number;
  max: number;
}

export interface ListRule extends TextRule {
  maxItems: number;
}

export class InputCheck {
  private readonly problems: FieldProblem[] = [];

  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  text(value: string, field: string, { min = 1, max }: TextRule): string {
    const trimmed = value.trim();
    if (trimmed.length < min) this.fail(field, min === 1 ? "must not be blank" : `must have at least ${min} characters`);
    else if (trimmed.length > max) this.fail(field, `must have at most ${max} characters, got ${trimmed.length}`);
    return trimmed;
  }

  /** null clears the field; undefined leaves it alone (updates). */
  optionalText(value: string | null | undefined, field: string, rule: TextRule): string | null | undefined {
    if (value == null) return value;
    const trimmed = this.text(value, field, { ...rule, min: 0 });
    return trimmed === "" ? null : trimmed;
  }

  slug(value: string, field: string): string {
    if (value.length > MAX_SLUG_LENGTH) this.fail(field, `must have at most ${MAX_SLUG_LENGTH} characters, got ${value.length}`);
    else if (!SLUG.test(value)) this.fail(field, `must be kebab-case (lowercase letters and digits joined by single hyphens, e.g. "basic-research"), got ${JSON.stringify(value)}`);
    return value;
  }

  list(values: readonly string[], field: string, { maxItems, ...rule }: ListRule): string[] {
    if (values.length > maxItems) {
      this.fail(field, `must have at most ${maxItems} items, got ${values.length}`);
      return [...values];
    }
    return [...new Set(values.map((v, i) => this.text(v, `${field}[${i}]`, rule)))];
  }

  /** Throws every recorded problem as one BAD_USER_INPUT error. */
  done(): void {
    if (this.problems.length) throw new InvalidInputError(this.problems);
  }
}
