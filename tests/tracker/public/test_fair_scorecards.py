"""Fair scorecards (issue 26, item 4): a person's figures count what fell due on their watch. Commitments
already overdue on the day they took the office are shown apart, as inherited, and not counted as overdue
against them; the dashboard's line of offices with the most overdue commitments says so beside the holder."""

import datetime

import pytest

from tests import factories, scenario
from tests.pages import page_text, parsed, words

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def chief_minister():
    """Two chief ministers: one until 2023, one since March 2024, who inherits two overdue commitments and
    sees a third fall due on her watch."""
    before, after = factories.PersonFactory(name="Jam Kamal"), factories.PersonFactory(name="Sarfraz Bugti")
    office = scenario.publish(
        scenario.office(
            title="Chief Minister Balochistan",
            kind="elected",
            organization=factories.OrganizationFactory(name="Government of Balochistan"),
            tenures=[(before, D(2018, 8, 19), D(2023, 8, 12), "elected", "term_ended"), (after, D(2024, 3, 2))],
        )
    )
    for title, deadline in (("Dams for Quetta", D(2020, 6, 30)), ("Metro bus", D(2022, 12, 31))):
        scenario.published_commitment(title=title, made_on=D(2019, 1, 1), deadline=deadline, owner_office=office)
    scenario.published_commitment(
        title="Solar tube wells", made_on=D(2024, 6, 1), deadline=D(2025, 6, 30), owner_office=office
    )
    return office, before, after


def test_a_holder_is_not_counted_overdue_for_what_was_overdue_when_she_took_office(client, chief_minister):
    _office, before, after = chief_minister
    totals = client.get(after.get_absolute_url()).context["totals"]
    assert totals["owned"] == 3
    assert totals["overdue"] == 1  # the solar tube wells, due on her watch
    assert totals["inherited"] == 2  # already overdue in March 2024
    text = page_text(client.get(after.get_absolute_url()))
    assert "Inherited overdue" in text and "already overdue on the day they took an office" in text
    # The one before her let them fall due: overdue against him, inherited by nobody.
    earlier = client.get(before.get_absolute_url()).context["totals"]
    assert (earlier["overdue"], earlier["inherited"]) == (2, 0)


def test_the_inherited_figure_lists_exactly_those_commitments(client, chief_minister):
    _office, _before, after = chief_minister
    listed = page_text(client.get("/commitments/", {"scorecard": after.slug, "scored": "inherited"}))
    assert "Dams for Quetta" in listed and "Metro bus" in listed and "Solar tube wells" not in listed


def test_the_dashboard_says_how_many_were_overdue_before_the_holder(client, chief_minister):
    said = words(parsed(client, "/").find(id="owners-h").find_parent("section"))
    assert (
        "Chief Minister Balochistan : 3 overdue — Sarfraz Bugti (since March 2024; 2 were already overdue then)" in said
    )


def test_each_holder_of_each_office_gets_its_own_count_of_what_was_overdue_before_them(client, chief_minister):
    """Co-holders of one office, and the holders of another office, each counted against their own start
    (one aggregate query counts them all); a commitment naming an office in two roles is counted once."""
    office, _before, after = chief_minister
    deputy = factories.PersonFactory(name="Zahoor Buledi")
    secretary = scenario.publish(
        scenario.office(
            title="Secretary Irrigation",
            kind="appointed",
            organization=factories.OrganizationFactory(name="Irrigation Department"),
            tenures=[(deputy, D(2021, 1, 1))],
        )
    )
    for title, deadline in (("Canal lining", D(2020, 6, 30)), ("Kachhi canal", D(2022, 6, 30))):
        commitment = scenario.published_commitment(
            title=title, made_on=D(2019, 1, 1), deadline=deadline, owner_office=secretary
        )
        factories.CommitmentOwnerFactory(commitment=commitment, office=secretary, role="political")
    said = words(parsed(client, "/").find(id="owners-h").find_parent("section"))
    assert "Secretary Irrigation : 2 overdue — Zahoor Buledi (since January 2021; 1 was already overdue then)" in said
    assert f"{office.title} : 3 overdue — {after.name} (since March 2024; 2 were already overdue then)" in said
