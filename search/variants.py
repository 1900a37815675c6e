"""Search as Pakistan types: each word of a query searched together with the other forms that mean it.

`expand(query)` gives a parsed query (search.text.Query) its `groups`: for each word typed, what it was
typed as, OR

- its Urdu and English words when it is Roman Urdu ("pani": پانی, water; search/roman_urdu.py),
- its long form when it is an abbreviation ("DC": Deputy Commissioner; search/abbreviations.py),
- its sound key when it is a Latin word ("Heena": hina; search/phonetic.py), which documents index for
  every Latin word of a record's names (search/documents.py `searchable`).

Every backend matches the groups alike (all of them, each by any alternative; search/fulltext.py and
search/backends/elasticsearch.py). Nothing typed is ever replaced, so a word that means something else
still finds what it finds today; highlights mark whatever matched in the record's own text.
"""

from search import phonetic
from search.abbreviations import ABBREVIATIONS
from search.roman_urdu import WORDS
from search.text import STOPWORDS, search_words

MAX_ALTERNATIVES = 10  # per word: bounds the query every backend runs
LONGEST = 3  # words read together at most ("wazir e aala", "DI Khan")


def _words(text):
    return [word.lower() for word in search_words(text) if word.lower() not in STOPWORDS]


def _sound(words):
    return " ".join(phonetic.key(word) for word in words)


def _tables():
    """{sound key of the words: [alternative words, ...]} from the two tables, built once."""
    found = {}
    for spellings, urdu_words, english_words in WORDS:
        alternatives = [_words(text) for text in [*urdu_words, *english_words]]
        for spelling in spellings:
            found.setdefault(_sound(_words(spelling)), []).extend(alternatives)
    for abbreviation, long_forms in ABBREVIATIONS.items():
        found.setdefault(_sound(_words(abbreviation)), []).extend(_words(text) for text in long_forms)
    return {sound: [a for a in alternatives if a] for sound, alternatives in found.items()}


_TABLE = _tables()


def alternatives(words):
    """The other forms of `words` (one word, or a few read together): [[word, ...], ...], not `words` itself."""
    words = [word.lower() for word in words]
    found = [list(a) for a in _TABLE.get(_sound(words), [])]
    if len(words) == 1 and phonetic.key(words[0]) != words[0]:
        found.append([phonetic.key(words[0])])
    unique = []
    for alternative in found:
        if alternative != words and alternative not in unique:
            unique.append(alternative)
    return unique[:MAX_ALTERNATIVES]


def expand(query):
    """`query` with its `groups` set (see the module's docstring); returns it."""
    groups, terms, i = [], query.terms, 0
    while i < len(terms):
        for size in range(min(LONGEST, len(terms) - i), 0, -1):
            together = terms[i : i + size]
            found = alternatives(together)
            if found or size == 1:
                groups.append([list(together), *found])
                i += size
                break
    query.groups = groups
    return query


def completions(prefix):
    """What the autocomplete also looks for when `prefix` (folded words) starts with an abbreviation:
    the prefix with its long form in its place ("DC Que": "Deputy Commissioner Que"), else nothing."""
    words = prefix.split()
    for size in range(min(LONGEST, len(words)), 0, -1):
        long_forms = [
            long for abbreviation, forms in ABBREVIATIONS.items() for long in forms[:1]
            if _words(abbreviation) == [w.lower() for w in words[:size]]
        ]  # fmt: skip
        if long_forms:
            return [" ".join(search_words(long_forms[0]) + words[size:])]
    return []
