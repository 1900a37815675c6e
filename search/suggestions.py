"""Did you mean: when a search finds nothing or little, the query with its misspelt words corrected from
the index's own words ("waterr": water, "Qeta": quetta), offered as a link, never searched instead.

The words are those of the names and titles of the database index (kept with every backend, and the
fallback of each) and the Roman Urdu and abbreviation tables, read once per version of the index. A typed
Latin word of four letters or more that is not among them is corrected to the closest one by edit ratio
(difflib, at least `CUTOFF` alike); words in Urdu script are left as typed: their spellings are folded
already (search/text.py). On the Elasticsearch path the engine's own fuzzy match has already forgiven
what it could (search/backends/elasticsearch.py); the suggestion is the same link on both.
"""

import difflib
import re
from collections import defaultdict

from search import phonetic
from search.abbreviations import ABBREVIATIONS
from search.backends.facets import index_version
from search.models import SearchEntry
from search.roman_urdu import WORDS
from search.text import search_words

FEW = 3  # fewer results than this and a suggestion is looked for
CUTOFF = 0.75
MIN_LENGTH = 4
TEXTS_READ = 5_000  # commitments read for the words of their text; other records' names are read whole
_kept = {}


def _latin_words(text):
    return {word.lower() for word in search_words(text) if phonetic.is_latin(word) and len(word) >= MIN_LENGTH}


def vocabulary():
    """({first letter: sorted words}, every word) of the index, kept while the index is unchanged."""
    version = index_version()
    if version not in _kept:
        words = set()
        names = SearchEntry.objects.exclude(kind="commitment").values_list("title", "names", "labels")
        for row in names.iterator():
            words |= _latin_words(" ".join(row))
        commitments = SearchEntry.objects.filter(kind="commitment").values_list("title", "body")
        for row in commitments[:TEXTS_READ].iterator():
            words |= _latin_words(" ".join(row))
        for spellings, _urdu, english in WORDS:
            words |= _latin_words(" ".join([*spellings, *english]))
        words |= _latin_words(" ".join(long for forms in ABBREVIATIONS.values() for long in forms))
        by_letter = defaultdict(list)
        for word in sorted(words):
            by_letter[word[0]].append(word)
        _kept.clear()
        _kept[version] = (dict(by_letter), frozenset(words))
    return _kept[version]


def _known(word, every):
    """Whether `word` is among the words, or is one of them with a plural's s added or taken away."""
    return any(form in every for form in (word, word.removesuffix("s"), f"{word}s"))


def correction(word, known):
    """The closest known word to `word`, or None when it is known or nothing is close."""
    word = word.lower()
    by_letter, every = known
    candidates = by_letter.get(word[:1], [])
    if len(word) < MIN_LENGTH or not phonetic.is_latin(word) or _known(word, every):
        return None
    near = [c for c in candidates if abs(len(c) - len(word)) <= 2]
    found = difflib.get_close_matches(word, near, n=1, cutoff=CUTOFF)
    return found[0] if found else None


def suggest(raw):
    """`raw` with each misspelt word replaced by its correction, or "" when there is none."""
    known = vocabulary()
    changed = False

    def replace(found):
        nonlocal changed
        better = correction(found.group(), known)
        if better is None:
            return found.group()
        changed = True
        return better

    suggestion = re.sub(r"[A-Za-z]+", replace, raw[:200])
    return suggestion if changed else ""
