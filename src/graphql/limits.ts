/**
 * Query limits, all enforced before anything executes, each refusal with its own `extensions.code`
 * (errors.ts QUERY_LIMIT_CODES) and the limit in `extensions.max`:
 * - tokens: graphql-js's own parser option (`maxTokens`) stops lexing past the limit. graphql-armor's
 *   token plugin parses a second time and throws from a hook Apollo cannot report, so it is off;
 * - depth, aliases, directives: graphql-armor's validation rules (via ApolloArmor), which count
 *   through fragments once each;
 * - root fields and characters: two small validation rules below (not in graphql-armor);
 * - cost and expanded fields: graphql/cost.ts, once the variables are known (armor's cost rule is off);
 * - string arguments: no NUL, at most 10,000 characters (graphql/string-arguments.ts).
 * Armor's suggestion blocking is off too: it rewrites `error.message` in place, which throws on
 * errors whose message is read-only (graphql-jit's); format-error.ts strips suggestions instead.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { Kind, type GraphQLError, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import type { QueryLimits } from "../config.ts";
import { costLimitPlugin } from "./cost.ts";
import { stringArgumentsPlugin } from "./string-arguments.ts";
import { QueryLimitError, type QueryLimit } from "./errors.ts";

/** What server.ts hands to ApolloServer. */
export interface LimitOptions {
  parseOptions: { maxTokens: number };
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
}

/** Re-reports an armor rejection as our coded error (armor's own would be a bare BAD_USER_INPUT). */
const reportAs = (limit: QueryLimit, max: number, variable: string) => (context: ValidationContext | null, error: GraphQLError) => {
  const found = Number(/found (\d+)/.exec(error.message)?.[1]) || undefined;
  const message = `${error.message.replace(/^Syntax Error: /, "")} (${variable})`;
  context?.reportError(new QueryLimitError(limit, message, { max, found }));
};

/** Distinct response keys at the top of each operation, through fragments (each counted once). */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const keys = new Set<string>();
      const seen = new Set<string>();
      const collect = (set: SelectionSetNode) => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) keys.add(selection.alias?.value ?? selection.name.value);
          else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
          else if (!seen.has(selection.name.value)) {
            seen.add(selection.name.value);
            const fragment = context.getFragment(selection.name.value);
            if (fragment) collect(fragment.selectionSet);
          }
        }
      };
      collect(operation.selectionSet);
      if (keys.size > max) {
        context.reportError(new QueryLimitError("rootFields", `Root field limit of ${max} exceeded, found ${keys.size} (QUERY_MAX_ROOT_FIELDS).`, { nodes: operation, max, found: keys.size }));
      }
    },
  });
}

/** Length of the document text, comments and whitespace included (tokens do not count those). */
export function maxCharactersRule(max: number): ValidationRule {
  return (context) => ({
    Document(document) {
      const length = document.loc?.source.body.length ?? 0;
      if (length > max) {
        context.reportError(new QueryLimitError("characters", `Document length limit of ${max} characters exceeded, found ${length} (QUERY_MAX_CHARACTERS).`, { max, found: length }));
      }
    },
  });
}

export function queryLimits(limits: QueryLimits): LimitOptions {
  const rejecting = (limit: QueryLimit, max: number, variable: string) => ({ n: max, propagateOnRejection: false, onReject: [reportAs(limit, max, variable)] });
  const armor = new ApolloArmor({
    maxDepth: { ...rejecting("depth", limits.depth, "QUERY_MAX_DEPTH"), flattenFragments: true },
    maxAliases: rejecting("aliases", limits.aliases, "QUERY_MAX_ALIASES"),
    maxDirectives: rejecting("directives", limits.directives, "QUERY_MAX_DIRECTIVES"),
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: limits.tokens },
    validationRules: [...armor.validationRules, maxRootFieldsRule(limits.rootFields), maxCharactersRule(limits.characters)],
    plugins: [...(armor.plugins as ApolloServerPlugin[]), stringArgumentsPlugin, costLimitPlugin({ cost: limits.cost, fields: limits.fields })],
  };
}
