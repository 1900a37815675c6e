"""Following a commitment through a real SMTP server: the confirmation is the only mail before opt-in, a
publish then mails the change itself (as the history's compare page says it) with one-click unsubscribe
headers, and one click ends it all."""

import datetime

import pytest
from django.urls import reverse

from tests import factories, scenario
from tests.tracker.following.conftest import html_of, link_in, text_of
from tracker.models import Commitment, Follow, Follower

D = datetime.date
pytestmark = pytest.mark.django_db


def follow(client, record_target, address="reader@example.org", **extra):
    return client.post(reverse("tracker:follow"), {"email": address, "target": record_target, **extra})


def confirm(client, message):
    link = link_in(message, "https://tracker.example/follow/confirm/")
    path = link.removeprefix("https://tracker.example")
    assert "Yes, send me the changes" in client.get(path).content.decode()
    return client.post(path)


def stall(promise, committed, to="stalled", **source):
    promise = Commitment.objects.get(pk=promise.pk)
    source = source or {
        "url": "https://example.org/news/stalled",
        "title": "Water project stalls",
        "quote": "No funds have been released since the tender.",
    }
    with committed():
        scenario.record_status_change(promise, to, on=D(2024, 3, 15), summary="Stalled: no funds", **source)
    return promise


def test_follow_confirm_receive_the_change_and_leave_in_one_click(client, mailbox, promise, committed):
    answer = follow(client, f"commitments/{promise.slug}")
    assert "Check your inbox" in answer.content.decode()
    [confirmation] = mailbox.messages()
    assert confirmation["To"] == "reader@example.org"
    assert confirmation["From"] == "Tracker alerts <alerts@tracker.example>"
    assert "Clean water for Quetta" in text_of(confirmation)

    # Before opting in, a publish sends nothing.
    stall(promise, committed)
    assert len(mailbox.messages()) == 1

    manage = confirm(client, confirmation)
    assert manage.status_code == 302 and "/follow/manage/" in manage["Location"]
    page = client.get(manage["Location"]).content.decode()
    assert "Commitment: Clean water for Quetta" in page and "reader@example.org" in page

    promise = Commitment.objects.get(pk=promise.pk)
    promise.deadline = D(2026, 12, 31)
    with committed():
        scenario.publish(promise, summary="Deadline moved to the end of 2026")
    [_confirmation, alert] = mailbox.messages()
    assert alert["To"] == "reader@example.org"
    assert "Clean water for Quetta" in alert["Subject"] and "Deadline" in alert["Subject"]
    text, html = text_of(alert), html_of(alert)
    assert "Deadline moved to the end of 2026" in text
    assert "31 December 2026" in text and "->" in text
    assert f"https://tracker.example/commitments/{promise.slug}/history/3/" in text
    assert f"https://tracker.example/commitments/{promise.slug}/history/compare/2/3/" in text
    assert "<del>" in html and "<ins>" in html
    unsubscribe = "".join(str(alert["List-Unsubscribe"]).split()).strip("<>")
    assert unsubscribe.startswith("https://tracker.example/follow/unsubscribe/")
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link_in(alert, "https://tracker.example/follow/manage/")

    # RFC 8058: the mail program POSTs, without cookie or CSRF token.
    one_click = scenario_client_without_csrf().post(
        unsubscribe.removeprefix("https://tracker.example"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200
    assert not Follower.objects.exists() and not Follow.objects.exists()
    stall(promise, committed, to="in_progress")
    assert len(mailbox.messages()) == 2


def scenario_client_without_csrf():
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def test_the_change_says_what_the_history_says(client, mailbox, promise, committed):
    follow(client, f"commitments/{promise.slug}")
    confirm(client, mailbox.messages()[0])
    new_office = factories.OfficeFactory(title="Deputy Commissioner Quetta")
    promise = Commitment.objects.get(pk=promise.pk)
    promise.owners.add(
        factories.CommitmentOwnerFactory.build(commitment=promise, office=new_office, role="administrative")
    )
    source = {
        "url": "https://example.org/s",
        "title": "Stalls",
        "quote": "No funds have been released since the tender.",
    }
    with committed():
        scenario.record_status_change(promise, "stalled", on=D(2024, 3, 15), summary="Stalled: no funds", **source)
    alert = mailbox.messages()[-1]
    text = text_of(alert)
    assert "Status: Not started -> Stalled" in text or "Not started -> Stalled" in text
    assert "Owner added: Deputy Commissioner Quetta" in text
    assert "Who holds the owner offices now" in text
    assert "No funds have been released since the tender." in text
    assert "Stalled: no funds" in text


def test_an_office_follower_hears_of_the_commitments_it_owns(client, mailbox, promise, committed):
    office = promise.owners.get().office
    follow(client, f"offices/{office.slug}", address="newsroom@example.org")
    confirm(client, mailbox.messages()[0])
    stall(promise, committed)
    [alert] = mailbox.to("newsroom@example.org")[1:]
    assert "Clean water for Quetta" in alert["Subject"]


def test_asking_again_sends_nothing_more_and_drafts_are_never_sent(client, mailbox, promise, committed):
    from tracker import publishing

    follow(client, f"commitments/{promise.slug}")
    confirm(client, mailbox.messages()[0])
    follow(client, f"commitments/{promise.slug}")
    assert len(mailbox.messages()) == 1
    promise = Commitment.objects.get(pk=promise.pk)
    promise.title = "A draft title nobody may see"
    with committed():
        publishing.save_draft(promise, summary="Draft")
    assert len(mailbox.messages()) == 1


def test_a_takedown_before_sending_sends_nothing_of_it(client, mailbox, promise, committed, admin_user):
    from tracker.following import fanout
    from tracker.publishing.takedown import take_down

    follow(client, f"commitments/{promise.slug}")
    confirm(client, mailbox.messages()[0])
    promise = Commitment.objects.get(pk=promise.pk)
    scenario.record_status_change(
        promise, "stalled", on=D(2024, 3, 15), summary="Secret", url="https://example.org/x", title="Leak"
    )
    take_down(promise, user=admin_user, notice="Removed by court order")
    assert fanout.send_new_alerts() == 0
    assert len(mailbox.messages()) == 1


def test_a_permanent_refusal_stops_mail_to_that_address(client, mailbox, promise, committed):

    for address in ("bounce@example.org", "busy@example.org", "reader@example.org"):
        follower = Follower.objects.create(email=address)
        Follow.objects.create(
            follower=follower, kind="commitments", object_id=promise.pk, confirmed_at="2024-01-01T00:00Z"
        )
    stall(promise, committed)
    assert [m["To"] for m in mailbox.messages()] == ["reader@example.org"]
    assert mailbox.sessions() == 1  # one connection for the whole run
    assert Follower.objects.get(email="bounce@example.org").bounced_at is not None
    assert Follower.objects.get(email="busy@example.org").bounced_at is None
