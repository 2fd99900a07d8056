/**
 * Word lists for the synthetic benchmark data (bench/synthetic.ts): real English words, so that
 * full-text search has stems to match and names look like names. Plain data, no logic.
 */

/** Every synthetic event summary or quote with this word is a guaranteed search hit (~1 in 8 of each). */
export const SEARCH_TERM = "innovation";

export const FIRST_NAMES = [
  "Alice", "Bruno", "Chen", "Dana", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Karin", "Liam",
  "Maya", "Nikos", "Olga", "Pablo", "Qian", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Xenia",
  "Yusuf", "Zara", "Anders", "Beatriz", "Carlos", "Dmitri", "Emma", "Felix", "Greta", "Hassan", "Ingrid",
  "Jamal", "Kenji", "Lucia", "Marco", "Nadia", "Oscar", "Priya", "Rafael", "Sofia", "Tomas", "Ursula",
  "Victor", "Wanda", "Yara", "Zoltan",
];

export const LAST_NAMES = [
  "Andersen", "Baker", "Castro", "Dubois", "Eriksson", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen",
  "Kowalski", "Li", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
  "Ueda", "Varga", "Wang", "Xu", "Yilmaz", "Zhang", "Almeida", "Bianchi", "Costa", "Dvorak", "Evans",
  "Fontaine", "Gruber", "Horvat", "Iqbal", "Janssen", "Keller", "Lindqvist", "Mendes", "Novak", "Olsen",
  "Park", "Reyes", "Sato", "Torres", "Usman", "Vogel", "Weber", "Young", "Zimmer",
];

export const ORG_ADJECTIVES = [
  "National", "European", "Northern", "Pacific", "Central", "Federal", "Royal", "Open", "Global", "Eastern",
  "Western", "United", "Independent", "Applied", "Advanced", "Regional", "Coastal", "Southern", "Civic", "Joint",
];

export const ORG_NOUNS = [
  "Space", "Energy", "Research", "Health", "Water", "Climate", "Science", "Transport", "Ocean", "Materials",
  "Computing", "Agriculture", "Physics", "Education", "Industry", "Mining", "Genome", "Robotics", "Trade", "Forest",
];

export const ORG_KINDS = [
  "Agency", "Institute", "Council", "University", "Foundation", "Laboratory", "Corporation", "Ministry",
  "Association", "Observatory",
];

export const ROLES = ["President", "Director", "Minister", "Professor", "Chair", "Secretary", "Engineer", "Spokesperson"];

export const PLACES = [
  "Geneva", "Brussels", "Beijing", "Tokyo", "Nairobi", "Lima", "Oslo", "Toronto", "Cairo", "Mumbai",
  "Berlin", "Madrid", "Seoul", "Sydney", "Lagos", "Vienna", "Paris", "Houston", "Kourou", "Baikonur",
];

export const EVENT_KINDS = ["meeting", "visit", "launch", "agreement", "conference", "report", "election", "letter", "summit", "speech"];

export const THEME_WORDS = [
  "basic research", "space", "enterprises", "energy", "climate", "health", "education", "water", "trade",
  "transport", "agriculture", "oceans", "materials", "computing", "biology", "physics", "mining", "forests",
  "cities", "robotics", "genomics", "fisheries", "standards", "telecommunications", "nuclear safety",
];

/** Vocabulary for summaries, titles and quotes. */
export const NOUNS = [
  "satellite", "reactor", "budget", "programme", "laboratory", "mission", "telescope", "vaccine", "network",
  "treaty", "policy", "grant", "factory", "harbour", "railway", "battery", "harvest", "market", "survey",
  "archive", "committee", "strategy", "prototype", "pipeline", "observatory", "dataset", "workforce", "campus",
];

export const VERBS = [
  "announced", "approved", "launched", "reviewed", "funded", "opened", "delayed", "expanded", "signed",
  "criticised", "welcomed", "proposed", "inspected", "completed", "cancelled", "defended", "presented",
];

export const ADJECTIVES = [
  "ambitious", "costly", "modest", "historic", "controversial", "long-awaited", "experimental", "joint",
  "regional", "national", "first", "revised", "sustainable", "secure", "rapid", "independent",
];

export const CLAUSES = [
  "the country needs more engineers", "public money must be spent carefully", "the results exceeded expectations",
  "cooperation will continue next year", "the schedule remains realistic", "young scientists deserve support",
  "the project will create jobs", "safety comes first", "we are proud of the team", "the data speak for themselves",
  "the partnership is stronger than ever", "more work is needed", "the decision was difficult", "costs are under control",
];
