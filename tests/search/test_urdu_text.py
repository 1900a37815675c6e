"""The one normalisation search applies to Urdu and Arabic-script text, before indexing and to queries
(search.text.search_words), and the highlights that mark a record's own text although the backends match
its folded copy (search.highlights). No database: these are the functions every backend goes through."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.highlights import in_original
from search.text import MARK_END, MARK_START, fold, index_text, parse_query, search_words, words

# Urdu letters, each as written in Urdu and the other ways it arrives (Arabic keyboards, older text).
VARIANTS = {
    "ک": ["ك"],
    "ی": ["ي", "ى"],
    "ہ": ["ه", "ھ", "ۃ", "ة"],
    "ا": ["أ", "إ", "آ", "ٱ"],
    "و": ["ؤ"],
}
LETTERS = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہیے"
# Marks that may sit on any letter without changing it: harakat, shadda, sukun, superscript alef; tatweel
# and the joiners between letters. (Hamza and madda above are left out: on ے hamza makes ۓ, another letter.)
NOISE = [
    "\u064b",
    "\u064c",
    "\u064d",
    "\u064e",
    "\u064f",
    "\u0650",
    "\u0651",
    "\u0652",
    "\u0670",
    "\u0640",
    "\u200c",
    "\u200d",
]
URDU_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

urdu_words = st.text(alphabet=LETTERS + URDU_DIGITS, min_size=1, max_size=10)


@st.composite
def typed_another_way(draw, word):
    """`word` as someone else might type it: other letter forms, marks, tatweel, joiners, Arabic digits."""
    typed = []
    for char in word:
        if char in VARIANTS and draw(st.booleans()):
            char = draw(st.sampled_from(VARIANTS[char]))
        elif char in URDU_DIGITS and draw(st.booleans()):
            char = ARABIC_DIGITS[URDU_DIGITS.index(char)]
        typed.append(char)
        typed += draw(st.lists(st.sampled_from(NOISE), max_size=2))
    return "".join(typed)


@given(st.text())
def test_words_are_runs_of_letters_digits_and_marks(value):
    runs, current = [], ""
    for char in value + " ":
        if unicodedata.category(char)[0] in "LNM":
            current += char
        elif current:
            runs, current = [*runs, current], ""
    assert words(value) == runs


@given(st.text())
def test_folding_twice_changes_nothing(value):
    assert fold(fold(value)) == fold(value)
    assert index_text(index_text(value)) == index_text(value)


@given(st.data(), st.lists(urdu_words, min_size=1, max_size=5))
def test_every_way_of_typing_a_word_reads_the_same(data, words):
    text = " ".join(words)
    typed = " ".join(data.draw(typed_another_way(word)) for word in words)
    assert index_text(typed) == index_text(text)
    assert parse_query(typed).terms == parse_query(text).terms


@pytest.mark.parametrize(
    ("spellings", "why"),
    [
        (["کوئٹہ", "كوئٹه", "کویٹہ", "کوئـٹہ"], "Arabic kaf and heh, yeh with hamza, tatweel"),
        (["پھول", "پهول", "پہول"], "do-chashmi he typed as Arabic heh (Arabic keyboards have no ھ)"),
        (["ہسپتال", "هسپتال", "ھسپتال", "اسپتال"], "heh forms, and the other spelling of hospital"),
        (["اسکول", "سکول", "اسكول"], "school with and without the alef"),
        (["تعلیم", "تعليم", "تَعْلِیم", "تعـلیم", "تع\u200cلیم"], "Arabic yeh, harakat, tatweel, joiner"),
        (["جائے", "جاۓ"], "yeh barree with hamza is ئے"),
        (["مؤثر", "موثر"], "waw with hamza"),
        (["آباد", "اباد", "أباد"], "alef with madda or hamza"),
        (["ابتداء", "ابتدا"], "standalone hamza"),
        (["زکوٰۃ", "زکوة", "زکوہ"], "superscript alef and teh marbuta"),
        (["اعلیٰ", "اعلی", "اعلى"], "superscript alef and alef maksura"),
        (["کمشنر", "کمیشنر"], "commissioner's two spellings"),
        (["۲۰۲۴", "٢٠٢٤", "2024"], "Urdu, Arabic and ASCII digits"),
        (["ﻛﺘﺎﺏ", "کتاب"], "Arabic presentation forms"),
    ],
)
def test_variant_spellings_are_one_word(spellings, why):
    assert len({index_text(s) for s in spellings}) == 1, why


@pytest.mark.parametrize(
    ("one", "other"),
    [("صحت", "صحہ"), ("کے", "کی"), ("ٹ", "ت"), ("ڈ", "د"), ("ں", "ن"), ("ڑ", "ر"), ("اسلام", "سلام")],
)
def test_different_letters_stay_different(one, other):
    assert index_text(one) != index_text(other)


def test_queries_leave_out_urdu_words_without_meaning():
    query = parse_query("کوئٹہ کے سکول میں پانی")
    assert query.terms == [index_text("کوئٹہ"), index_text("اسکول"), index_text("پانی")]
    assert parse_query('"رکا ہوا" منصوبہ').phrases == [["رکا", "ہوا"]]


def test_urdu_punctuation_ends_a_word():
    assert search_words("پانی۔ سڑک، بجلی؟") == ["پانی", "سڑک", "بجلی"]


def backend_highlight(text, word):
    """What a backend answers: the folded text with the word's occurrences marked."""
    target = index_text(word)
    return " ".join(f"{MARK_START}{w}{MARK_END}" if w == target else w for w in index_text(text).split())


