import { Field, ObjectType } from "type-graphql";
import { Connection } from "../graphql/types/connection.ts";

@ObjectType({ description: "A person's membership of an organization, with the role the source gives." })
export class Affiliation {
  @Field(() => String, { nullable: true, description: 'E.g. "general secretary"; null when the source gives none.' })
  role!: string | null;
}

export const AffiliationConnection = Connection(Affiliation);
