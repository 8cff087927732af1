"""Word lists of geobrief's mention finder, sentence splitter and transfer items (geo/mentions.py,
geo/sentences.py, geo/items.py).

Written by hand for geobrief (CC0 1.0), in the manner of spaCy's ``lang/en/stop_words.py``: each
list is one string of words, so a reviewer reads it as a table. Lower case unless noted.
"""

# Capitalised English words (and short forms) never read as a place on their own, though GeoNames lists
# many as towns: function words, months, days, titles, common nouns at the head of sentences.
STOP_WORDS = frozenset(
    ["a", "about", "above", "across", "adelaide", "after", "again", "against", "airport", "allah", "along", "already", "also", "although", "always", "among", "an", "and", "any", "april", "are", "army", "around", "as", "at", "august", "aurora", "austin", "bad", "bank", "base", "bath", "bay", "be", "because", "been", "before", "being", "below", "best", "bethel", "better", "between", "big", "black", "blue", "border", "both", "brown", "but", "by", "camp", "can", "canaan", "capital", "center", "central", "centre", "chad", "charlotte", "chief", "child", "children", "christ", "church", "city", "clinton", "coast", "commerce", "concord", "congress", "could", "council", "court", "cuba", "daily", "daisy", "dallas", "day", "days", "deal", "december", "delta", "democracy", "desert", "did", "district", "do", "does", "down", "during", "each", "early", "earth", "east", "eastern", "eden", "either", "else", "empire", "enterprise", "eugene", "even", "ever", "every", "exhibition", "faith", "family", "february", "few", "florence", "for", "franklin", "freedom", "friday", "friendship", "from", "front", "frontier", "further", "general", "georgia", "god", "gold", "good", "goshen", "governor", "grace", "gray", "great", "green", "grey", "gulf", "had", "hamilton", "harbor", "harbour", "harmony", "has", "have", "he", "her", "here", "hers", "highlands", "him", "his", "holly", "home", "hope", "house", "houston", "how", "however", "i", "if", "in", "independence", "industry", "interior", "into", "iris", "is", "island", "islands", "israel", "it", "its", "ivy", "jackson", "january", "jasmine", "jefferson", "jesus", "jordan", "journal", "july", "june", "just", "justice", "king", "kingdom", "lady", "lake", "lakes", "last", "late", "least", "less", "liberty", "like", "lily", "lincoln", "little", "littoral", "lord", "lower", "madison", "man", "many", "march", "market", "marshall", "may", "mayor", "me", "meanwhile", "men", "mercy", "middle", "might", "minister", "mobile", "monday", "moon", "more", "moreover", "most", "mountain", "mountains", "much", "must", "my", "navy", "near", "neither", "never", "new", "news", "next", "nice", "no", "nor", "north", "northern", "not", "november", "now", "ocean", "october", "of", "off", "often", "old", "on", "once", "only", "or", "orange", "orlando", "other", "our", "out", "over", "own", "paradise", "paris", "parliament", "people", "per", "perhaps", "person", "plateau", "police", "port", "post", "president", "press", "preston", "prince", "princess", "progress", "providence", "province", "queen", "reading", "red", "regina", "region", "report", "reports", "republic", "river", "rose", "said", "sale", "same", "saturday", "say", "says", "sea", "senate", "senator", "september", "she", "should", "silver", "since", "sir", "small", "so", "some", "south", "southern", "split", "star", "state", "states", "still", "such", "sun", "sunday", "sydney", "than", "that", "the", "their", "them", "then", "there", "therefore", "these", "they", "this", "those", "though", "through", "thursday", "thus", "time", "times", "to", "today", "told", "tomorrow", "too", "town", "trade", "troy", "trust", "tuesday", "tyler", "under", "union", "unity", "until", "up", "upon", "upper", "us", "valley", "very", "victoria", "victory", "village", "violet", "was", "washington", "we", "wednesday", "weekly", "were", "west", "western", "what", "when", "where", "whether", "which", "while", "white", "who", "whom", "whose", "why", "will", "with", "within", "without", "woman", "women", "work", "world", "worst", "would", "year", "years", "yesterday", "yet", "you", "young", "your", "zion"]
)

# Names that are places unless the text uses them as a person's name (the resolver decides in context).
PERSON_PLACES = frozenset(
    ["adelaide", "aurora", "austin", "chad", "charlotte", "clinton", "cuba", "dallas", "eugene", "florence", "franklin", "georgia", "hamilton", "houston", "israel", "jackson", "jefferson", "jordan", "lincoln", "madison", "orlando", "paris", "preston", "regina", "sydney", "troy", "tyler", "victoria", "washington"]
)

# Words that, after a place name, make it part of an organisation's or a publication's name
# ("Kyiv Independent", "Washington Post", "Orange County").
ORG_TAILS = frozenset(
    ["academy", "accord", "accords", "agencies", "agency", "agreement", "airlines", "airport", "airways", "arena", "association", "ballet", "bank", "borough", "broadcaster", "broadcasting", "bureau", "center", "centre", "channel", "charter", "chronicle", "city-fc", "clinic", "club", "college", "commission", "committee", "communique", "company", "consensus", "consulate", "convention", "corp", "corporation", "council", "county", "courier", "daily", "declaration", "dialogue", "doctrine", "embassy", "endowment", "examiner", "exchange", "express", "fc", "format", "forum", "foundation", "fund", "gazette", "group", "guardian", "heights", "herald", "hospital", "inc", "independent", "initiative", "insider", "institute", "institution", "journal", "library", "ltd", "magazine", "memorandum", "mirror", "monitor", "museum", "network", "news", "observer", "office", "opera", "orchestra", "pact", "parish", "plan", "post", "press", "process", "program", "programme", "project", "protocol", "public-radio", "quarter", "radio", "railway", "railways", "review", "school", "seminary", "society", "square", "stadium", "standard", "star-telegram", "statement", "studies", "study", "summit", "sun-times", "symphony", "talks", "telegraph", "television", "theater", "theatre", "times", "times-picayune", "tower", "township", "treaty", "tribune", "trust", "tv", "united", "university", "weekly", "zoo"]
)

