/** How the planner reads search hits (src/read/catalogue.ts). */
import { column, connection, type ReadType } from "../read/catalogue.ts";
import { searchPage, type SearchArgs } from "./search.sql.ts";

export const searchHitRead: ReadType = {
  name: "SearchHit",
  fields: {
    rank: column<{ rank: number }>("rank"),
    snippet: column<{ snippet: string }>("snippet"),
    // A hit names its object's type and row id.
    item: { kind: "poly", typeOf: (row) => `${row}.type`, id: (row) => `${row}.id` },
  },
};

/** Query's search field. */
export const searchRoots = {
  search: connection("SearchHit", (args: SearchArgs) => searchPage(args).list, (args: SearchArgs) => searchPage(args).request),
};
