/**
 * `extractDraft`: the draft annotation of an article (the YAML `npm run extract` writes), linked to
 * the entities already in the graph. It writes nothing; a curator corrects the draft and sends it
 * back with `ingestDocument`. Needs an API token like every mutation: extraction costs CPU time.
 */
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.ts";
import { InvalidInputError, TimeLimitError } from "../graphql/errors.ts";
import { loadGazetteer } from "./gazetteer-db.ts";
import { InputCheck } from "../graphql/input-check.ts";
import { ExpectedKb } from "../graphql/text-size.ts";

/** A long news article is 20-40 KB; extraction costs 0.1-0.5 s per 10 KB (in a worker thread), so cap it. */
const MAX_TEXT = 50_000;

@Resolver()
export class ExtractDraftResolver {
  @Authorized()
  @Mutation(() => String, {
    description:
      "Proposes a draft annotation (YAML, the format of `ingestDocument` and `npm run ingest`) for an article: dated events, direct and reported quotes with their speakers, people, organizations and themes, entities already in the graph linked by slug. Every item carries a `# proposed: rule=... confidence=...` comment. Writes nothing. Needs an API token.",
  })
  @ExpectedKb(16) // YAML about twice the article's size
  async extractDraft(
    @Arg("text", () => String, { description: "The article's text, optionally starting with a `date YYYY-MM-DD` line." }) text: string,
    @Arg("publishedOn", () => String, { nullable: true, description: "Publication day (YYYY-MM-DD) that relative dates count from; defaults to the text's date line." })
    publishedOn: string | null | undefined,
    @Ctx() { prisma, drafts }: Context,
  ): Promise<string> {
    const check = new InputCheck();
    check.text(text, "text", { max: MAX_TEXT });
    check.done();
    // The draft runs in a worker thread (drafts.ts): the service keeps answering meanwhile.
    const outcome = await drafts.draft({ text, publishedOn: publishedOn ?? undefined, gazetteer: await loadGazetteer(prisma) });
    if ("timedOut" in outcome) throw new TimeLimitError(`drafting took longer than ${outcome.timedOut} ms and was stopped; nothing was proposed (EXTRACT_TIMEOUT_MS)`, "EXTRACT_TIMEOUT_MS");
    if ("refused" in outcome) throw new InvalidInputError([{ field: publishedOn ? "publishedOn" : "text", message: outcome.refused }]);
    return outcome.yaml;
  }
}