@pytest.mark.parametrize(
    ("original", "query", "expected"),
    [
        ("سيكرٹريٹ كے ليے فائل ٹریکنگ", "سیکرٹریٹ", "<سيكرٹريٹ> كے ليے فائل ٹریکنگ"),
        ("کوئٹہ میں تَعْلِیمی وظـائف", "وظائف", "کوئٹہ میں تَعْلِیمی <وظـائف>"),
        ("کوئٹہ میں تَعْلِیمی وظـائف", "تعلیمی", "کوئٹہ میں <تَعْلِیمی> وظـائف"),
        ("ہم جاۓ گے، پانی۔", "پانی", "ہم جاۓ گے، <پانی>۔"),
        ("نئی پا\u200cنی اسکیم", "پانی", "نئی <پا\u200cنی> اسکیم"),
        ("Pakistan's schools", "Pakistan", "<Pakistan>'s schools"),
    ],
)
def test_highlights_mark_the_words_as_written(original, query, expected):
    marked = in_original(original, backend_highlight(original, query))
    assert marked.replace(MARK_START, "<").replace(MARK_END, ">") == expected


def test_a_snippet_is_the_same_part_of_the_text_as_written():
    original = "پہلا جملہ۔ ضلع کے ہر یونین کونسل میں پانی صاف کرنے کے پلانٹ۔ آخری جملہ۔"
    folded = index_text(original).split()
    fragment = " ".join(f"{MARK_START}{w}{MARK_END}" if w == "پلانٹ" else w for w in folded[5:14])
    assert in_original(original, "…" + fragment + "…", whole=False) == (
        "…یونین کونسل میں پانی صاف کرنے کے " + MARK_START + "پلانٹ" + MARK_END + "۔ آخری…"
    )


@given(st.data(), st.lists(urdu_words, min_size=1, max_size=8))
def test_highlights_keep_the_text_and_mark_only_the_word(data, words):
    written = [data.draw(typed_another_way(word)) for word in words]
    original = " ".join(written)
    chosen = data.draw(st.sampled_from(words))
    marked = in_original(original, backend_highlight(original, chosen))
    assert marked.replace(MARK_START, "").replace(MARK_END, "") == original
    pieces = marked.split(MARK_START)[1:]
    assert pieces, "the chosen word is marked"
    for piece in pieces:
        assert index_text(piece.split(MARK_END)[0]) == index_text(chosen)
