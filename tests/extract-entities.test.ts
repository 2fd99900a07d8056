/**
 * Draft extraction, people, organizations and themes: names from compromise's tags, acronyms in
 * parentheses as aliases, one-word references joined to the full name, entities of the graph
 * (the gazetteer) linked by slug, themes suggested per paragraph from names and keywords.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { knownOf, type Gazetteer } from "../src/extract/gazetteer.ts";
import { draftOf, ingestProblems } from "./fixtures/extract/drafts.ts";

const entities = (list: { slug: string; name?: string; aliases?: string[]; roles?: string[] }[] | undefined) =>
  (list ?? []).map((e) => [e.slug, e.name, ...(e.aliases ?? []).map((a) => `~${a}`), ...(e.roles ?? []).map((r) => `@${r}`)].join(" "));

describe("organizations", () => {
  test("a run of capitalized words with a head word, joined by of/and/the, Co., Ltd. included", () => {
    const d = draftOf("Xi visited GAC Aion New Energy Vehicle Co., Ltd. in Guangzhou and the Politburo of the 20th Central Committee of the Communist Party of China.");
    assert.deepEqual(entities(d.annotation.organizations), [
      "gac-aion-new-energy-vehicle-co-ltd GAC Aion New Energy Vehicle Co., Ltd.",
      "politburo-of-the-20th-central-committee-of-the Politburo of the 20th Central Committee of the Communist Party of China",
    ]);
  });

  test("an acronym in parentheses becomes an alias, and makes an organization of a name without a head word", () => {
    const d = draftOf("Hu is a professor at Beijing University of Science and Technology (USTB). He joined Tianhe Zhineng Keji (TZK) later. USTB thanked him.");
    assert.deepEqual(entities(d.annotation.organizations), [
      "beijing-university-of-science-and-technology Beijing University of Science and Technology ~USTB",
      "tianhe-zhineng-keji Tianhe Zhineng Keji ~TZK",
    ]);
    assert.match(d.notes.organizations[0]!.join("\n"), /rule=org\.acronym-alias .* alias USTB from the parentheses/);
    assert.match(d.notes.organizations[1]![0]!, /rule=org\.acronym /);
  });
});

describe("people", () => {
  test("by title, by compromise's name lexicon, or as two unknown capitalized words", () => {
    const d = draftOf("President Xi Jinping called Mary Smith. The crew, Nie Haisheng, Liu Boming and Tang Hongbo, answered.");
    assert.deepEqual(entities(d.annotation.people), ["xi-jinping Xi Jinping ~President Xi Jinping @President", "mary-smith Mary Smith", "nie-haisheng Nie Haisheng", "liu-boming Liu Boming", "tang-hongbo Tang Hongbo"]);
    assert.deepEqual(d.notes.people.map((n) => /rule=(\S+)/.exec(n[0]!)![1]), ["person.title", "person.name-lexicon", "person.unknown-words", "person.name-lexicon", "person.unknown-words"]);
  });

  test("a possessive ending is no part of a name", () => {
    const d = draftOf("Elsa Brandt's plan won. Scientists at Aster University’s weather institute agreed.");
    assert.deepEqual(entities(d.annotation.people), ["elsa-brandt Elsa Brandt"]);
    assert.deepEqual(entities(d.annotation.organizations), ["aster-university Aster University"]);
  });

  test("one-word references join the one full name they belong to, as aliases", () => {
    const d = draftOf("Hu Chenghuan is a professor. Mr. Hu led the team. Hu thanked President Xi, and Xi Jinping replied. Xi was pleased.");
    assert.deepEqual(entities(d.annotation.people), ["hu-chenghuan Hu Chenghuan ~Mr. Hu ~Hu", "xi-jinping Xi Jinping ~President Xi ~Xi @President"]);
  });

  test("places and common words are no one", () => {
    const d = draftOf("In Liangjiahe Village, Shaanxi Province, the Great Hall of the People was full. Expectations were high.");
    assert.deepEqual(d.annotation.people, undefined);
  });
});

describe("the gazetteer", () => {
  const gazetteer: Gazetteer = {
    people: [{ slug: "xi-jinping", name: "Xi Jinping", aliases: ["Xi", "President Xi"] }, { slug: "mary-smith", name: "Mary Smith-Jones", aliases: [] }],
    organizations: [{ slug: "cnsa", name: "China National Space Administration", aliases: ["CNSA"] }],
    themes: [{ slug: "space", name: "Space exploration", aliases: [], keywords: ["space station", "lunar", "satellite"] }],
  };

  test("known entities are linked by slug through any name or alias, keeping the graph's name and aliases", () => {
    const text = "“The space station is a milestone,” President Xi said. The CNSA published the letter.";
    const d = draftOf(text, { gazetteer });
    assert.deepEqual(entities(d.annotation.people), ["xi-jinping Xi Jinping ~Xi ~President Xi @President"]);
    assert.deepEqual(entities(d.annotation.organizations), ["cnsa China National Space Administration ~CNSA"]);
    assert.equal(d.annotation.quotes![0]!.speaker, "xi-jinping");
    assert.match(d.notes.people[0]![0]!, /rule=gazetteer\.match confidence=0\.95 named "President Xi"/);
    assert.deepEqual(ingestProblems(d, text, knownOf(gazetteer)), []);
  });

  test("a new entity never takes a slug the graph already uses", () => {
    const d = draftOf("Mary Smith met the press.", { gazetteer });
    assert.deepEqual(entities(d.annotation.people), ["mary-smith-2 Mary Smith"]);
  });

  test("themes are suggested per paragraph from names and keywords, and passed on by a section heading", () => {
    const text = "On June 23, 2021, Xi called the crew of the space station.\n\nSpace exploration\n\nIn 2004, the lunar program was established.";
    const d = draftOf(text, { gazetteer });
    assert.deepEqual(d.annotation.events!.map((e) => e.themes), [["space"], ["space"]]);
    assert.match(d.notes.events[0]!.join("\n"), /themes: space \(theme\.keyword 0\.45, keywords space station\)/);
    assert.match(d.notes.events[1]!.join("\n"), /themes: space \(theme\.heading 0\.64, under the heading "Space exploration"\)/);
    assert.deepEqual(ingestProblems(d, text, knownOf(gazetteer)), []);
  });
});