# Lower-case words that may sit inside a multi-word place name ("Gulf of Aden", "Dar es Salaam", "Ibn").
CONNECTORS = frozenset(
    ["ad", "al", "am", "an", "and", "bin", "da", "de", "del", "di", "du", "el", "ibn", "im", "la", "le", "of", "on", "sur", "the", "upon", "y"]
)

# Abbreviations whose full stop does not end a sentence ("Mr.", "Gen.", "No."), lower case, no stop.
ABBREVIATIONS = frozenset(
    ["a.m", "adm", "al", "amb", "approx", "apr", "art", "assn", "aug", "ave", "blvd", "bros", "capt", "cmdr", "co", "col", "corp", "cpt", "d.c", "dec", "dept", "dr", "e.g", "e.u", "est", "etc", "feb", "fig", "fr", "ft", "gen", "gov", "hon", "i.e", "inc", "insp", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "p.m", "pres", "prof", "rd", "rep", "rev", "sec", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "u.k", "u.n", "u.s", "u.s.a", "univ", "vol", "vs"]
)

# AP-style US state and Canadian province abbreviations (read only after "Place, ": "Edmonton, Ky."),
# with the ISO 3166-2 code of each.
POSTAL_ABBREVIATIONS = {
    "Ala.": "US-AL",
    "Ariz.": "US-AZ",
    "Ark.": "US-AR",
    "Calif.": "US-CA",
    "Colo.": "US-CO",
    "Conn.": "US-CT",
    "Del.": "US-DE",
    "Fla.": "US-FL",
    "Ga.": "US-GA",
    "Ill.": "US-IL",
    "Ind.": "US-IN",
    "Kan.": "US-KS",
    "Kans.": "US-KS",
    "Ky.": "US-KY",
    "La.": "US-LA",
    "Md.": "US-MD",
    "Mass.": "US-MA",
    "Mich.": "US-MI",
    "Minn.": "US-MN",
    "Miss.": "US-MS",
    "Mo.": "US-MO",
    "Mont.": "US-MT",
    "Neb.": "US-NE",
    "Nebr.": "US-NE",
    "Nev.": "US-NV",
    "N.H.": "US-NH",
    "N.J.": "US-NJ",
    "N.M.": "US-NM",
    "N.Y.": "US-NY",
    "N.C.": "US-NC",
    "N.D.": "US-ND",
    "Okla.": "US-OK",
    "Ore.": "US-OR",
    "Pa.": "US-PA",
    "R.I.": "US-RI",
    "S.C.": "US-SC",
    "S.D.": "US-SD",
    "Tenn.": "US-TN",
    "Tex.": "US-TX",
    "Vt.": "US-VT",
    "Va.": "US-VA",
    "Wash.": "US-WA",
    "W.Va.": "US-WV",
    "Wis.": "US-WI",
    "Wyo.": "US-WY",
    "D.C.": "US-DC",
    "Alta.": "CA-AB",
    "B.C.": "CA-BC",
    "BC": "CA-BC",
    "Man.": "CA-MB",
    "N.B.": "CA-NB",
    "N.L.": "CA-NL",
    "N.S.": "CA-NS",
    "Ont.": "CA-ON",
    "P.E.I.": "CA-PE",
    "Que.": "CA-QC",
    "Sask.": "CA-SK",
}

# Head nouns of the things a transfer moves: arms and military equipment, and the goods states hand over
# (fuel, grain, aid, training, know-how). Regular-expression forms: "drones?" is drone or drones.
ITEM_HEADS = tuple(
    h.strip()
    for h in """
drones? | uavs? | ucavs? | unmanned aerial vehicles? | unmanned aircraft | loitering munitions?
missiles? | rockets? | interceptors? | warheads? | nuclear weapons? | weapons? | weaponry | arms
armaments? | tanks? | howitzers? | artillery | artillery shells? | shells | ammunition | munitions?
rounds | bombs? | mortars? | rifles? | assault rifles? | small arms | machine guns? | guns | launchers?
rocket launchers? | fighter jets? | fighters | jets? | aircraft | planes? | airplanes? | bombers?
helicopters? | choppers? | air defen[cs]e systems? | systems? | batteries | radars? | satellites?
frigates? | corvettes? | destroyers? | submarines? | warships? | ships? | vessels? | patrol boats?
boats? | minehunters? | mine hunters? | minesweepers? | mine countermeasure vessels? | armou?red vehicles?
vehicles? | personnel carriers? | apcs | ifvs | engines? | components? | parts | equipment | hardware
technology | technologies | know-how | expertise | factory | factories | plant | reactors? | fuel | oil
gas | grain | aid | training | vaccines?
""".replace("\n", " | ").split("|")
    if h.strip()
)

# Number words and the quantities they give ("a dozen drones" is 12).
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "a pair of": 2,
    "a couple of": 2,
    "single": 1,
    "a single": 1,
}
