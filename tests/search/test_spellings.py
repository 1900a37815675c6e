"""The pieces of search as Pakistan types, without a backend: the sound key of Latin names, the Roman
Urdu and abbreviation tables, and how a query's words are searched together with their other forms."""

import re
from pathlib import Path

import pytest

from search import phonetic, variants
from search.abbreviations import ABBREVIATIONS
from search.roman_urdu import WORDS
from search.text import parse_query, search_words
from search.urdu import VOCABULARY
from tracker.models.vocabulary import CommitmentStatus, Sector

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Hina", "Heena"),
        ("Shahwani", "Shahwaani"),
        ("Pakhtunkhwa", "Pakhtoonkhwa"),
        ("Quetta", "Qetta"),
        ("water", "waterr"),
        ("Qureshi", "Qureshy"),
        ("Yousafzai", "Yousafzay"),
        ("Rawalpindi", "Ravalpindi"),
        ("Farooqi", "Pharooqi"),
    ],
)
def test_spellings_of_one_name_share_a_sound_key(one, other):
    assert phonetic.key(one) == phonetic.key(other)


@pytest.mark.parametrize(("one", "other"), [("Lahore", "Multan"), ("Hina", "Sana"), ("school", "schools")])
def test_different_names_keep_different_keys(one, other):
    assert phonetic.key(one) != phonetic.key(other)


def test_short_words_and_urdu_script_keep_their_letters():
    assert phonetic.key("DC") == "dc"
    assert phonetic.key("کوئٹہ") == "کوئٹہ"
    assert phonetic.keys(["hina", "shahwani", "quetta"]) == ["sahwani", "keta"]


def groups(raw):
    return variants.expand(parse_query(raw)).groups


def test_roman_urdu_is_searched_with_its_urdu_and_english_words_as_typed_first():
    (pani,) = groups("pani")
    assert pani[0] == ["pani"]
    assert [search_words("پانی")[0]] in pani
    assert ["water"] in pani
    assert groups("paani")[0][1:] == groups("pani")[0][1:] + [["pani"]]


@pytest.mark.parametrize(
    ("raw", "long_form"),
    [
        ("DC Quetta", ["deputy", "commissioner"]),
        ("kp", ["khyber", "pakhtunkhwa"]),
        ("C&W Balochistan", ["communication", "works"]),
        ("ICT", ["islamabad", "capital", "territory"]),
    ],
)
def test_abbreviations_are_searched_with_their_long_form(raw, long_form):
    first = groups(raw)[0]
    assert first[0] == [w for w in search_words(raw.split()[0])]
    assert long_form in first


def test_words_without_other_forms_are_searched_alone():
    assert groups("Lahore") == [[["Lahore"]]]
    assert parse_query("anything").word_groups() == [[["anything"]]]


def test_the_autocomplete_completes_an_abbreviation_to_its_long_form():
    assert variants.completions("DC Que") == ["Deputy Commissioner Que"]
    assert variants.completions("Quetta") == []


@pytest.mark.parametrize("vocabulary", [Sector, CommitmentStatus])
def test_every_sector_and_status_has_a_roman_urdu_row(vocabulary):
    rows = {urdu for _spellings, urdu_words, _english in WORDS for urdu in urdu_words}
    for value in vocabulary.values:
        assert rows & set(VOCABULARY[vocabulary][value]), value


def test_the_abbreviations_are_documented_as_the_table_has_them():
    documented = (ROOT / "docs" / "search.md").read_text()
    for abbreviation, long_forms in ABBREVIATIONS.items():
        assert re.search(rf"\| `{re.escape(abbreviation)}` \| {re.escape(long_forms[0])}", documented), abbreviation
