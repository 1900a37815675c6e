"""The client's address behind trusted proxies only, for the sign-in limit (django-axes) and the tips
limit: a made-up X-Forwarded-For from anyone else is ignored, and behind the proxy every visitor is
counted apart, so no one can lock another out of their account."""

import pytest
from django.test import RequestFactory

from tracker.accounts.client_address import client_address, client_network

PROXY = "10.0.0.5"
LOGIN = "/admin/login/"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY, "172.16.0.0/12"]


def address(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_connection_is_the_client():
    assert address("198.51.100.7", "203.0.113.1") == "198.51.100.7"


def test_a_forwarded_for_from_an_untrusted_peer_is_ignored(behind_proxy):
    assert address("198.51.100.7", "203.0.113.1") == "198.51.100.7"
    assert address("198.51.100.7", f"203.0.113.1, {PROXY}") == "198.51.100.7"


def test_behind_a_trusted_proxy_the_rightmost_untrusted_address_is_the_client(behind_proxy):
    assert address(PROXY, "198.51.100.7") == "198.51.100.7"
    # What the client wrote itself (left) is ignored; what the proxies appended is believed.
    assert address(PROXY, "1.2.3.4, 198.51.100.7") == "198.51.100.7"
    assert address(PROXY, "1.2.3.4, 198.51.100.7, 172.16.3.4") == "198.51.100.7"
    assert address(PROXY, "2001:db8::1") == "2001:db8::1"


def test_a_trusted_proxy_forwarding_nothing_usable_is_the_client(behind_proxy):
    assert address(PROXY) == PROXY
    assert address(PROXY, "") == PROXY
    assert address(PROXY, "not an address") == PROXY
    assert address(PROXY, "198.51.100.7, garbage") == PROXY
    assert address(PROXY, "172.16.0.9") == "172.16.0.9"


def sign_in(client, password, **meta):
    return client.post(LOGIN, {"username": "editor", "password": password, "next": "/admin/"}, **meta)


@pytest.mark.django_db
def test_behind_the_proxy_one_clients_failures_do_not_lock_another_out(client, editor, behind_proxy):
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(6):
        sign_in(client, "guess", **attacker)
    assert sign_in(client, "pass", **attacker).status_code == 429
    owner = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    assert sign_in(client, "pass", **owner)["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_made_up_forwarded_for_does_not_dodge_the_sign_in_limit(client, editor, behind_proxy):
    for n in range(6):
        sign_in(client, "guess", REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = sign_in(client, "pass", REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_the_limits_count_an_ipv6_client_by_its_64(behind_proxy):
    def counted(remote, forwarded=None):
        meta = {"REMOTE_ADDR": remote, **({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})}
        return client_network(RequestFactory().get("/", **meta))

    assert counted("2001:db8:1:2::1") == counted("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::"
    assert counted("2001:db8:1:3::1") == "2001:db8:1:3::"
    assert counted(PROXY, "2001:db8:1:2::77") == "2001:db8:1:2::"
    assert counted("::ffff:198.51.100.7") == "198.51.100.7"  # an IPv4 client seen through IPv6
    assert counted("198.51.100.7") == "198.51.100.7"  # IPv4 addresses stay whole
    assert counted("") == ""


@pytest.mark.django_db
def test_the_sign_in_limit_counts_an_ipv6_64_as_one_client(client, editor):
    for n in range(6):
        sign_in(client, "guess", REMOTE_ADDR=f"2001:db8:1:2::{n + 1}")
    assert sign_in(client, "pass", REMOTE_ADDR="2001:db8:1:2::99").status_code == 429
    assert sign_in(client, "pass", REMOTE_ADDR="2001:db8:1:3::1")["Location"] == "/admin/"
