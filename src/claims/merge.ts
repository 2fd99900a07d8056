/** mergePeople and mergeOrganizations: a redirect, the kept name settled, and the graph derived again. */
import type { Context } from "../context.ts";
import { bothFound, type MergeArgs } from "./merge.input.ts";
import { Changes } from "./changes.ts";
import { curatorOf } from "./claims.input.ts";
import { writeCuratorClaims } from "./curate.ts";
import { mergeSubject } from "./redirects.ts";
import { writeAtomically } from "./write.ts";

export async function mergeEntities(context: Context, subject: "PERSON" | "ORGANIZATION", args: MergeArgs): Promise<object> {
  const noun = subject === "PERSON" ? "person" : "organization";
  const curator = curatorOf(context.viewer, `merged "${args.merge}" into "${args.keep}"`);
  const { result } = await writeAtomically(context.prisma, false, async (tx) => {
    const model = (subject === "PERSON" ? tx.person : tx.organization) as unknown as { findUnique(args: object): Promise<{ id: string; name: string } | null> };
    const [kept, merged] = bothFound(noun, args, await model.findUnique({ where: { slug: args.keep } }), await model.findUnique({ where: { slug: args.merge } }));
    const touched = await mergeSubject(tx, subject, args.merge, args.keep, curator.name);
    // Quotes are their documents' rows, not derived: they follow the speaker now.
    if (subject === "PERSON") await tx.quote.updateMany({ where: { speakerId: merged.id }, data: { speakerId: kept.id } });
    else await tx.quote.updateMany({ where: { speakerOrganizationId: merged.id }, data: { speakerOrganizationId: kept.id } });
    // The kept name stays the name (the merged one's becomes an alias).
    await writeCuratorClaims(tx, [{ subject, slug: args.keep, property: "NAME", value: kept.name }], curator, new Changes(), touched);
    return model.findUnique({ where: { id: kept.id } });
  });
  return result!;
}
