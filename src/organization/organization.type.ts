import { Field, Int, ObjectType } from "type-graphql";
import { Connection } from "../graphql/types/connection.ts";
import { Node } from "../graphql/types/node.ts";

@ObjectType({ implements: Node, description: "An organization named in a document: a party body, university, company…" })
export class Organization extends Node {
  @Field(() => String, { description: "Stable, human-readable key." })
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: "Acronyms and other spellings the sources use." })
  aliases!: string[];
}

export const OrganizationConnection = Connection(Organization);

@ObjectType({ description: "An organization involved in the same events as another, and in how many." })
export class RelatedOrganization {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => Int, { description: "Events involving both." })
  sharedEvents!: number;
}

export const RelatedOrganizationConnection = Connection(RelatedOrganization);

