"""The limits on asking to follow cannot be walked around: sub-addresses (+tags) and the dots Gmail ignores
fold into one mailbox, and the addresses of one IPv6 /64 (what one subscriber is given) are one client."""

import pytest
from django.core import mail
from django.urls import reverse

from tracker.following.throttle import mailbox

pytestmark = pytest.mark.django_db


def ask(client, promise, address, remote):
    data = {"email": address, "target": f"commitments/{promise.slug}"}
    return client.post(reverse("tracker:follow"), data, REMOTE_ADDR=remote)


@pytest.mark.parametrize(
    ("given", "counted"),
    [
        ("victim@gmail.com", "victim@gmail.com"),
        ("Victim+1@Gmail.com", "victim@gmail.com"),
        ("v.i.c.t.i.m+news@googlemail.com", "victim@gmail.com"),
        ("victim+a+b@example.org", "victim@example.org"),
        ('"victim+x"@example.org', "victim@example.org"),
        ("first.last@example.org", "first.last@example.org"),  # dots matter elsewhere
    ],
)
def test_an_address_is_counted_as_the_mailbox_it_reaches(given, counted):
    assert mailbox(given) == counted


def test_sub_addresses_of_one_mailbox_share_its_limit(client, promise, settings):
    settings.FOLLOWS_PER_ADDRESS_PER_HOUR, settings.FOLLOWS_PER_CLIENT_PER_HOUR = 5, 100
    answers = [ask(client, promise, f"victim+{n}@gmail.com", f"198.51.100.{n}").status_code for n in range(1, 13)]
    assert answers == [200] * 5 + [429] * 7
    assert ask(client, promise, "vic.tim@googlemail.com", "198.51.100.99").status_code == 429
    assert len(mail.outbox) == 5


def test_the_addresses_of_one_ipv6_64_are_one_client(client, promise, settings):
    settings.FOLLOWS_PER_ADDRESS_PER_HOUR, settings.FOLLOWS_PER_CLIENT_PER_HOUR = 5, 20
    answers = [ask(client, promise, f"reader{n}@example.org", f"2001:db8:1:2::{n:x}").status_code for n in range(25)]
    assert answers == [200] * 20 + [429] * 5
    # Another /64 is another client.
    assert ask(client, promise, "neighbour@example.org", "2001:db8:1:3::1").status_code == 200
    assert len(mail.outbox) == 21
