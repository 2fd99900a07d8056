/**
 * The command-line arguments of every script a user runs (`npm run ingest`, `extract`, `db:migrate`,
 * `token`, the benchmarks...): one description per command gives its `--help` text and its parsing, so
 * the two cannot drift. `--help`/`-h` prints the usage on stdout and exits 0, whatever else is on the
 * line; an unknown option, a missing value or a wrong number of arguments exits 2 with one line saying
 * what was wrong and how to get the usage (node:util's parseArgs, strict).
 */
import { parseArgs } from "node:util";

/** One option: `--name`, or `--name <value>` when it is a string. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** The value's placeholder in the usage (`--out <file>`); string options only. */
  value?: string;
  description: string;
  /** May be given several times (values collected in order). */
  multiple?: boolean;
  /** Accepted but left out of the usage (options scripts pass to their own child processes). */
  hidden?: boolean;
}

/** What a command takes and reads, for its usage and its parsing. */
export interface CliSpec {
  /** How a user runs it, up to the options: `npm run ingest --`, `node dist/bench/floor.js`. */
  command: string;
  /**
   * What follows the command, e.g. `[--dry-run] <annotation.yaml | folder>...`; further forms on
   * further lines (each written whole, command included).
   */
  synopsis?: string;
  /** One or two sentences: what it does. */
  summary: string;
  /** Positional arguments (default: none allowed). */
  positionals?: { min?: number; max?: number };
  options?: Record<string, OptionSpec>;
  /** Environment variables it reads, with what each is for. */
  env?: Record<string, string>;
  examples: string[];
}

type Value<O extends OptionSpec> = O["type"] extends "boolean" ? (O["multiple"] extends true ? boolean[] : boolean) : O["multiple"] extends true ? string[] : string;

/** The parsed command line: each option's value (absent when not given) and the positionals. */
export interface ParsedCli<S extends CliSpec> {
  values: { [K in keyof NonNullable<S["options"]>]?: Value<NonNullable<S["options"]>[K]> };
  positionals: string[];
}

const HELP: OptionSpec = { type: "boolean", short: "h", description: "print this help and exit" };

/** `usage: npm run x -- <synopsis>`, its further forms indented below it. */
const synopsisLine = (spec: CliSpec) =>
  `usage: ${spec.command}${spec.synopsis ? ` ${spec.synopsis.split("\n").join("\n       ")}` : ""}`;

/** The usage text `--help` prints. */
export function usage(spec: CliSpec): string {
  const options = Object.entries({ ...spec.options, help: HELP }).filter(([, o]) => !o.hidden);
  const label = ([name, o]: [string, OptionSpec]) => `${o.short ? `-${o.short}, ` : ""}--${name}${o.type === "string" ? ` <${o.value ?? "value"}>` : ""}`;
  const width = Math.max(...options.map((entry) => label(entry).length));
  const lines = [synopsisLine(spec), "", spec.summary, "", "options:"];
  for (const entry of options) lines.push(`  ${label(entry).padEnd(width)}  ${entry[1].description}`);
  const env = Object.entries(spec.env ?? {});
  if (env.length) {
    const envWidth = Math.max(...env.map(([name]) => name.length));
    lines.push("", "environment:", ...env.map(([name, meaning]) => `  ${name.padEnd(envWidth)}  ${meaning}`));
  }
  lines.push("", spec.examples.length > 1 ? "examples:" : "example:", ...spec.examples.map((e) => `  ${e}`));
  return lines.join("\n");
}

/** Ends the process with exit code 2 and one line naming the problem (and where the usage is). */
export function usageError(spec: CliSpec, message: string): never {
  const name = /^npm (?:run )?(\S+)/.exec(spec.command)?.[1] ?? spec.command;
  console.error(`${name}: ${message}\n${synopsisLine(spec)}\n(\`${spec.command} --help\` says more)`);
  process.exit(2);
}

/** Node's parse errors, said for our users (its messages explain `--`, which npm already takes). */
function explain(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(error.message) ? `${option.split(" ")[0]} needs a value` : `${option.split(" ")[0]} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${option}: it takes none`;
    default:
      return error.message;
  }
}

/**
 * Parses `argv` (default: this process's arguments) by `spec`. `--help`/`-h` anywhere before a `--`
 * prints the usage and exits 0; a usage error exits 2 (usageError).
 */
export function parseCli<const S extends CliSpec>(spec: S, argv: string[] = process.argv.slice(2)): ParsedCli<S> {
  const end = argv.indexOf("--");
  if ((end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h")) {
    console.log(usage(spec));
    process.exit(0);
  }
  const options = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => [name, { type: o.type, ...(o.short && { short: o.short }), ...(o.multiple && { multiple: true }) }]),
  );
  const max = spec.positionals?.max ?? 0;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: max > 0, strict: true });
  } catch (error) {
    usageError(spec, explain(error as Error & { code?: string }));
  }
  const count = parsed.positionals.length, min = spec.positionals?.min ?? 0;
  if (count < min) usageError(spec, min === 1 ? "missing argument" : `expected at least ${min} arguments`);
  if (count > max) usageError(spec, `too many arguments (${parsed.positionals.slice(max).join(" ")})`);
  return parsed as ParsedCli<S>;
}
