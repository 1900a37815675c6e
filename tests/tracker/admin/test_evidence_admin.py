"""What does not count, in the admin: publishing a commitment as Delivered on a ceremony, or a promise quote
without a source, is refused under the field it is about, in the rule's words, and nothing is published;
a draft may still be saved. The kind of source is a field of every source and status change."""

import pytest
from django.urls import reverse

from tests.factories import JurisdictionFactory
from tests.tracker.admin.editing import ADD, EDIT, commitment_form, edit_form
from tracker.models import Commitment, PublicRevision

pytestmark = pytest.mark.django_db

CEREMONY = "A foundation stone or an inauguration does not show that water, a school or a road reached anyone."
ADVICE = "Cite a source that can prove delivery, such as an audit report, a notification or a news report"
QUOTE = "The quote of the promise needs its source"


def change(kind, to_status="delivered", **fields):
    return {
        "from_status": "not_started",
        "to_status": to_status,
        "effective_date": "2021-08-01",
        "recorded_on": "2021-08-03",
        "note": "",
        "url": "https://example.org/plant-opened",
        "title": "Minister opens the plant",
        "publisher": "Example News",
        "published_on": "2021-08-01",
        "quote": "",
        "archive_url": "",
        "kind": kind,
        **fields,
    }


def source(kind="news_report", **fields):
    return {
        "url": "https://example.org/promise",
        "title": "CM promises clean water",
        "publisher": "Example News",
        "published_on": "2019-05-02",
        "quote": "",
        "archive_url": "",
        "kind": kind,
        **fields,
    }


def sources_formset(*rows):
    from wagtail.test.utils.form_data import inline_formset

    return inline_formset(list(rows))


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def test_the_edit_form_has_the_kind_of_source_with_every_kind(client, admin_user, offices):
    client.force_login(admin_user)
    html = client.get(reverse(ADD)).content.decode()
    assert "Kind of source" in html
    assert "Audit report (Auditor-General of Pakistan)" in html and "Inauguration or foundation stone" in html


def test_publishing_delivered_on_an_inauguration_is_refused_under_the_status(client, admin_user, offices):
    client.force_login(admin_user)
    form = commitment_form(
        offices, jurisdiction=JurisdictionFactory().pk, status="delivered", status_changes=[change("inauguration")]
    )
    response = client.post(reverse(ADD), {**form, "action-publish": "action-publish"})
    assert response.status_code == 200  # the form again, with the reason under the status
    [error] = errors_of(response, "status")
    assert CEREMONY in error and ADVICE in error
    assert CEREMONY in response.content.decode().replace("&#x27;", "'")
    assert not Commitment.objects.exists() and not PublicRevision.objects.exists()

    # A draft may still be saved: the evidence is asked for when it is published.
    response = client.post(reverse(ADD), form)
    assert response.status_code == 302
    assert Commitment.objects.get().live is False

    # The editor grades the same evidence as a news report of the work done: it publishes.
    record = Commitment.objects.get()
    draft = record.get_latest_revision_as_object()
    graded = {**change("news_report"), "id": draft.status_changes.get().pk}
    form = edit_form(offices, record, status="delivered", status_changes=[graded])
    form["status_changes-INITIAL_FORMS"] = "1"
    response = client.post(reverse(EDIT, args=[record.pk]), {**form, "action-publish": "action-publish"})
    assert response.status_code == 302, errors_of(response, "status")
    record.refresh_from_db()
    assert record.live and record.status == "delivered"
    [revision] = PublicRevision.objects.for_record(record)
    assert revision.content["parts"]["status_changes"][0]["kind"] == {"value": "news_report", "label": "News report"}


def test_an_ungraded_source_cannot_carry_partially_delivered(client, admin_user, offices):
    client.force_login(admin_user)
    form = commitment_form(
        offices,
        jurisdiction=JurisdictionFactory().pk,
        status="partially_delivered",
        status_changes=[change("", to_status="partially_delivered")],
    )
    response = client.post(reverse(ADD), {**form, "action-publish": "action-publish"})
    [error] = errors_of(response, "status")
    assert error.startswith("“Partially delivered” cannot rest on this evidence.")
    assert "The kind of its source is not given (not graded)." in error
    assert not Commitment.objects.exists()


def test_a_promise_quote_without_a_source_is_refused_under_the_quote(client, admin_user, offices):
    client.force_login(admin_user)
    quote = "Every family in Satellite Town will have clean water this summer."
    form = commitment_form(offices, jurisdiction=JurisdictionFactory().pk, source_quote=quote)
    response = client.post(reverse(ADD), {**form, "action-publish": "action-publish"})
    [error] = errors_of(response, "source_quote")
    assert error.startswith(QUOTE)
    assert not Commitment.objects.exists()

    form = commitment_form(offices, jurisdiction=JurisdictionFactory().pk, source_quote=quote)
    form.update({key: value for key, value in _prefixed("sources", sources_formset(source())).items()})
    response = client.post(reverse(ADD), {**form, "action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors
    record = Commitment.objects.get()
    assert record.live and record.sources.get().kind == "news_report"


def _prefixed(prefix, formset):
    from wagtail.test.utils.form_data import nested_form_data

    return nested_form_data({prefix: formset})
