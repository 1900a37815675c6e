"""A sound key for Latin-script words, so that the spellings of one Pakistani name meet.

Names are written in Latin letters many ways: Hina and Heena, Shahwani and Shahwaani, Pakhtunkhwa and
Pakhtoonkhwa, Quetta and Qetta. `key` folds a (lowercase, already folded) word to one form by a few
documented rules, applied in this order:

1. ``ph`` is ``f``; ``qu`` and ``q`` are ``k``; ``v`` is ``w``; ``z`` is ``z`` (kept: ز/ذ/ظ/ض are not folded).
2. ``ee`` and ``ea`` are ``i``; ``oo`` and ``ou`` are ``u``; ``aa`` is ``a``; a final ``y`` is ``i``.
3. ``h`` after a consonant is dropped (``kh``, ``gh``, ``sh``, ``th``, ``bh``...: Pakhtunkhwa is paktunkwa).
4. A letter written twice is written once (Quetta, Muhammad, Abbottabad, waterr).

Both sides go through it: search/documents.py indexes the key of every Latin word of a record's names
(where it differs from the word), and search/variants.py searches the key of every word typed besides the
word itself. Two words with one key find each other; nothing is replaced. Urdu script has its own folding
(search/text.py `fold`).
"""

import re

_VOWELS = set("aeiou")
_RULES = [
    (re.compile("ph"), "f"),
    (re.compile("qu"), "k"),
    (re.compile("q"), "k"),
    (re.compile("v"), "w"),
    (re.compile("ee|ea"), "i"),
    (re.compile("oo|ou"), "u"),
    (re.compile("aa"), "a"),
    (re.compile("y$"), "i"),
    (re.compile("(?<=[b-df-gj-np-tv-z])h"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]
MIN_LENGTH = 3  # shorter words (abbreviations, initials) keep their letters


def is_latin(word):
    return bool(word) and word.isascii() and word.isalpha()


def key(word):
    """The sound key of a Latin-script word; any other word comes back as it is."""
    word = word.lower()
    if not is_latin(word) or len(word) < MIN_LENGTH:
        return word
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return word


def keys(words):
    """The keys of `words` that differ from the word itself, once each, in order (what is indexed)."""
    found = {}
    for word in words:
        folded = key(word)
        if folded != word.lower():
            found[folded] = None
    return list(found)
