/**
 * A typed example client: prints a theme's latest events and what was said at each.
 *
 *   node dist/examples/client/main.js [endpoint] [theme-slug]
 *
 * The operation is examples/queries/theme-events-quotes.graphql; its result type comes from
 * GraphQL Code Generator (`npm run codegen`), and it travels as a persisted query (persisted.ts).
 */
import { ThemeEventsQuotesDocument } from "./gql/graphql.ts";
import { execute } from "./persisted.ts";

// This client stands alone (its own tsconfig, nothing imported from src/), so it checks its two
// arguments itself instead of using the service's src/cli-args.ts.
const args = process.argv.slice(2);
if (args.some((a) => a === "--help" || a === "-h")) {
  console.log(`usage: npm run example:client -- [endpoint] [theme-slug]

Prints a theme's latest events and their quotes, asked as a persisted query (APQ).
Defaults: http://localhost:4000/graphql and basic-research.

example:
  npm run example:client -- http://localhost:4000/graphql space`);
  process.exit(0);
}
const unknown = args.find((a) => a.startsWith("-"));
if (unknown || args.length > 2) {
  console.error(`example:client: ${unknown ? `unknown option ${unknown}` : "too many arguments"}\n(\`npm run example:client -- --help\` says more)`);
  process.exit(2);
}
const [endpoint = "http://localhost:4000/graphql", slug = "basic-research"] = args;

const { data, registered } = await execute(endpoint, ThemeEventsQuotesDocument, { slug });
if (registered) console.error("(the server did not know this operation's hash yet: sent the full document once)");
if (!data.theme) {
  console.error(`no theme with slug "${slug}"`);
  process.exit(1);
}

const { name, events } = data.theme;
console.log(`${name}: ${events.totalCount} event(s)`);
for (const event of events.nodes) {
  console.log(`\n${event.date.iso}  ${event.title}`);
  for (const quote of event.quotes.nodes) {
    const marks = quote.kind === "DIRECT" ? ["“", "”"] : ["", ""];
    // speaker is null when an organization speaks (its statement: Quote.speakerOrganization)
    console.log(`  ${marks[0]}${quote.text}${marks[1]} (${quote.speaker?.name ?? "an organization"}, ${quote.kind.toLowerCase()})`);
  }
}
