/**
 * How dates and timestamps read from PostgreSQL become JavaScript values: in UTC, whatever the
 * process's time zone. node-postgres's pools take them for every client (db/postgres.ts); PGlite's
 * raw reads name the DATE parser (db/raw.ts). Prisma's adapter brings its own.
 */
import pg from "pg";

export const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;

/** "2026-11-25" -> that day's UTC midnight (node-postgres would use the process's time zone). */
export const utcDay = (v: string): Date => new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10))));

/** "2026-11-25 11:52:05.967+00" -> Date, through the engine's ISO parser (the default regex parser is slower). */
const timestamptz = (v: string): Date => new Date(v.replace(" ", "T") + (/[+-]\d{2}$/.test(v) ? ":00" : ""));

/** node-postgres's `types` option: its own parsers, but for DATE and TIMESTAMPTZ. */
export const UTC_TYPES = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === DATE_OID ? utcDay : oid === TIMESTAMPTZ_OID ? timestamptz : pg.types.getTypeParser(oid, format),
} as unknown as pg.CustomTypesConfig;
