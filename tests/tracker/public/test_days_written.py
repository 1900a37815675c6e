"""Pages write days through the `day` filter (tracker/templatetags/in_language.py), which keeps what it wrote:
a reader sees each day exactly as the date filter writes it, in the page's language, whichever language
asked for it first."""

import datetime

from django.template.defaultfilters import date as date_filter
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tracker.templatetags.in_language import day

FORMATS = ("j M Y", "j F Y", "Y")


@given(
    st.dates(min_value=datetime.date(1947, 8, 14), max_value=datetime.date(2100, 12, 31)),
    st.sampled_from(FORMATS),
    st.permutations(["en", "ur"]),
)
def test_a_day_reads_as_the_date_filter_writes_it_in_each_language(value, written, languages):
    for language in languages:
        with translation.override(language):
            assert day(value, written) == date_filter(value, written)
            assert day(value, written) == date_filter(value, written)  # kept, and still the page's language


def test_urdu_pages_name_the_month_in_urdu():
    with translation.override("ur"):
        urdu = day(datetime.date(2021, 6, 30), "j F Y")
    with translation.override("en"):
        english = day(datetime.date(2021, 6, 30), "j F Y")
    assert english == "30 June 2021"
    assert urdu != english and "June" not in urdu


def test_moments_and_nothing_are_written_by_the_date_filter():
    moment = datetime.datetime(2021, 6, 30, 22, 15, tzinfo=datetime.UTC)
    assert day(moment, "j M Y, H:i") == date_filter(moment, "j M Y, H:i")
    assert day(None, "j M Y") == "" and day("", "j M Y") == ""
