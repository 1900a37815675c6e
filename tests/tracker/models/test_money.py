"""Money as Pakistani readers write it (tracker/models/money.py): known amounts, the decision page, and
properties over every amount a decision can hold."""

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tracker.models.money import CRORE, LAKH, exact_rupees, group_lakh, rupees

# A decision's amount_pkr: up to 16 digits, no decimals.
AMOUNTS = st.integers(min_value=-(10**16) + 1, max_value=10**16 - 1)


@pytest.mark.parametrize(
    "amount, written",
    [
        (Decimal("1200000000"), "Rs 120 crore"),
        (Decimal("45000000"), "Rs 4.5 crore"),
        (40_000_000, "Rs 4 crore"),
        (6_000_000_000, "Rs 600 crore"),
        (123_456_789, "Rs 12.35 crore"),
        (12_000_000_000_000, "Rs 12,00,000 crore"),
        (450_000, "Rs 4.5 lakh"),
        (100_000, "Rs 1 lakh"),
        (9_999_999, "Rs 1 crore"),  # not "Rs 100 lakh"
        (45_000, "Rs 45,000"),
        (999, "Rs 999"),
        (0, "Rs 0"),
        ("2500000000", "Rs 250 crore"),
        (-450_000, "Rs -4.5 lakh"),
    ],
)
def test_amounts_are_written_in_lakh_and_crore(amount, written):
    assert rupees(amount) == written


@pytest.mark.parametrize("nothing", [None, "", "twelve", "NaN", "Infinity", True])
def test_no_amount_writes_nothing(nothing):
    assert rupees(nothing) == "" and exact_rupees(nothing) == ""


def test_the_whole_figure_is_grouped_in_lakhs_and_crores():
    assert exact_rupees(1_200_000_000) == "Rs 1,20,00,00,000"
    assert group_lakh(123_456_789) == "12,34,56,789"
    assert group_lakh(-1000) == "-1,000"


def test_the_template_filters_write_the_same():
    out = Template("{% load tracker_tags %}{{ a|rupees }} / {{ a|exact_rupees }}").render(
        Context({"a": Decimal("1200000000")})
    )
    assert out == "Rs 120 crore / Rs 1,20,00,00,000"


def test_the_words_come_from_the_translation_catalogue(monkeypatch):
    """An Urdu rendering is a translation of the "money" strings, with the number put in by name."""
    seen = []

    def pgettext(context, message):
        seen.append((context, message))
        return "%(amount)s کروڑ روپے" if "crore" in message else message

    monkeypatch.setattr("tracker.models.money.pgettext", pgettext)
    with translation.override("ur"):
        assert rupees(1_200_000_000) == "120 کروڑ روپے"
    assert seen == [("money", "Rs %(amount)s crore")]


@given(AMOUNTS)
def test_grouping_keeps_every_digit_in_groups_of_two_after_the_last_three(number):
    grouped = group_lakh(number)
    assert grouped.replace(",", "") == str(number)
    assert re.fullmatch(r"-?(\d{1,2}(,\d{2})*,)?\d{1,3}", grouped)
    if abs(number) >= 1000:
        assert re.fullmatch(r"-?\d{1,2}(,\d{2})*,\d{3}", grouped)


@given(AMOUNTS)
def test_the_written_amount_is_the_amount_rounded_to_a_hundredth_of_its_unit(number):
    written = rupees(number)
    match = re.fullmatch(r"Rs (-?[\d,]+(?:\.\d{1,2})?)(?: (lakh|crore))?", written)
    assert match, written
    value = Decimal(match[1].replace(",", ""))
    unit = {"lakh": LAKH, "crore": CRORE, None: 1}[match[2]]
    assert abs(value * unit - number) <= unit / 200
    assert not match[1].endswith((".0", "."))  # trailing zeros trimmed
    if match[2] == "lakh":
        assert LAKH <= abs(number) < CRORE and abs(value) < 100
    elif match[2] is None:
        assert abs(number) < LAKH and written == exact_rupees(number)
    else:
        assert abs(number) >= CRORE - LAKH / 200


@given(AMOUNTS)
def test_the_exact_figure_keeps_every_rupee(number):
    assert exact_rupees(number) == f"Rs {group_lakh(number)}"
    assert exact_rupees(Decimal(number)) == exact_rupees(str(number))
