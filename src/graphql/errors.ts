/** The few errors clients see, each with a stable `extensions.code`. */
import { GraphQLError } from "graphql";

/** The request named something invalid; `argument` says which input. */
export class BadInputError extends GraphQLError {
  constructor(message: string, argument: string) {
    super(message, { extensions: { code: "BAD_USER_INPUT", argument } });
  }
}
