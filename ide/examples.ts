/** The example operations, read from examples/queries/ at build time (also used by the README and tests). */
import search from "../examples/queries/search.graphql?raw";
import theme from "../examples/queries/theme-events-quotes.graphql?raw";
import timeline from "../examples/queries/timeline.graphql?raw";

/** GraphiQL tabs, in the order the IDE shows them: the theme traversal first. */
export const examples = [theme, search, timeline].map((query) => ({ query }));
