"""Drafts the labelled queries of bench/search_queries.json from the demo (not a test).

Each query has a kind, the words typed (`q`) and their `canonical` form, the same words as the records
write them (English or Urdu script), whose first results are the records the query must find
(bench/search_relevance.py --label fills them). Kinds:

- roman_urdu: every spelling of search/roman_urdu.py, alone and with a city (canonical: the Urdu words);
- english and urdu: the same words, and the names of places, offices and people, as the demo writes them;
- misspelt_name: names of people and places spelt as people write them (Heena for Hina, Peshwar for
  Peshawar): one change each, of the kinds search/phonetic.py folds, plus the demo's other names;
- abbreviation: office and place names with the abbreviations of search/abbreviations.py.

Point DATABASE_URL at the loaded demo and run `.venv/bin/python bench/search_queries.py > draft.json`.
"""

import itertools
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from search.abbreviations import ABBREVIATIONS  # noqa: E402
from search.roman_urdu import WORDS  # noqa: E402
from tracker.models import Jurisdiction, Office, Person  # noqa: E402
from tracker.models.vocabulary import JurisdictionTier  # noqa: E402

LIMITS = {"english": 110, "urdu": 80, "misspelt_name": 110, "abbreviation": 90}
CITIES = [("quetta", "کوئٹہ"), ("lahore", "لاہور"), ("karachi", "کراچی"), ("peshawar", "پشاور")]
# One change of each kind that people make, applied to the first place it fits.
CHANGES = [(r"i(?!i)", "ee"), (r"a(?!a)", "aa"), (r"u", "oo"), (r"([bdfgklmnprst])\1", r"\1"), (r"w", "v")]
CHANGES += [(r"q", "k"), (r"(?<=[kgsb])h", ""), (r"ee", "i"), (r"oo", "u"), (r"([lmnrst])(?=[aeiou])", r"\1\1")]
OTHER_SPELLINGS = [
    ("Baluchistan", "Balochistan"), ("Pakhtoonkhwa", "Pakhtunkhwa"), ("Qetta", "Quetta"),
    ("Kwetta", "Quetta"), ("Peshwar", "Peshawar"), ("Heena Shahwani", "Hina Shahwani"),
]  # fmt: skip


def entry(kind, q, canonical):
    return {"kind": kind, "q": q, "canonical": canonical}


def misspelt(name, turn):
    """`name` with one change in its first word, the `turn`-th kind that fits it (None when none does)."""
    first, _space, rest = name.partition(" ")
    for pattern, replacement in itertools.islice(itertools.cycle(CHANGES), turn, turn + len(CHANGES)):
        changed = re.sub(pattern, replacement, first, count=1)
        if changed != first:
            return f"{changed} {rest}".strip()
    return None


def sample(drafts, kind, most):
    """At most `most` of the drafts of `kind`, spread evenly over them."""
    found = [d for d in drafts if d["kind"] == kind]
    step = max(1, -(-len(found) // most))
    return found[::step]


def main():
    drafts = []
    for spellings, urdu_words, english_words in WORDS:
        for spelling in spellings:
            if spelling not in english_words:
                drafts.append(entry("roman_urdu", spelling, urdu_words[0]))
        drafts.append(entry("urdu", urdu_words[0], urdu_words[0]))
        drafts.append(entry("english", english_words[0], english_words[0]))
        city, city_ur = CITIES[len(drafts) % len(CITIES)]
        drafts.append(entry("roman_urdu", f"{spellings[0]} {city}", f"{urdu_words[0]} {city_ur}"))
    places = Jurisdiction.objects.published().exclude(tier=JurisdictionTier.UNION_COUNCIL)
    offices = Office.objects.published()
    people = Person.objects.published()
    names = [*places.values_list("name", "name_ur"), *offices.values_list("title", "title_ur")]
    names += list(people.values_list("name", "name_ur"))
    for turn, (name, name_ur) in enumerate(names):
        drafts.append(entry("english", name, name))
        if name_ur:
            drafts.append(entry("urdu", name_ur, name_ur))
        if turn % 2 == 0 and (wrong := misspelt(name, turn)):
            drafts.append(entry("misspelt_name", wrong, name))
    drafts += [entry("misspelt_name", q, canonical) for q, canonical in OTHER_SPELLINGS]
    for (title,) in offices.values_list("title"):
        for abbreviation, long_forms in ABBREVIATIONS.items():
            if long_forms[0] in title and len(abbreviation) > 1:
                drafts.append(entry("abbreviation", title.replace(long_forms[0], abbreviation), title))
    drafts += [
        entry("abbreviation", "KP", "Khyber Pakhtunkhwa"),
        entry("abbreviation", "ICT", "Islamabad Capital Territory"),
    ]
    drafts = list({(d["kind"], d["q"].lower()): d for d in drafts}.values())
    chosen = [d for d in drafts if d["kind"] == "roman_urdu"]
    for kind, most in LIMITS.items():
        chosen += sample(drafts, kind, most)
    print(json.dumps(chosen, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
