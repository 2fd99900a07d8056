/** The Prisma errors a write expects and turns into coded GraphQL errors (anything else is internal). */
import { Prisma } from "../generated/prisma/client.ts";

const hasCode = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;

/** A unique constraint refused the write (e.g. a slug already taken). */
export const isUniqueViolation = (error: unknown) => hasCode(error, "P2002");

/** The row an update or delete names does not exist. */
export const isRecordNotFound = (error: unknown) => hasCode(error, "P2025");
