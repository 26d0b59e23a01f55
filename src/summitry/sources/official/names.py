"""Titles, personal names and nationality words, shared by visitor splitting and extraction.

Why hand-written patterns: the HSG texts are short, edited prose ("Met with President
Gul and Prime Minister Erdogan"), so a small vocabulary of offices plus a name pattern
is precise and reviewable; every rule here can be read and argued with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Capitalised words that end a name: dates ("President Nixon April 3") and sentence starts.
MONTHS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
})
STOP_WORDS = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "During", "At", "In", "On",
    "For", "From", "To", "With", "After", "Before", "While", "Also", "Then", "The", "And", "But", "Accompanied",
    "Met", "Attended", "Visited", "Discussed", "Briefed", "Joined", "Signed", "Toured", "Addressed",
})


# --- character classes -------------------------------------------------------
# Upper-case letters incl. Latin-1 and Latin Extended-A (Š, Ž, Ł ...).
UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_APOS = "'\u2019"

# One capitalised name word: an initial ("S."), a short abbreviation, or a word.
CAPWORD = (
    rf"(?:(?:Jr|Sr|Dr|St|Mt|Mr|Mrs|Ms)\.|[{UP}]\.(?:[{UP}]\.)*(?![\w])|"
    rf"[{UP}][\w{_APOS}\-]*[\w{_APOS}]|[{UP}])"
)
# Arabic article/patronymic glued with a hyphen: al-Sabah, bin-Laden, el-Sisi.
PREFIXED = rf"(?:al|el|ul|as|ash|ad|ar|az|an|at|bin|ibn|bint|abu|ben)[-\u2011][\w{_APOS}\-]*\w"
PARTICLE = r"(?:de|da|das|do|dos|del|della|di|du|la|le|van|von|der|den|ter|bin|ibn|bint|al|el|y|e|ben|abu|ul)"
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# A month followed by a day number starts a date, not a name ("President Nixon April 3").
NAME_WORD = rf"(?:(?!(?:{_MONTH_ALT})\.?\s+\d){CAPWORD}|{PREFIXED})"
NAME = (
    rf"(?:{PARTICLE}\s+)*{NAME_WORD}(?:\s+(?:{PARTICLE}\s+)*{NAME_WORD})*"
    r"(?:,\s+(?:Jr\.?|Sr\.?|3rd|III|II)(?![\w]))?"
)

# --- offices -------------------------------------------------------------------
_PORTFOLIO = (
    r"(?:Foreign|Defen[cs]e|Finance|Justice|Interior|Economy|Economic|Trade|Energy|Oil|Petroleum|"
    r"Information|Home|Planning|Education|Health|Foreign\s+Affairs|External\s+Affairs|Senior|Cabinet|"
    r"Chief|First|Prime)"
)
_MINISTRY = (
    r"(?:State|Foreign\s+Affairs(?:\s+and\s+(?:International\s+)?(?:Cooperation|Trade|Worship|European\s+Affairs|Expatriates))?|"
    r"External\s+Affairs|Defen[cs]e|Finance|the\s+Interior|Interior)"
)
CORE_OFFICES: tuple[str, ...] = (
    rf"{_PORTFOLIO}\s+Minister",
    rf"Minister\s+(?:of|for)\s+{_MINISTRY}",
    r"Secretary\s+(?:of|for)\s+(?:Foreign\s+Affairs|External\s+Affairs|Foreign\s+Relations|"
    r"State\s+for\s+Foreign(?:\s+and\s+Commonwealth)?\s+Affairs|State|Defense|the\s+Treasury|Commerce|"
    r"Agriculture|Labor|Energy|Homeland\s+Security)",
    r"(?:Foreign\s+Affairs|External\s+Affairs|Foreign\s+Relations|Foreign|Treasury|Commerce|Defense)\s+Secretary",
    r"Minister",
    r"Chairman\s+of\s+the\s+Presidency",
    r"President\s+of\s+the\s+Council\s+of\s+Ministers",
    r"General\s+Secretary",
    r"Secretary[-\s]General",
    r"Governor[-\s]General",
    r"Chief\s+of\s+State",
    r"Head\s+of\s+State",
    r"First\s+Secretary",
    r"State\s+Councilor",
    r"High\s+Representative",
    r"Special\s+(?:Envoy|Representative|Adviser|Advisor)",
    r"National\s+Security\s+(?:Adviser|Advisor)",
    r"Director[-\s]General",
    r"Crown\s+Prince",
    r"Heir\s+Apparent",
    r"Grand\s+(?:Duke|Duchess)",
    r"Ecumenical\s+Patriarch",
    r"(?:Field\s+)?Marshal",
    r"(?:Lieutenant|Brigadier|Major)\s+General",
    r"Junta\s+Member",
    r"Opposition\s+Leader",
    r"Chief\s+Executive",
    r"Secretary",
    r"President",
    r"Premier",
    r"Chancellor",
    r"King",
    r"Queen",
    r"Princess",
    r"Prince",
    r"Emir",
    r"Amir",
    r"Sultan",
    r"Shah",
    r"Emperor",
    r"Empress",
    r"Pope",
    r"Chairman",
    r"Chairwoman",
    r"Chairperson",
    r"Chair",
    r"Taoiseach",
    r"Commissioner",
    r"Speaker",
    r"Generalissimo",
    r"General",
    r"Regent",
    r"Envoy",
    r"Cardinal",
    r"Patriarch",
    r"Archbishop",
    r"Ayatollah",
    r"Mayor",
)
_MODIFIER = (
    r"(?:Acting|Interim|Provisional|Transitional|Caretaker|Alternate|Former|former|Deputy|"
    r"First\s+Deputy|First\s+Vice|Vice|Federal|Senior|Executive|Deputy\s+Crown|First)"
)
_ONE_OFFICE = rf"(?:{_MODIFIER}\s+)*(?:{'|'.join(CORE_OFFICES)})(?:\s?-\s?(?:elect|Elect|designate|Designate)\b)?"
OFFICE = rf"{_ONE_OFFICE}(?:(?:\s*[/\u2013-]\s*|\s+and\s+){_ONE_OFFICE})*"

# Offices of heads of state/government and their equivalents: the "leaders".
_LEADER_HEADS = re.compile(
    r"^(?:(?:Acting|Interim|Provisional|Transitional|Caretaker|Federal|First)\s+)?"
    r"(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Amir|Sultan|Shah|Emperor|Empress|"
    r"Pope|General Secretary|Chairman|Chairman of the Presidency|Taoiseach|Grand Duke|Grand Duchess|"
    r"Chief of State|Head of State|First Secretary|Crown Prince|Prince|Princess|Regent|"
    r"Governor[- ]General|Chief Executive)(?:-elect|-designate)?$"
)

# Honorifics that belong to the name, not the office ("Foreign Minister Prince Saud").
HONORIFICS = ("His Majesty", "Her Majesty", "His Holiness", "His Highness", "Her Highness", "His Excellency")


def clean(text: str) -> str:
    """Collapse runs of whitespace (incl. newlines and NBSP) into one space."""
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def normalise_office(office: str) -> str:
    """Canonical spelling of an office: single spaces, '-elect' glued, typos fixed."""
    o = clean(office)
    o = re.sub(r"\s?-\s?(elect|designate)\b", lambda m: "-" + m.group(1).lower(), o, flags=re.I)
    o = re.sub(r"\bSecretary General\b", "Secretary-General", o)
    o = re.sub(r"\bGovernor General\b", "Governor-General", o)
    o = re.sub(r"\bDirector General\b", "Director-General", o)
    return o[0].upper() + o[1:] if o else o


@lru_cache(maxsize=4096)
def is_leader(office: str | None) -> bool:
    """Head of state/government or equivalent (kings, emirs, party chiefs of the USSR)."""
    return bool(office) and bool(_LEADER_HEADS.match(normalise_office(office or "")))


def trim_name(name: str) -> str:
    """Cut a matched name at the first stop word ("Nixon April 3" -> "Nixon")."""
    words = name.split(" ")
    kept: list[str] = []
    for w in words:
        if w in STOP_WORDS:
            break
        kept.append(w)
    out = " ".join(kept).strip().rstrip(",")
    out = re.sub(r"['\u2019]s$", "", out)  # possessive: "Vice President Harris's delegation"
    # a trailing particle is never a name end ("Cardoso de")
    while out and re.search(rf"\s{PARTICLE}$", out):
        out = re.sub(rf"\s{PARTICLE}$", "", out)
    return out


# --- visitors --------------------------------------------------------------------
_TYPO_FIXES: tuple[tuple[str, str], ...] = (
    (r"^Prime\s*Min(?:ister|ster|istere)(?=[\s{UP}])\s*".replace("{UP}", UP), "Prime Minister "),
    (r"^(President|Chancellor)\s?-\s?([Ee]lect|[Dd]esignate)\b", r"\1-\2"),
)
_VISITOR_OFFICE = re.compile(rf"^(?P<office>{OFFICE})(?:\s+(?:and|&)\s+(?P<office2>{OFFICE}))?(?=\s|$)")
_SPLIT = re.compile(rf"\s*(?:,|\band\b|&)\s+(?=(?:{OFFICE})\s+{NAME_WORD})")


@dataclass(frozen=True)
class Person:
    """An office/title and a personal name; either may be missing."""

    office: str | None
    name: str | None


def split_person(text: str) -> Person:
    """Split one "Office Name" string: "Prime Minister Benjamin Netanyahu" -> (Prime Minister, Benjamin Netanyahu)."""
    t = clean(text)
    for pat, rep in _TYPO_FIXES:
        t = re.sub(pat, rep, t)
    t = clean(t)
    for h in HONORIFICS:
        if t.startswith(h + " "):
            t = t[len(h) + 1 :]
    m = _VISITOR_OFFICE.match(t)
    if not m:
        return Person(None, t or None)
    office = normalise_office(m.group("office"))
    if m.group("office2"):
        office = f"{office} and {normalise_office(m.group('office2'))}"
    name = t[m.end() :].strip() or None
    return Person(office, name)


def split_visitors(text: str) -> list[Person]:
    """Split a visitor field into people; "President A and Prime Minister B" gives two.

    Only splits where the next part starts with an office, so "Premier and Prince
    Sihanouk" stays one person with a double title.
    """
    t = clean(text)
    if not t:
        return []
    people = [split_person(p) for p in _SPLIT.split(t) if p.strip()]
    merged: list[Person] = []
    pending: str | None = None
    for person in people:
        if pending and person.office:
            person = Person(f"{pending} and {person.office}", person.name)
            pending = None
        if person.office and not person.name:
            pending = person.office if pending is None else f"{pending} and {person.office}"
            continue
        merged.append(person)
    if pending:
        merged.append(Person(pending, None))
    return merged


# --- nationality words and organisations -----------------------------------------
DEMONYMS: dict[str, str] = {
    "Afghan": "AFG", "Albanian": "ALB", "Algerian": "DZA", "Angolan": "AGO", "Argentine": "ARG",
    "Argentinian": "ARG", "Armenian": "ARM", "Australian": "AUS", "Austrian": "AUT", "Azerbaijani": "AZE",
    "Azeri": "AZE", "Bahamian": "BHS", "Bahraini": "BHR", "Bangladeshi": "BGD", "Belarusian": "BLR",
    "Belgian": "BEL", "Bolivian": "BOL", "Bosnian": "BIH", "Bosnian Serb": "BIH", "Bosnian Croat": "BIH",
    "Bosnian Muslim": "BIH", "Brazilian": "BRA", "British": "GBR", "U.K.": "GBR", "UK": "GBR",
    "Bulgarian": "BGR", "Burmese": "MMR", "Burundian": "BDI", "Cambodian": "KHM", "Cameroonian": "CMR",
    "Canadian": "CAN", "Chadian": "TCD", "Chilean": "CHL", "Chinese": "CHN", "Colombian": "COL",
    "Congolese": "COD", "Costa Rican": "CRI", "Croatian": "HRV", "Cuban": "CUB", "Cypriot": "CYP",
    "Greek Cypriot": "CYP", "Turkish Cypriot": "CYP", "Czech": "CZE", "Czechoslovak": "CSK",
    "Danish": "DNK", "Djiboutian": "DJI", "Dominican": "DOM", "Dutch": "NLD", "East German": "DDR",
    "Ecuadorian": "ECU", "Egyptian": "EGY", "Emirati": "ARE", "Eritrean": "ERI", "Estonian": "EST",
    "Ethiopian": "ETH", "Faroese": "DNK", "Fijian": "FJI", "Finnish": "FIN", "French": "FRA",
    "Gabonese": "GAB", "Georgian": "GEO", "German": "DEU", "West German": "DEU", "Ghanaian": "GHA",
    "Greek": "GRC", "Greenlandic": "DNK", "Guatemalan": "GTM", "Guinean": "GIN", "Haitian": "HTI",
    "Honduran": "HND", "Hungarian": "HUN", "Icelandic": "ISL", "Indian": "IND", "Indonesian": "IDN",
    "Iranian": "IRN", "Iraqi": "IRQ", "Irish": "IRL", "Northern Irish": "GBR", "Israeli": "ISR",
    "Italian": "ITA", "Ivorian": "CIV", "Jamaican": "JAM", "Japanese": "JPN", "Jordanian": "JOR",
    "Kazakh": "KAZ", "Kazakhstani": "KAZ", "Kenyan": "KEN", "Korean": "KOR", "South Korean": "KOR",
    "North Korean": "PRK", "Kosovar": "XKX", "Kurdish": "IRQ", "Kuwaiti": "KWT", "Kyrgyz": "KGZ",
    "Lao": "LAO", "Laotian": "LAO", "Latvian": "LVA", "Lebanese": "LBN", "Liberian": "LBR",
    "Libyan": "LBY", "Lithuanian": "LTU", "Luxembourgish": "LUX", "Macedonian": "MKD", "Malagasy": "MDG",
    "Malawian": "MWI", "Malaysian": "MYS", "Malian": "MLI", "Maltese": "MLT", "Mauritanian": "MRT",
    "Mexican": "MEX", "Moldovan": "MDA", "Mongolian": "MNG", "Montenegrin": "MNE", "Moroccan": "MAR",
    "Mozambican": "MOZ", "Namibian": "NAM", "Nepalese": "NPL", "Nepali": "NPL", "Nicaraguan": "NIC",
    "Nigerian": "NGA", "Nigerien": "NER", "Norwegian": "NOR", "Omani": "OMN", "Pakistani": "PAK",
    "Palestinian": "PSE", "Palestinian Authority": "PSE", "Panamanian": "PAN", "Paraguayan": "PRY",
    "Peruvian": "PER", "Philippine": "PHL", "Filipino": "PHL", "Polish": "POL", "Portuguese": "PRT",
    "Qatari": "QAT", "Romanian": "ROU", "Russian": "RUS", "Russian Federation": "RUS", "Rwandan": "RWA",
    "Salvadoran": "SLV", "Saudi": "SAU", "Saudi Arabian": "SAU", "Senegalese": "SEN", "Serbian": "SRB",
    "Serb": "SRB", "Sierra Leonean": "SLE", "Singaporean": "SGP", "Slovak": "SVK", "Slovenian": "SVN",
    "Somali": "SOM", "Somalian": "SOM", "South African": "ZAF", "Soviet": "SUN", "Spanish": "ESP",
    "Sri Lankan": "LKA", "Sudanese": "SDN", "South Sudanese": "SSD", "Swedish": "SWE", "Swiss": "CHE",
    "Syrian": "SYR", "Taiwanese": "TWN", "Tajik": "TJK", "Tanzanian": "TZA", "Thai": "THA",
    "Togolese": "TGO", "Tunisian": "TUN", "Turkish": "TUR", "Turkmen": "TKM", "Ugandan": "UGA",
    "Ukrainian": "UKR", "Uruguayan": "URY", "Uzbek": "UZB", "Venezuelan": "VEN", "Vietnamese": "VNM",
    "Yemeni": "YEM", "Yugoslav": "YUG", "Zambian": "ZMB", "Zimbabwean": "ZWE",
    # place names used as qualifiers ("Abu Dhabi Crown Prince", "Holy See Secretary of State")
    "Abu Dhabi": "ARE", "Dubai": "ARE", "UAE": "ARE", "United Arab Emirates": "ARE", "Arab Emirates": "ARE",
    "Holy See": "VAT", "Vatican": "VAT", "New Zealand": "NZL", "Quebec": "CAN", "Tatarstan": "RUS",
    "Oman\u2019s": "OMN", "Kurdish Regional": "IRQ", "PLO": "PSE",
}
ORGS: dict[str, str] = {
    "UN": "UN", "U.N.": "UN", "United Nations": "UN", "EU": "EU", "E.U.": "EU", "European Union": "EU",
    "EC": "EC", "European Commission": "EU", "European Parliament": "EU", "European Council": "EU",
    "NATO": "NATO", "OAS": "OAS", "OECD": "OECD", "ASEAN": "ASEAN", "CARICOM": "CARICOM",
    "Arab League": "Arab League", "IAEA": "IAEA", "Quartet": "Quartet", "Red Cross": "ICRC",
    "World Health Organization": "WHO", "WHO": "WHO", "World Bank": "World Bank", "IMF": "IMF",
    "African Union": "AU", "AU": "AU", "OSCE": "OSCE", "GCC": "GCC", "OAU": "OAU",
}
_QUALIFIERS = {**{k: ("country", v) for k, v in DEMONYMS.items()}, **{k: ("org", v) for k, v in ORGS.items()}}
_QUAL_ALT = "|".join(sorted((re.escape(k) for k in _QUALIFIERS), key=len, reverse=True))
# One or two qualifiers may precede an office: "Russian Foreign Minister", "UN Special Envoy".
QUALIFIER = rf"(?:(?:{_QUAL_ALT})\s+){{1,2}}"


def resolve_qualifier(text: str) -> tuple[str | None, str | None]:
    """(iso3, org) for a qualifier string like "Palestinian Authority " or "UN "."""
    t = clean(text)
    country: str | None = None
    org: str | None = None
    while t:
        for key in sorted(_QUALIFIERS, key=len, reverse=True):
            if t == key or t.startswith(key + " "):
                kind, val = _QUALIFIERS[key]
                if kind == "country":
                    country = country or val
                else:
                    org = org or val
                t = t[len(key) :].strip()
                break
        else:
            break
    return country, org


# --- United States officials (not counterparts) ----------------------------------
# Surname, first and last year in office.  Public facts, so the extractor needs no data file.
US_PRESIDENTS: tuple[tuple[str, int, int], ...] = (
    ("Washington", 1789, 1797), ("Adams", 1797, 1801), ("Jefferson", 1801, 1809), ("Madison", 1809, 1817),
    ("Monroe", 1817, 1825), ("Adams", 1825, 1829), ("Jackson", 1829, 1837), ("Van Buren", 1837, 1841),
    ("Harrison", 1841, 1841), ("Tyler", 1841, 1845), ("Polk", 1845, 1849), ("Taylor", 1849, 1850),
    ("Fillmore", 1850, 1853), ("Pierce", 1853, 1857), ("Buchanan", 1857, 1861), ("Lincoln", 1861, 1865),
    ("Johnson", 1865, 1869), ("Grant", 1869, 1877), ("Hayes", 1877, 1881), ("Garfield", 1881, 1881),
    ("Arthur", 1881, 1885), ("Cleveland", 1885, 1889), ("Harrison", 1889, 1893), ("Cleveland", 1893, 1897),
    ("McKinley", 1897, 1901), ("Roosevelt", 1901, 1909), ("Taft", 1909, 1913), ("Wilson", 1913, 1921),
    ("Harding", 1921, 1923), ("Coolidge", 1923, 1929), ("Hoover", 1929, 1933), ("Roosevelt", 1933, 1945),
    ("Truman", 1945, 1953), ("Eisenhower", 1953, 1961), ("Kennedy", 1961, 1963), ("Johnson", 1963, 1969),
    ("Nixon", 1969, 1974), ("Ford", 1974, 1977), ("Carter", 1977, 1981), ("Reagan", 1981, 1989),
    ("Bush", 1989, 1993), ("Clinton", 1993, 2001), ("Bush", 2001, 2009), ("Obama", 2009, 2017),
    ("Trump", 2017, 2021), ("Biden", 2021, 2025), ("Trump", 2025, 2029),
)
US_VICE_PRESIDENTS: tuple[tuple[str, int, int], ...] = (
    ("Roosevelt", 1901, 1901), ("Fairbanks", 1905, 1909), ("Sherman", 1909, 1912), ("Marshall", 1913, 1921),
    ("Coolidge", 1921, 1923), ("Dawes", 1925, 1929), ("Curtis", 1929, 1933), ("Garner", 1933, 1941),
    ("Wallace", 1941, 1945), ("Truman", 1945, 1945), ("Barkley", 1949, 1953), ("Nixon", 1953, 1961),
    ("Johnson", 1961, 1963), ("Humphrey", 1965, 1969), ("Agnew", 1969, 1973), ("Ford", 1973, 1974),
    ("Rockefeller", 1974, 1977), ("Mondale", 1977, 1981), ("Bush", 1981, 1989), ("Quayle", 1989, 1993),
    ("Gore", 1993, 2001), ("Cheney", 2001, 2009), ("Biden", 2009, 2017), ("Pence", 2017, 2021),
    ("Harris", 2021, 2025), ("Vance", 2025, 2029),
)
_US_CABINET = re.compile(
    r"^(?:Deputy\s+|Under\s+|Former\s+)?(?:Secretary(?:\s+of\s+(?:State|Defense|the\s+Treasury|Commerce|Agriculture|"
    r"Labor|Energy|Homeland\s+Security))?|(?:Treasury|Commerce|Defense)\s+Secretary)$"
)


def _surname_in_office(name: str, table: tuple[tuple[str, int, int], ...], year: int | None, slack: int) -> bool:
    last = name.replace(",", " ").split()
    if not last:
        return False
    # "George W. Bush", "Bush", "Van Buren"
    tail1, tail2 = last[-1], " ".join(last[-2:])
    for surname, start, end in table:
        if surname in (tail1, tail2) and (year is None or start - 1 <= year <= end + slack):
            return True
    return False


def is_us_official(office: str | None, name: str | None, year: int | None) -> bool:
    """True for a U.S. president, vice president or cabinet secretary named without a foreign qualifier.

    They are the U.S. side of a meeting, never a counterpart.  A surname only counts
    when that person held the office within about a decade of the record, so Liberia's
    "President Taylor" in 1998 is not mistaken for Zachary Taylor.
    """
    if not office or not name:
        return False
    o = normalise_office(office)
    if re.match(r"^Former\s+President$", o):
        return _surname_in_office(name, US_PRESIDENTS, year, 200)
    if re.match(r"^President(?:-elect)?$", o):
        return _surname_in_office(name, US_PRESIDENTS, year, 12)
    if re.match(r"^(?:Former\s+)?Vice President$", o):
        return _surname_in_office(name, US_VICE_PRESIDENTS, year, 4)
    return bool(_US_CABINET.match(o))
