/** Bad input to ingest, refused with where it is: bytes that are not UTF-8, NUL, oversized text, impossible days. */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { resolveDate } from "../src/ingest/dates.ts";
import { checkSourceString, firstInvalidUtf8, MAX_TEXT_BYTES, readSourceFiles, textFileOf } from "../src/ingest/source-files.ts";
import { parseSourceText } from "../src/ingest/source-text.ts";

const YAML = "document:\n  slug: d\n  title: D\n";

describe("reading a document's files", () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(path.join(tmpdir(), "themegraph-bad-input-"))));
  after(() => rm(dir, { recursive: true, force: true }));

  /** Writes `<name>.yaml` and, unless null, `<name>.txt`; returns the .yaml's path. */
  const pair = async (name: string, text: Uint8Array | string | null, yaml: Uint8Array | string = YAML) => {
    const file = path.join(dir, `${name}.yaml`);
    await writeFile(file, yaml);
    if (text !== null) await writeFile(path.join(dir, `${name}.txt`), text);
    return file;
  };
  const problemsOf = async (file: string) => {
    const read = await readSourceFiles(file);
    assert.ok(!read.ok, "refused");
    return read.problems;
  };

  test("a good pair is read as text, the emoji (4 bytes) and the BOM-less header kept", async () => {
    const file = await pair("good", "date 2023-05-29\n\nA 🚀 launched.\n");
    assert.deepEqual(await readSourceFiles(file), { ok: true, yamlText: YAML, rawText: "date 2023-05-29\n\nA 🚀 launched.\n" });
  });

  test("a NUL byte is refused with the text file, its byte offset and line", async () => {
    const file = await pair("nul", "date 2023-05-29\n\nab\0c\n");
    assert.deepEqual(await problemsOf(file), [{ path: "(text)", message: `${textFileOf(file)}: NUL byte at byte offset 19 (line 3)` }]);
    const many = await pair("nuls", "a\0b\0\0");
    assert.deepEqual(await problemsOf(many), [{ path: "(text)", message: `${textFileOf(many)}: NUL byte at byte offset 1 (line 1; 3 NUL bytes in all)` }]);
  });

  test("invalid UTF-8 is refused with the byte offset where the bad sequence starts", async () => {
    // "héllo\n" is 7 bytes; then "A" at 7 and a lead byte 0xC3 at 8 followed by "(" instead of a continuation.
    const file = await pair("latin", Buffer.concat([Buffer.from("héllo\nA"), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]));
    assert.deepEqual(await problemsOf(file), [{ path: "(text)", message: `${textFileOf(file)}: invalid UTF-8 at byte offset 8 (line 2)` }]);
    const latin1 = await pair("latin1", Buffer.from("café\n", "latin1"));
    assert.deepEqual(await problemsOf(latin1), [{ path: "(text)", message: `${textFileOf(latin1)}: invalid UTF-8 at byte offset 3 (line 1)` }]);
  });

  test("a UTF-16 file is named as such (and its NUL bytes reported too)", async () => {
    const file = await pair("utf16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ab", "utf16le")]));
    assert.deepEqual((await problemsOf(file)).map((p) => p.message), [
      `${textFileOf(file)}: NUL byte at byte offset 3 (line 1; 2 NUL bytes in all)`,
      `${textFileOf(file)}: invalid UTF-8 at byte offset 0 (line 1): it looks like UTF-16, save it as UTF-8`,
    ]);
  });

  test("the annotation's own bad bytes carry its line, for file:line reports", async () => {
    const file = await pair("bad-yaml", "fine\n", Buffer.concat([Buffer.from("document:\n  title: "), Buffer.from([0xe9]), Buffer.from("\n")]));
    assert.deepEqual(await problemsOf(file), [{ path: "(file)", line: 2, message: `${file}: invalid UTF-8 at byte offset 19 (line 2)` }]);
  });

  test("a missing text file is named, and a missing annotation too", async () => {
    const file = await pair("lonely", null);
    assert.deepEqual(await problemsOf(file), [{ path: "(text)", message: `${textFileOf(file)}: not found (the text of lonely.yaml is the file beside it, same name with .txt)` }]);
    const nothing = path.join(dir, "nothing.yaml");
    assert.deepEqual((await problemsOf(nothing)).map((p) => p.message), [`${nothing}: not found`, `${textFileOf(nothing)}: not found (the text of nothing.yaml is the file beside it, same name with .txt)`]);
  });

  test("a text over MAX_TEXT_BYTES is refused before it is read; one at the limit is read", async () => {
    const over = await pair("over", Buffer.alloc(MAX_TEXT_BYTES + 1, "a"));
    assert.deepEqual(await problemsOf(over), [{ path: "(text)", message: `${textFileOf(over)}: ${MAX_TEXT_BYTES + 1} bytes is over the limit of ${MAX_TEXT_BYTES} bytes (MAX_TEXT_BYTES)` }]);
    const at = await readSourceFiles(await pair("at", Buffer.alloc(MAX_TEXT_BYTES, "a")));
    assert.ok(at.ok && at.rawText.length === MAX_TEXT_BYTES);
  });

  test("an annotation file must be named .yaml or .yml; its text is the same name with .txt", async () => {
    assert.equal(textFileOf("corpus/a.yaml"), "corpus/a.txt");
    assert.equal(textFileOf("b.yml"), "b.txt");
    assert.equal(textFileOf("c.yaml.bak"), "c.yaml.bak.txt", "never the annotation itself");
    assert.deepEqual(await problemsOf("notes.md"), [{ path: "(file)", message: "notes.md: an annotation file's name ends in .yaml or .yml" }]);
  });
});

