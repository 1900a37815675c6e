"""The Urdu words search indexes for the vocabulary (search/urdu.py) and the Urdu labels the site shows
(the translation catalogue): whatever the catalogue calls a status or a sector, typing it finds its records."""

from pathlib import Path

import pytest
from django.utils import translation

from search import urdu
from search.text import search_words, spelling

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "ur" / "LC_MESSAGES" / "django.po"


def test_every_value_of_the_vocabulary_has_urdu_words():
    for vocabulary, words in urdu.VOCABULARY.items():
        assert set(words) == set(vocabulary.values), vocabulary.__name__
        assert all(words[value] for value in vocabulary.values), vocabulary.__name__


def test_the_catalogues_urdu_labels_are_among_the_words_search_indexes():
    polib = pytest.importorskip("polib")
    if not CATALOGUE.exists():
        pytest.skip("no Urdu catalogue yet")
    translations = {entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUE)) if entry.msgstr}
    missing = {}
    for vocabulary, words in urdu.VOCABULARY.items():
        for value in vocabulary.values:
            with translation.override("en"):
                english = str(vocabulary(value).label)
            label = translations.get(english)
            indexed = {word for text in words[value] for word in search_words(text)}
            if label and not set(search_words(label)) <= indexed:
                missing[f"{vocabulary.__name__}.{value}"] = label
    # Add each label to its value's words in search/urdu.py.
    assert missing == {}


def test_spellings_name_one_word_each():
    for word, variants in urdu.SPELLINGS.items():
        assert len(search_words(word)) == 1 and all(len(search_words(v)) == 1 for v in variants)
        assert spelling(search_words(word)[0]) == search_words(word)[0]
