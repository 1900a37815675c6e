"""Text as search sees it: cleaning what is indexed, and reading what people type.

People paste anything into a search box: unbalanced quotes, `AND OR`, Lucene syntax, ten thousand
characters, control characters, Urdu typed on an Arabic keyboard. `parse_query` turns all of it into
plain words and quoted phrases that every backend can match safely, plus notices that say what was
left out. No backend ever receives the raw text as query syntax.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from search import urdu

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
# Marks the start and end of a highlighted match inside text from a backend. Private-use characters
# never survive `clean_text`, so they cannot come from the records themselves.
MARK_START, MARK_END = "\ue000", "\ue001"

# Zero-width non-joiner and joiner shape Urdu and Persian words; other format characters are noise.
_KEEP_FORMAT = {"\u200c", "\u200d"}
# One form of each Urdu and Arabic-script letter, no diacritics, tatweel or joiners, ASCII digits (search/urdu.py).
# A regular expression finds the characters to change: str.translate with a table this size is slower.
_LETTERS = {char: replacement or "" for char, replacement in urdu.LETTERS.items()}


def _ranges(codes):
    """The body of a regular-expression character class holding the code points `codes`."""
    spans = []
    for code in sorted(codes):
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in spans)


# Classes only of characters below U+10000 are looked up at once by the regular-expression engine; one
# that holds a higher code point is searched item by item, many times slower. Text rarely holds one, so
# each pattern has a fast form for text without them.
_TO_FOLD = re.compile(f"[{_ranges(ord(c) for c in _LETTERS if ord(c) <= 0xFFFF)}]")
_TO_FOLD_ASTRAL = re.compile(f"[{_ranges(ord(c) for c in _LETTERS)}]")
# A word: letters and digits (\w is Unicode's L and N categories, and the underscore, which `words` makes
# a space) and combining marks (M).
_MARKS = [
    c for r in (range(0x300, 0x20000), range(0xE0100, 0xE01F0)) for c in r if unicodedata.category(chr(c))[0] == "M"
]
_WORD = re.compile(rf"[\w{_ranges(c for c in _MARKS if c <= 0xFFFF)}]+")
_WORD_ASTRAL = re.compile(rf"[\w{_ranges(_MARKS)}]+")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _astral(value):
    return _ASTRAL.search(value) is not None


OPERATORS = frozenset({"AND", "OR", "NOT"})


def clean_text(value):
    """Text fit to index and show: NFC, without control, private-use or stray format characters."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", str(value))
    if value.replace("\n", "").replace("\t", "").isprintable():
        return value  # the usual case: nothing to drop (isprintable is false for every C* category)
    kept = []
    for char in value:
        category = unicodedata.category(char)
        if category in ("Cc", "Co", "Cs", "Cn") and char not in "\n\t":
            continue
        if category == "Cf" and char not in _KEEP_FORMAT:
            continue
        kept.append(char)
    return "".join(kept)


def fold(value):
    """One spelling of each letter: compatibility forms composed (NFKC: Arabic presentation forms become
    letters), then Urdu and Arabic letter variants to one form and diacritics, tatweel and joiners dropped.
    Idempotent: dropping a mark can leave a letter and a mark that compose, so NFKC runs once more."""
    folded = unicodedata.normalize("NFKC", clean_text(value))
    folded = (_TO_FOLD_ASTRAL if _astral(folded) else _TO_FOLD).sub(lambda found: _LETTERS[found.group()], folded)
    return folded if unicodedata.is_normalized("NFKC", folded) else unicodedata.normalize("NFKC", folded)


def words(value):
    """Letters, digits and their combining marks, in runs; everything else separates words."""
    return (_WORD_ASTRAL if _astral(value) else _WORD).findall(value.replace("_", " "))


# Loanwords spelt two ways, each read as one (folded like everything else).
_SPELLINGS = {fold(variant): fold(word) for word, variants in urdu.SPELLINGS.items() for variant in variants}


def spelling(word):
    """The one spelling search uses for a word (already folded) that Urdu writes in more than one way."""
    return _SPELLINGS.get(word, word)


def search_words(value):
    """The words of `value` as every backend indexes and queries them: folded, split, one spelling each.
    The one normalisation of search: documents (search/documents.py `searchable`), queries (`parse_query`),
    the autocomplete and the highlights (search/highlights.py) all go through it."""
    return [spelling(word) for word in words(fold(value))]


def index_text(value):
    """`value` as the backends index it: its search words, separated by single spaces. No backend's own
    tokenizer then decides where an Urdu word ends (PostgreSQL would keep "پانی۔" as one word)."""
    return " ".join(search_words(value))


# Words that carry no meaning alone; dropped from every backend's query alike so that all of them
# answer a question such as "the schools of Quetta" (or "کوئٹہ کے اسکول") the same way.
STOPWORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "of", "on", "or"}
    | {"that", "the", "this", "to", "was", "were", "will", "with"}
    | {fold(word) for word in urdu.STOPWORDS}
)


@dataclass
class Query:
    """What a visitor asked for, as words every match must contain and phrases it must contain."""

    raw: str = ""
    terms: list = field(default_factory=list)
    phrases: list = field(default_factory=list)  # each a list of words
    notices: list = field(default_factory=list)
    match_any: bool = False  # any one word or phrase is enough (the fallback when all of them match nothing)
    # Each typed word with the other forms that find what it means (search/variants.py): a list of groups,
    # one for each word (or words read together, "C&W"), each a list of alternatives, each a list of words
    # that must all be there. The first alternative of a group is what was typed. None: the words alone.
    groups: list | None = None

    def word_groups(self):
        """The groups every backend matches: all of them (any of them with `match_any`), each by any one of
        its alternatives, each alternative by all its words. Without variants, each term alone."""
        return self.groups if self.groups is not None else [[[term]] for term in self.terms]

    @property
    def is_empty(self):
        return not self.terms and not self.phrases

    @property
    def all_words(self):
        return [*self.terms, *(word for phrase in self.phrases for word in phrase)]


_PHRASE = re.compile(r'"([^"]*)"')


def parse_query(raw):
    raw = (raw or "").strip()
    query = Query(raw=raw)
    text = fold(raw)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        query.notices.append(
            _("Searches use the first %(n)s characters; the rest was left out.") % {"n": MAX_QUERY_CHARS}
        )
    for quoted in _PHRASE.findall(text):
        phrase = [w for w in search_words(quoted) if w.lower() not in STOPWORDS]
        if len(phrase) > 1:
            query.phrases.append(phrase)
        elif phrase:
            query.terms.append(phrase[0])
    # What is left outside balanced quotes; an unbalanced quote is just ignored.
    for word in search_words(_PHRASE.sub(" ", text)):
        if word in OPERATORS or word.lower() in STOPWORDS:
            continue
        query.terms.append(word)
    query.terms = list(dict.fromkeys(query.terms))
    if len(query.all_words) > MAX_TERMS:
        query.notices.append(_("Searches use the first %(n)s words; the rest were left out.") % {"n": MAX_TERMS})
        budget = MAX_TERMS
        phrases = []
        for phrase in query.phrases:
            if len(phrase) <= budget:
                phrases.append(phrase)
                budget -= len(phrase)
        query.phrases = phrases
        query.terms = query.terms[:budget]
    if raw and query.is_empty:
        query.notices.append(
            _("“%(q)s” has no words or names to search for. Try the name of a place, an office, a person or a promise.")
            % {"q": raw[:60] + ("…" if len(raw) > 60 else "")}
        )
    return query