describe("finding the first invalid UTF-8 byte", () => {
  const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
  test("each kind of ill-formed sequence, at its lead byte", () => {
    assert.equal(at(0x41, 0xe2, 0x82, 0xac), -1, "€ is well formed");
    assert.equal(at(0xf0, 0x9f, 0x9a, 0x80), -1, "🚀 is well formed");
    assert.equal(at(0x41, 0x80), 1, "a lone continuation byte");
    assert.equal(at(0x41, 0xe2, 0x82), 1, "a sequence cut short at the end");
    assert.equal(at(0xc0, 0xaf), 0, "an overlong form");
    assert.equal(at(0xe0, 0x80, 0xaf), 0, "an overlong three-byte form");
    assert.equal(at(0x20, 0xed, 0xa0, 0x80), 1, "an encoded surrogate");
    assert.equal(at(0xf4, 0x90, 0x80, 0x80), 0, "above U+10FFFF");
    assert.equal(at(0xf5, 0x80, 0x80, 0x80), 0, "a byte UTF-8 never uses");
  });
  test("agrees with TextDecoder on random bytes: well formed up to the offset, ill formed from it", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const strict = new TextDecoder("utf-8", { fatal: true });
    const decodes = (b: Uint8Array) => { try { strict.decode(b); return true; } catch { return false; } };
    for (let n = 0; n < 5000; n++) {
      // Mostly bytes from the multi-byte ranges, so sequences nearly well formed are common.
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 8) }, () => (random() < 0.3 ? Math.floor(random() * 128) : 0x80 + Math.floor(random() * 128)));
      const bad = firstInvalidUtf8(bytes);
      assert.equal(bad === -1, decodes(bytes), `${Buffer.from(bytes).toString("hex")}`);
      if (bad >= 0) assert.ok(decodes(bytes.subarray(0, bad)), `${Buffer.from(bytes).toString("hex")} before ${bad}`);
    }
  });
});

