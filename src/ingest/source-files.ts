/**
 * Reading a document's two files (the annotation .yaml and its .txt) as bytes, and refusing what
 * would otherwise slip through silently: Node's "utf8" decoding turns invalid bytes into U+FFFD
 * (and anchors then miss, or match the replacement), and a NUL byte is stored by nothing downstream
 * (PostgreSQL text refuses it mid-transaction). Each refusal names the file and the byte offset.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "./format.ts";

/**
 * Largest text file accepted, in bytes; bigger ones are refused before being read. A 5.1 MB text
 * ingests in 8.5 s on PostgreSQL and 12.4 s on PGlite (bench/RESULTS.md, "Ingest at corpus scale").
 */
export const MAX_TEXT_BYTES = 6_000_000;

const ANNOTATION_NAME = /\.ya?ml$/;

/** The text file beside an annotation: same name with `.txt` instead of `.yaml`/`.yml` (or added). */
export const textFileOf = (annotationFile: string) =>
  ANNOTATION_NAME.test(annotationFile) ? annotationFile.replace(ANNOTATION_NAME, ".txt") : `${annotationFile}.txt`;

export type SourceFiles = { ok: true; yamlText: string; rawText: string } | { ok: false; problems: Problem[] };

/**
 * Reads an annotation file and its text file, both as strict UTF-8. Problems about the annotation
 * have path `(file)` (and the line, which is the annotation's own); problems about the text have
 * path `(text)` and name the text file and its line in the message, since `file:line` in a report
 * is the annotation's.
 */
export async function readSourceFiles(annotationFile: string): Promise<SourceFiles> {
  const textFile = textFileOf(annotationFile);
  if (!ANNOTATION_NAME.test(annotationFile)) {
    return { ok: false, problems: [{ path: "(file)", message: `${annotationFile}: an annotation file's name ends in .yaml or .yml` }] };
  }
  const [yaml, text] = await Promise.all([
    readStrict(annotationFile, "(file)", "", Infinity),
    readStrict(textFile, "(text)", ` (the text of ${path.basename(annotationFile)} is the file beside it, same name with .txt)`, MAX_TEXT_BYTES),
  ]);
  const problems = [...("problems" in yaml ? yaml.problems : []), ...("problems" in text ? text.problems : [])];
  if ("text" in yaml && "text" in text && problems.length === 0) return { ok: true, yamlText: yaml.text, rawText: text.text };
  return { ok: false, problems };
}

/** One file's bytes as text, or why not. `hint` follows "not found". */
async function readStrict(file: string, where: string, hint: string, maxBytes: number): Promise<{ text: string } | { problems: Problem[] }> {
  const refuse = (message: string) => ({ problems: [{ path: where, message: `${file}: ${message}` }] });
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return refuse("is a folder, not a file");
    if (info.size > maxBytes) return refuse(`${info.size} bytes is over the limit of ${maxBytes} bytes (MAX_TEXT_BYTES)`);
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return refuse(`not found${hint}`);
    return refuse(`cannot be read (${code ?? (error as Error).message})`);
  }
  const problems: Problem[] = [];
  const lineAt = (offset: number) => countByte(bytes, 0x0a, offset) + 1;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const count = countByte(bytes, 0, bytes.length);
    problems.push({ path: where, ...lineIf(where, lineAt(nul)), message: `${file}: NUL byte at byte offset ${nul} (line ${lineAt(nul)}${count > 1 ? `; ${count} NUL bytes in all` : ""})` });
  }
  let text: string | undefined;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? ": it looks like UTF-16, save it as UTF-8" : "";
    problems.push({ path: where, ...lineIf(where, lineAt(bad)), message: `${file}: invalid UTF-8 at byte offset ${bad} (line ${lineAt(bad)})${utf16}` });
  }
  return problems.length || text === undefined ? { problems } : { text };
}

/** The annotation's lines are what `file:line` reports point at; the text's are named in the message. */
const lineIf = (where: string, line: number) => (where === "(file)" ? { line } : {});

function countByte(bytes: Buffer, byte: number, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(byte); i >= 0 && i < end; i = bytes.indexOf(byte, i + 1)) count++;
  return count;
}

/**
 * Offset of the first byte that starts an ill-formed UTF-8 sequence (Unicode table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1 when the bytes are well formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length = 0;
    if (b <= 0x7f) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      length = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      length = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks text that arrived already decoded (the API's `annotation` and `text` arguments): a NUL
 * character, or a lone UTF-16 surrogate (JSON can carry one, as `\ud800`; it is no character), is refused
 * with its offset in UTF-16 code units (the unit every other offset of the API uses) and its line.
 * `what` names the string, e.g. "text"; problems have path `(what)`.
 */
export function checkSourceString(text: string, what: string): Problem[] {
  const problems: Problem[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  const nul = text.indexOf("\0");
  if (nul >= 0) problems.push({ path: `(${what})`, message: `${what}: NUL character at offset ${nul} (line ${lineAt(nul)})` });
  const lone = LONE_SURROGATE.exec(text);
  if (lone) problems.push({ path: `(${what})`, message: `${what}: unpaired UTF-16 surrogate at offset ${lone.index} (line ${lineAt(lone.index)}): the text is not valid Unicode` });
  return problems;
}
