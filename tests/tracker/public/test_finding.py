"""The accountability page's finding in words (issue 26, item 1): each rule of the methodology page, from
figures built by hand, and the paragraph at the top of the page in English and Urdu, following the filters."""

from types import SimpleNamespace

import pytest

from tests.pages import parsed, words
from tracker.public.delivery import Measures, Share
from tracker.public.finding import APART, NOTHING, OVERLAP, TOO_FEW, finding


def side(key, delivered, total):
    counted = Share(total, total, "")
    return Measures(key, key, counted, Share(0, 0, ""), [("delivered", "Delivered", Share(delivered, total, ""))], None)


def said(elected, administrator):
    return finding(SimpleNamespace(council_groups=[side("elected", *elected), side("administrator", *administrator)]))


def test_nothing_to_compare():
    found = said((0, 0), (0, 0))
    assert found.rule == NOTHING and "nothing to compare" in str(found)


def test_too_few_on_one_side_names_the_side_and_its_number():
    found = said((30, 60), (4, 9))
    assert found.rule == TOO_FEW
    assert str(found) == (
        "Only 9 commitments in this selection fell due while an administrator ran the council: too few (at least "
        "10) to compare."
    )


def test_overlapping_ranges_cannot_tell_them_apart():
    found = said((13, 40), (15, 45))
    assert found.rule == OVERLAP
    assert "13 of 40 (32%, range 20–48%)" in str(found) and "15 of 45 (33%, range 21–48%)" in str(found)
    assert "The ranges overlap: these records cannot tell the two apart." in str(found)


def test_ranges_apart_say_which_is_lower_and_never_why():
    found = said((120, 200), (40, 200))
    assert found.rule == APART
    text = str(found)
    assert "Fewer were delivered under administrators than under elected councils in these records." in text
    assert "they do not say what caused it" in text
    assert not any(word in text.lower() for word in ("because", "caused by", "due to", "led to"))
    assert said((40, 200), (120, 200)).sentences[1] == (
        "Fewer were delivered under elected councils than under administrators in these records."
    )


@pytest.mark.django_db
def test_the_page_opens_with_the_finding_in_both_languages_and_it_follows_the_filters(client, quetta):
    def finding_on(path):
        return words(parsed(client, path).find(id="finding-h").find_parent("section"))

    english = finding_on("/accountability/")
    # The slice of Quetta: nothing fell due under an elected council, a few under its administrator.
    assert english.startswith(
        "What these records say No commitment in this selection fell due while the council was elected: there is "
        "nothing to compare. Only "
    )
    assert "fell due while an administrator ran the council: too few (at least 10) to compare." in english
    assert finding_on("/ur/accountability/").startswith("یہ ریکارڈ کیا کہتے ہیں")
    assert "واجب الادا" in finding_on("/ur/accountability/")
    filtered = finding_on("/accountability/?province=punjab")
    assert "nothing to compare" in filtered