describe("checking text that came as a string (the API)", () => {
  test("a NUL character is refused with its offset in UTF-16 code units and its line", () => {
    assert.deepEqual(checkSourceString("ab\ncd🚀\0", "text"), [{ path: "(text)", message: "text: NUL character at offset 7 (line 2)" }]);
  });
  test("a lone surrogate, high or low, is refused; a pair is a character", () => {
    assert.deepEqual(checkSourceString("a\n\uD800b", "annotation"), [{ path: "(annotation)", message: "annotation: unpaired UTF-16 surrogate at offset 2 (line 2): the text is not valid Unicode" }]);
    assert.equal(checkSourceString("ab\uDC00", "text")[0]!.message, "text: unpaired UTF-16 surrogate at offset 2 (line 1): the text is not valid Unicode");
    assert.equal(checkSourceString("\uDE80\uD83D", "text")[0]!.message, "text: unpaired UTF-16 surrogate at offset 0 (line 1): the text is not valid Unicode", "a pair in the wrong order");
    assert.deepEqual(checkSourceString("A 🚀 launched.\n", "text"), []);
  });
});

describe("the text's date line", () => {
  test("an impossible day is refused and the body still starts after it", () => {
    assert.deepEqual(parseSourceText("date 2023-02-30\n\nBody.\n"), { dateError: 'the date line "date 2023-02-30" is not a day of the calendar', body: "Body.\n" });
    assert.deepEqual(parseSourceText("date 2023-13-01\nBody."), { dateError: 'the date line "date 2023-13-01" is not a day of the calendar', body: "Body." });
  });
  test("a date line written otherwise is refused, not read as the body's first words", () => {
    assert.deepEqual(parseSourceText("date 2023/02/28\n\nBody."), { dateError: 'the date line "date 2023/02/28" must be written YYYY-MM-DD', body: "Body." });
  });
  test("a leap day is a day; prose that starts with the word date is body", () => {
    assert.deepEqual(parseSourceText("\uFEFFdate 2024-02-29\r\n\r\nBody."), { publishedOn: "2024-02-29", body: "Body." });
    assert.deepEqual(parseSourceText("date palms grow here."), { body: "date palms grow here." });
  });
});

describe("impossible days written in the annotation", () => {
  const published = new Date("2023-05-29T00:00:00Z");
  const resolved = (written: string) => {
    const r = resolveDate(written, published);
    return "error" in r ? r.error : `${r.start.toISOString().slice(0, 10)} ${r.precision}`;
  };
  test("are refused as such, not rolled over nor misread", () => {
    assert.equal(resolved("2023-02-30"), '"2023-02-30" is not a day of the calendar (February 2023 has 28 days)');
    assert.equal(resolved("2023-02-29"), '"2023-02-29" is not a day of the calendar (February 2023 has 28 days)');
    assert.equal(resolved("February 30, 2023"), '"February 30, 2023" is not a day of the calendar (February 2023 has 28 days)');
    assert.equal(resolved("Feb. 29, 2023"), '"Feb. 29, 2023" is not a day of the calendar (February 2023 has 28 days)');
    assert.equal(resolved("April 31"), '"April 31" is not a day of the calendar (April 2023 has 30 days)', "the publication year");
    assert.equal(resolved("the 31st of June"), '"the 31st of June" is not a day of the calendar (June 2023 has 30 days)');
    assert.equal(resolved("30 February 2023"), '"30 February 2023" is not a day of the calendar (February 2023 has 28 days)');
    assert.equal(resolved("February 29 last year"), '"February 29 last year" is not a day of the calendar (February 2022 has 28 days)', "chrono reads only \"last year\"");
    assert.equal(resolved("Jan 32"), '"Jan 32" is not a day of the calendar (January 2023 has 31 days)', "chrono reads January 2032");
    assert.equal(resolved("2023-13-01"), '"2023-13-01" is not a day of the calendar (there is no month 13)', "chrono reads January 13");
    assert.equal(resolved("2023-13"), '"2023-13" is not a month of the calendar');
  });
  test("possible days near them still resolve", () => {
    assert.equal(resolved("Feb 29, 2024"), "2024-02-29 DAY");
    assert.equal(resolved("2024-02-29"), "2024-02-29 DAY");
    assert.equal(resolved("February 29 next year"), "2024-02-29 DAY", "chrono reads only \"next year\"");
    assert.equal(resolved("April 30"), "2023-04-30 DAY");
    assert.equal(resolved("February 2023"), "2023-02-01 MONTH", "a year is not a day number");
    assert.equal(resolved("12 May 2023"), "2023-05-12 DAY");
  });
});
