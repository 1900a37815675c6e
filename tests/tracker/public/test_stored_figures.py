"""Kept figures (summaries' rows, the report cache) are read back with their lazy strings still lazy: a
label or list address stored while one language was active reads in the language of the page that
shows it, and reading many of them back does not build a proxy class for each."""

import pickle

from django.utils import translation
from django.utils.translation import gettext_lazy

from tracker.public import stored_figures
from tracker.public.delivery import Share, list_url


def test_labels_and_list_addresses_read_in_the_language_of_the_page_that_shows_them():
    with translation.override("en"):
        data = stored_figures.dumps(
            {"label": gettext_lazy("Delivered"), "share": Share(3, 12, list_url({"owner": "x"}, status="delivered"))}
        )
    with translation.override("ur"):
        figures = stored_figures.loads(data)
        assert str(figures["label"]) == "مکمل"
        assert str(figures["share"].url) == "/ur/commitments/?owner=x&status=delivered"
    with translation.override("en"):
        assert str(figures["label"]) == "Delivered"
        assert str(figures["share"].url) == "/commitments/?owner=x&status=delivered"
    assert figures["share"].count == 3 and figures["share"].total == 12


def test_lazy_strings_of_one_function_share_one_proxy_class():
    data = stored_figures.dumps([gettext_lazy("Delivered"), gettext_lazy("Broken"), gettext_lazy("Stalled")])
    first, *others = stored_figures.loads(data)
    again = stored_figures.loads(data)[0]
    assert all(type(other) is type(first) for other in [*others, again])
    # Python's own unpickling makes a class for every lazy string it reads, which is what this avoids.
    plain = pickle.loads(pickle.dumps([gettext_lazy("Delivered"), gettext_lazy("Broken")]))  # noqa: S301
    assert type(plain[0]) is not type(plain[1])


def test_rows_written_by_plain_pickle_still_read():
    with translation.override("en"):
        assert str(stored_figures.loads(pickle.dumps({"label": gettext_lazy("Broken")}))["label"]) == "Broken"
