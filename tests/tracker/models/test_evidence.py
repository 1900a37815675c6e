"""The kinds of source and what does not prove delivery (tracker/models/evidence.py): the ranking, every worked
case of the methodology page run through the rule itself, and the rule on every publish through the service."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests import factories, scenario
from tracker.models import Commitment, PublicRevision
from tracker.models.evidence import EDGE_CASES, RANKING, method_of, status_evidence_problem
from tracker.models.vocabulary import CommitmentStatus, SourceKind

D = datetime.date
ADVICE = (
    "Cite a source that can prove delivery, such as an audit report, a notification or a news report of the "
    "work done (methodology: what does not count)."
)


def test_twelve_kinds_ranked_and_the_last_four_cannot_prove_delivery():
    assert [method.rank for method in RANKING] == list(range(1, 13))
    assert [str(method.label) for method in RANKING][:3] == [
        "Official notification or gazette",
        "Audit report (Auditor-General of Pakistan)",
        "Court order",
    ]
    cannot = [method.kind for method in RANKING if not method.proves_delivery]
    assert cannot == [
        SourceKind.PLAN_OR_BUDGET,
        SourceKind.PRESS_RELEASE,
        SourceKind.ANNOUNCEMENT,
        SourceKind.INAUGURATION,
    ]
    assert [method.rank for method in RANKING if not method.proves_delivery] == [9, 10, 11, 12]
    assert method_of("") is None and method_of("news_report").rank == 7


def test_at_least_twelve_worked_cases_both_ways():
    assert len(EDGE_CASES) >= 12
    assert {case.counts for case in EDGE_CASES} == {True, False}
    assert {CommitmentStatus.DELIVERED, CommitmentStatus.PARTIALLY_DELIVERED} <= {case.status for case in EDGE_CASES}


@pytest.mark.parametrize("case", EDGE_CASES, ids=lambda case: str(case.situation)[:50])
def test_each_worked_case_is_what_the_rule_decides(case):
    problem = status_evidence_problem(case.status, case.kinds)
    assert (problem is None) == case.counts, problem


def test_the_refusal_says_why_in_plain_words():
    problem = status_evidence_problem("delivered", ["inauguration"])
    assert problem == (
        "“Delivered” cannot rest on this evidence. A foundation stone or an inauguration does not show that "
        f"water, a school or a road reached anyone. {ADVICE}"
    )
    both = status_evidence_problem("partially_delivered", ["press_release", ""])
    assert both.startswith("“Partially delivered” cannot rest on this evidence. A press release is the government")
    assert "The kind of its source is not given (not graded)." in both
    assert status_evidence_problem("delivered", []) == f"“Delivered” needs a status change with its source. {ADVICE}"


@pytest.mark.django_db
def test_a_publish_is_refused_when_the_delivered_status_rests_on_a_ceremony():
    record = scenario.published_commitment(title="Water plant for Sariab")
    scenario.add_status_change(record, "delivered", on=D(2024, 5, 1), kind=SourceKind.INAUGURATION)
    with pytest.raises(ValidationError) as refused:
        scenario.publish(record, summary="Delivered")
    [message] = refused.value.messages
    assert "A foundation stone or an inauguration does not show that water" in message
    assert Commitment.objects.get(pk=record.pk).status == "not_started"
    assert PublicRevision.objects.for_record(record).count() == 1


@pytest.mark.django_db
def test_only_the_changes_that_set_the_status_count():
    # Delivered on an audit report long ago does not carry a later Delivered that rests on a speech.
    record = scenario.unsaved_commitment(
        changes=[
            {"to_status": "delivered", "on": D(2022, 1, 1), "kind": "audit_report"},
            {"to_status": "stalled", "on": D(2022, 6, 1)},
            {"to_status": "delivered", "on": D(2023, 1, 1), "kind": "announcement"},
        ]
    )
    with pytest.raises(ValidationError, match="An announcement or a speech promises again"):
        scenario.publish(record)
    # A press release and a news report of the same day behind one status: the news report is independent.
    record = scenario.unsaved_commitment(
        changes=[
            {"to_status": "delivered", "on": D(2023, 1, 1), "kind": "press_release"},
            {"to_status": "delivered", "on": D(2023, 1, 1), "kind": "news_report", "from_status": "not_started"},
        ]
    )
    scenario.publish(record)
    assert Commitment.objects.get(pk=record.pk).live


@pytest.mark.django_db
def test_a_promise_quote_needs_a_source():
    record = scenario.unsaved_commitment(source_quote="Every family in Satellite Town will have clean water.")
    with pytest.raises(ValidationError) as refused:
        scenario.publish(record)
    assert refused.value.messages == [
        "The quote of the promise needs its source: add a source below saying where the words were said or "
        "written, or leave the quote out."
    ]
    assert not Commitment.objects.filter(live=True).exists()
    record.sources.add(factories.CommitmentSourceFactory.build(commitment=record, kind="news_report"))
    scenario.publish(record)
    assert Commitment.objects.get(pk=record.pk).live


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["ftp://example.org/notice.pdf", "javascript:alert(1)", "file:///etc/passwd"])
def test_a_source_address_must_be_http_or_https(url):
    record = scenario.unsaved_commitment(sources=[{"url": url, "title": "The notice", "kind": "notification"}])
    with pytest.raises(ValidationError) as refused:
        scenario.publish(record)
    assert any(
        "Give a web address that starts with http:// or https://, one anyone can open in a browser." in message
        for message in refused.value.messages
    ), refused.value.messages
    assert not Commitment.objects.exists()


@pytest.mark.django_db
def test_evidence_saved_before_sources_were_graded_does_not_stop_an_unrelated_edit():
    # A commitment delivered before kinds existed: its evidence is saved, not graded.
    record = scenario.published_commitment(title="Water plant for Sariab")
    factories.StatusChangeFactory(
        commitment=record, from_status="not_started", to_status="delivered", effective_date=D(2021, 3, 1), kind=""
    )
    Commitment.objects.filter(pk=record.pk).update(status="delivered")
    record = Commitment.objects.get(pk=record.pk)
    record.title = "Water filtration plant for Sariab"
    scenario.publish(record, summary="Title corrected")
    assert Commitment.objects.get(pk=record.pk).title == "Water filtration plant for Sariab"
    # New evidence is held to the rule: a later Delivered on an ungraded source is refused.
    scenario.add_status_change(record, "stalled", on=D(2022, 1, 1), kind="news_report")
    scenario.add_status_change(record, "delivered", on=D(2022, 6, 1), kind="")
    with pytest.raises(ValidationError, match="Cite a source that can prove delivery"):
        scenario.publish(record, summary="Delivered again")
