"""The follow form, the manage page and the signed links: bad input is refused in plain words and changes
nothing; asking is throttled per address and per client; export and delete-all; no follower's address on
any public page or feed; hostile record text reaches mail escaped or plain."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from tests import factories, hostile, scenario
from tests.tracker.test_hostile_input import Audit
from tracker.following import subscribing
from tracker.following.tokens import manage_token
from tracker.models import Commitment, Follow, Follower

pytestmark = pytest.mark.django_db


def ask(client, target="", address="reader@example.org", **extra):
    return client.post(reverse("tracker:follow"), {"email": address, "target": target, **extra}, REMOTE_ADDR="10.1.1.1")


def test_every_followable_page_has_the_follow_control(client, promise):
    office = promise.owners.get().office
    person = factories.PersonFactory()
    scenario.publish(scenario.add_tenures(office, (person, scenario.D(2020, 1, 1))), summary="Posted")
    pages = {
        f"/commitments/{promise.slug}/": f"commitments/{promise.slug}",
        f"/offices/{office.slug}/": f"offices/{office.slug}",
        f"/people/{person.slug}/": f"people/{person.slug}",
        f"/jurisdictions/{promise.jurisdiction.slug}/": f"jurisdictions/{promise.jurisdiction.slug}",
    }
    for path, target in pages.items():
        page = client.get(path).content.decode()
        assert 'action="/follow/"' in page and f'name="target" value="{target}"' in page, path
        form = client.get("/follow/", {"target": target})
        assert form.status_code == 200 and 'type="email"' in form.content.decode()


def test_the_confirmation_is_the_only_mail_before_opt_in(client, promise):
    answer = ask(client, f"commitments/{promise.slug}")
    assert answer.status_code == 200 and "Check your inbox" in answer.content.decode()
    [confirmation] = mail.outbox
    assert "Confirm that you want to follow" in confirmation.subject
    follow = Follow.objects.get()
    assert follow.confirmed_at is None and follow.follower.email == "reader@example.org"
    ask(client, f"commitments/{promise.slug}", address="READER@example.org")
    assert len(mail.outbox) == 2  # not confirmed yet: the link again
    assert Follow.objects.count() == 1


@pytest.mark.parametrize(
    ("target", "extra", "said"),
    [
        ("commitments/no-such-promise", {}, "not public"),
        ("tips/1", {}, "not something one can follow"),
        ("", {}, "Say what to follow"),
        ("", {"status": "made-up"}, "Say what to follow"),
        ("", {"q": "\x00"}, "Say what to follow"),
    ],
)
def test_bad_input_is_refused_in_plain_words_and_changes_nothing(client, target, extra, said, promise):
    answer = ask(client, target, **extra)
    assert answer.status_code == 400 and said in answer.content.decode()
    assert not Follower.objects.exists() and mail.outbox == []


def test_a_bad_address_is_refused(client, promise):
    answer = ask(client, f"commitments/{promise.slug}", address="not an address")
    assert answer.status_code == 400 and "Enter a valid email address" in answer.content.decode()
    assert not Follower.objects.exists()


def test_a_draft_or_taken_down_record_cannot_be_followed(client, promise, admin_user):
    from tracker.publishing.takedown import take_down

    draft = factories.CommitmentFactory(live=False)
    assert ask(client, f"commitments/{draft.slug}").status_code == 400
    take_down(Commitment.objects.get(pk=promise.pk), user=admin_user, notice="Court order")
    assert ask(client, f"commitments/{promise.slug}").status_code == 400
    assert not Follower.objects.exists()


def test_asking_is_throttled_per_address_and_per_client(client, promise, settings):
    settings.FOLLOWS_PER_ADDRESS_PER_HOUR, settings.FOLLOWS_PER_CLIENT_PER_HOUR = 2, 3
    target = f"commitments/{promise.slug}"
    assert [ask(client, target).status_code for _ in range(3)] == [200, 200, 429]
    assert ask(client, target, address="other@example.org").status_code == 200
    assert ask(client, target, address="third@example.org").status_code == 429  # the client's third
    assert len(mail.outbox) == 3


def test_a_search_is_followed_with_its_words_and_filters(client, promise):
    answer = client.post(
        reverse("tracker:follow"), {"email": "reader@example.org", "q": "clean water", "status": "not_started"}
    )
    assert answer.status_code == 200
    assert Follow.objects.get().search == {"q": "clean water", "status": "not_started"}


def test_the_manage_page_lists_changes_exports_and_deletes(client, promise):
    follow = subscribing.ask_to_follow("reader@example.org", kind="commitments", object_id=promise.pk)
    subscribing.confirm(follow.pk, follow.follower_id)
    token = manage_token(follow.follower_id)
    page = client.get(reverse("tracker:follow_manage", args=[token])).content.decode()
    assert "Commitment: Clean water for Quetta" in page and "reader@example.org" in page
    assert (
        client.post(
            reverse("tracker:follow_manage", args=[token]), {"action": "frequency", "frequency": "sometimes"}
        ).status_code
        == 400
    )
    client.post(reverse("tracker:follow_manage", args=[token]), {"action": "frequency", "frequency": "daily"})
    assert Follower.objects.get().frequency == "daily"
    exported = json.loads(client.get(reverse("tracker:follow_export", args=[token])).content)
    assert exported["email"] == "reader@example.org" and exported["frequency"] == "daily"
    assert exported["follows"][0]["what"] == "commitments" and exported["follows"][0]["confirmed"]
    client.post(reverse("tracker:follow_manage", args=[token]), {"action": "delete"})
    assert not Follower.objects.exists() and not Follow.objects.exists()
    assert client.get(reverse("tracker:follow_manage", args=[token])).status_code == 404


def test_forged_or_altered_links_do_nothing(client, promise):
    follow = subscribing.ask_to_follow("reader@example.org", kind="commitments", object_id=promise.pk)
    token = manage_token(follow.follower_id)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.post(reverse("tracker:follow_unsubscribe", args=[forged])).status_code == 400
    assert client.post(reverse("tracker:follow_confirm", args=["nonsense"])).status_code == 400
    assert client.get(reverse("tracker:follow_manage", args=[forged])).status_code == 404
    assert Follower.objects.exists() and Follow.objects.get().confirmed_at is None


def test_no_follower_address_on_public_pages_or_feeds(client, promise):
    follow = subscribing.ask_to_follow("secret.reader@example.org", kind="commitments", object_id=promise.pk)
    subscribing.confirm(follow.pk, follow.follower_id)
    office = promise.owners.get().office
    paths = [
        "/",
        f"/commitments/{promise.slug}/",
        f"/commitments/{promise.slug}/history/",
        f"/commitments/{promise.slug}/feed/",
        f"/offices/{office.slug}/follow/feed/",
        f"/jurisdictions/{promise.jurisdiction.slug}/follow/feed/",
        "/follow/search/feed/?q=water",
        "/feeds/changes/",
        "/search/?q=water",
    ]
    for path in paths:
        assert "secret.reader" not in client.get(path).content.decode(), path


def test_hostile_record_text_reaches_the_mail_escaped_and_plain(client, committed, settings):
    settings.SITE_URL = "https://tracker.example"
    from tracker.following import fanout

    with committed():
        promise = scenario.published_commitment(title=hostile.value_for(200, with_nul=False), summary="Add")
    follow = subscribing.ask_to_follow("reader@example.org", kind="commitments", object_id=promise.pk)
    subscribing.confirm(follow.pk, follow.follower_id)
    promise = Commitment.objects.get(pk=promise.pk)
    promise.text = hostile.value_for(2000, with_nul=False)
    with committed():
        scenario.publish(promise, summary=hostile.value_for(200, with_nul=False))
    alert = mail.outbox[-1]
    assert fanout.send_new_alerts() == 0  # sent once
    html = alert.alternatives[0][0]
    audit = Audit()  # the HTML as a mail program's browser reads it: no injected tag, bidi isolated
    audit.feed(html)
    assert audit.problems == []
    assert not any(marker in html for marker in ("<script>alert", "<img src=x"))
    for text in (alert.body, alert.subject):
        assert not any(c in text for c in hostile.BIDI_CONTROLS + "\x07\x1b\x0b")
    assert "\n" not in alert.subject


def test_an_address_that_followed_from_an_urdu_page_gets_urdu(client, committed):
    from tracker.following import fanout

    with committed():
        promise = scenario.published_commitment(title="Clean water", title_ur="صاف پانی", summary="Add")
    answer = client.post(
        reverse("tracker:follow"),
        {"email": "urdu.reader@example.org", "target": f"commitments/{promise.slug}", "language": "ur"},
    )
    assert answer.status_code == 200
    follow = Follow.objects.get()
    assert follow.follower.language == "ur"
    subscribing.confirm(follow.pk, follow.follower_id)
    promise = Commitment.objects.get(pk=promise.pk)
    promise.progress = 40
    with committed():
        scenario.publish(promise, summary="Progress 40%")
    alert = mail.outbox[-1]
    html = alert.alternatives[0][0]
    assert '<html lang="ur" dir="rtl">' in html and "صاف پانی" in html and "صاف پانی" in alert.subject
    assert fanout.send_new_alerts() == 0


def test_the_search_page_offers_to_follow_the_search(client, promise):
    page = client.get("/search/", {"q": "water", "status": "not_started"}).content.decode()
    assert 'action="/follow/"' in page
    assert 'name="q" value="water"' in page and 'name="status" value="not_started"' in page
    assert "/follow/search/feed/?q=water&amp;status=not_started" in page


def test_when_the_mail_server_is_down_the_reader_is_told(client, promise, settings):
    from tests.search.conftest import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    answer = ask(client, f"commitments/{promise.slug}")
    assert answer.status_code == 503 and "could not be sent" in answer.content.decode()


def test_an_address_that_never_confirms_is_forgotten_after_the_week(client, promise):
    import datetime

    from django.utils import timezone

    ask(client, f"commitments/{promise.slug}")
    assert subscribing.forget_unconfirmed() == 0
    assert subscribing.forget_unconfirmed(timezone.now() + datetime.timedelta(days=8)) == 1
    assert not Follower.objects.exists()
    assert "reader@example.org" not in mail.outbox[0].body.split("confirm/")[1]  # no address in the link
