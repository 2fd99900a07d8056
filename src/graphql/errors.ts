/** The few errors clients see, each with a stable `extensions.code`. */
import { GraphQLError, type ASTNode } from "graphql";

/** The request named something invalid; `argument` says which input. */
export class BadInputError extends GraphQLError {
  constructor(message: string, argument: string) {
    super(message, { extensions: { code: "BAD_USER_INPUT", argument } });
  }
}

/** One invalid input field, by its path from the argument (e.g. `input.aliases[2]`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A mutation's input failed validation. `field` names the first bad field and `problems` all of
 * them, so a form can mark every field at once; nothing was written.
 */
export class InvalidInputError extends GraphQLError {
  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "), {
      extensions: { code: "BAD_USER_INPUT", field: problems[0]?.field, problems },
    });
  }
}

/** A slug that names nothing; `field` is the argument or input field that held it. */
export class NotFoundError extends GraphQLError {
  constructor(message: string, field: string) {
    super(message, { extensions: { code: "NOT_FOUND", field } });
  }
}

/** A write without a valid API token (mutations need `Authorization: Bearer <token>`). */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "UNAUTHENTICATED" } });
  }
}

/**
 * `extensions.code` of each query limit (graphql/limits.ts). All of them refuse the document before
 * anything executes; the HTTP layer can treat them as request errors like GRAPHQL_VALIDATION_FAILED.
 */
export const QUERY_LIMIT_CODES = {
  depth: "MAX_DEPTH_EXCEEDED",
  aliases: "MAX_ALIASES_EXCEEDED",
  rootFields: "MAX_ROOT_FIELDS_EXCEEDED",
  directives: "MAX_DIRECTIVES_EXCEEDED",
  tokens: "MAX_TOKENS_EXCEEDED",
  characters: "MAX_CHARACTERS_EXCEEDED",
  cost: "MAX_COST_EXCEEDED",
  fields: "MAX_FIELDS_EXCEEDED",
} as const;

export type QueryLimit = keyof typeof QUERY_LIMIT_CODES;

/**
 * A document over one of the query limits. As a validation error Apollo relabels it
 * GRAPHQL_VALIDATION_FAILED; format-error.ts restores this code from `originalError`.
 */
export class QueryLimitError extends GraphQLError {
  readonly code: string;

  constructor(limit: QueryLimit, message: string, extra: { nodes?: ASTNode | readonly ASTNode[]; max?: number; found?: number } = {}) {
    const code = QUERY_LIMIT_CODES[limit];
    // A 400 like other documents refused before execution (Apollo answers 500 for hook errors otherwise).
    super(message, { nodes: extra.nodes, extensions: { code, max: extra.max, found: extra.found, http: { status: 400 } } });
    this.code = code;
  }
}

/** Work that ran past its time limit and was stopped; `limit` names the setting. */
export class TimeLimitError extends GraphQLError {
  constructor(message: string, limit: string) {
    super(message, { extensions: { code: "TIME_LIMIT_EXCEEDED", limit } });
  }
}
