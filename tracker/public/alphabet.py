"""Names in the order of a reader's alphabet, for the index pages (browse.py) and my district
(districts.py): English A to Z; Urdu in the order of Urdu dictionaries, not of Unicode (which puts پ, ٹ,
چ, ڈ, ک and گ after ی), with the Arabic letter forms of Urdu read as Urdu; a name's first letter for the
bar of letters; and a name's words folded for the filter box."""

import unicodedata

# The Urdu alphabet in the order of Urdu dictionaries (آ is read with ا).
URDU_ALPHABET = "اآبپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیے"
URDU_RANK = {letter: rank for rank, letter in enumerate(URDU_ALPHABET)}
# Arabic letter forms typed for Urdu ones (an Arabic keyboard has no ی, ک or ہ), and letters with a hamza
# read as the letter.
URDU_FORMS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ه": "ہ",
        "ة": "ہ",
        "ۃ": "ہ",
        "ۂ": "ہ",
        "ۀ": "ہ",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ۓ": "ے",
    }
)
# Marks that do not change a word: harakat, the superscript alef, tatweel and the zero-width joiners.
IGNORED = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640, 0x200C, 0x200D])


def fold(text):
    """`text` as the filter compares it: NFKC, Urdu letter forms made one, marks dropped, in any case.
    (Search folds more, in search/text.py; the index only needs a name's own letters.)"""
    return unicodedata.normalize("NFKC", text or "").translate(URDU_FORMS).translate(IGNORED).casefold()


def is_urdu(letter):
    return letter in URDU_RANK


def _latin(text):
    """`text` without accents, in any case: how an English name is sorted."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def sort_key(name):
    """Names written in Urdu first, in the Urdu alphabet's order; then the others, A to Z."""
    folded = fold(name).strip()
    first = next((c for c in folded if c.isalnum()), "")
    if is_urdu(first):
        return (0, tuple(URDU_RANK.get(c, -1 if c.isspace() else len(URDU_ALPHABET)) for c in folded), "")
    return (1, (), _latin(folded))


def initial(name):
    """The letter a name is listed under: its first letter (A-Z, or an Urdu letter, آ under ا); "#" for
    a name that begins with a digit or anything else."""
    for c in fold(name):
        if is_urdu(c):
            return "ا" if c == "آ" else c
        if c.isalnum():
            letter = _latin(c).upper()[:1]
            return letter if "A" <= letter <= "Z" else "#"
    return "#"


def name_words(text):
    return [fold(word) for word in str(text or "").split()][:12]
