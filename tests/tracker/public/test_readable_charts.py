"""The accountability page's charts are readable (issue 26, item 5): each chart's title is shown, not only
read to screen readers, and every bar's label is written whole ("Political owner: elected offi…" was cut)."""

import pytest

from tests.pages import parsed, words

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/accountability/", "/ur/accountability/"])
def test_every_chart_shows_its_title_and_whole_labels(client, quetta, path):
    page = parsed(client, path)
    charts = page.select("figure.chart")
    assert charts
    for chart in charts:
        assert words(chart.find("figcaption")) == words(chart.find("title"))
        labels = [words(label) for label in chart.select("text.chart-label")]
        assert labels and not any(label.endswith("…") for label in labels)
    owners = [words(label) for label in charts[0].select("text.chart-label")]
    response = client.get(path)
    assert owners == [str(group.label) for group in response.context["report"].owner_groups]
