"""Webhooks cannot reach inside the network: a URL must be https:// (http:// only where a setting allows it)
and lead only to public addresses, checked when an administrator registers it and again, after resolving the
name, at each delivery, which connects to the address it checked; a redirect is not followed (the signed
POST never becomes a GET elsewhere); and the delivery log says "could not connect", never the socket's own
words, so it cannot be read as a port scan."""

import datetime

import pytest

from tests import scenario
from tests.processes import free_port
from tracker.following import webhooks
from tracker.models import Commitment, Webhook, WebhookDelivery, webhook_addresses
from tracker.models.following import DeliveryStatus

pytestmark = pytest.mark.django_db

INSIDE = [
    "https://127.0.0.1/hook",
    "https://localhost:5432/",
    "https://[::1]/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://10.0.0.5/hook",
    "https://192.168.1.1/",
    "https://100.64.0.1/",
    "https://0.0.0.0/",
    "https://224.0.0.1/",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:169.254.169.254]/",
    "https://[fe80::1]/",
    "https://[fc00::1]/",
    "https://[::]/",
]


def register(client, url):
    return client.post("/admin/webhooks/new/", {"name": "Newsroom", "url": url, "secret": "s3cret", "active": "on"})


@pytest.mark.parametrize("url", INSIDE)
def test_an_address_inside_the_network_is_refused_at_registration(client, admin_user, url):
    client.force_login(admin_user)
    answer = register(client, url)
    assert answer.status_code == 200 and "not a public address" in answer.content.decode()
    assert not Webhook.objects.exists()


@pytest.mark.parametrize("url", ["https://2130706433/", "https://0x7f.1/", "https://[64:ff9b::a9fe:a9fe]/"])
def test_an_address_written_otherwise_is_read_as_the_resolver_reads_it(url):
    # 127.0.0.1 as one number or in hex; 169.254.169.254 through NAT64. (The form's URL check may refuse first.)
    assert "not a public address" in webhook_addresses.problem(url)


@pytest.mark.parametrize("url", ["http://newsroom.example/hook", "ftp://newsroom.example/hook", "file:///etc/passwd"])
def test_only_https_is_accepted_in_production(client, admin_user, url):
    client.force_login(admin_user)
    answer = register(client, url)
    assert answer.status_code == 200 and "https://" in answer.content.decode()
    assert not Webhook.objects.exists()


def test_a_public_https_address_is_registered(client, admin_user, settings):
    client.force_login(admin_user)
    assert register(client, "https://8.8.8.8/hook").status_code == 302
    # A name that does not resolve yet is accepted: every delivery checks it again.
    assert register(client, "https://newsroom.example/hook").status_code == 302
    settings.WEBHOOK_ALLOW_HTTP = True
    assert register(client, "http://newsroom.example/other").status_code == 302
    assert Webhook.objects.count() == 3


def publish(promise, committed):
    promise = Commitment.objects.get(pk=promise.pk)
    with committed():
        scenario.record_status_change(
            promise, "stalled", on=datetime.date(2024, 3, 15), summary="Stalled", url="https://e.org/s", title="S"
        )
    return WebhookDelivery.objects.get()


def test_a_delivery_to_an_address_inside_is_not_made(receiver, promise, committed, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False  # as in production; the receiver listens on 127.0.0.1
    # Saved without the form (an old row, or a name that resolved elsewhere when registered).
    Webhook.objects.create(name="Inside", url=receiver.url, secret=receiver.secret)
    delivery = publish(promise, committed)
    assert receiver.received == []
    assert delivery.response_code is None and delivery.attempts == 1
    assert "not a public address" in delivery.error and "127.0.0.1" not in delivery.error


def test_a_name_is_checked_after_it_is_resolved(receiver, promise, committed, settings, monkeypatch):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    port = receiver.url.split(":")[2].split("/")[0]
    Webhook.objects.create(name="Rebinding", url=f"http://hooks.newsroom.example:{port}/hook", secret="s")

    def resolves_inside(host, port, *args, **kwargs):
        import socket

        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr("socket.getaddrinfo", resolves_inside)
    delivery = publish(promise, committed)
    assert receiver.received == [] and "not a public address" in delivery.error


def test_a_redirect_is_not_followed(receiver, promise, committed):
    from tests.tracker.following.conftest import Receiver

    elsewhere = Receiver("other")
    try:
        receiver.answers, receiver.location = [302], elsewhere.url
        Webhook.objects.create(name="Moved", url=receiver.url, secret=receiver.secret)
        delivery = publish(promise, committed)
        assert [status for _h, _b, status in receiver.received] == [302]
        assert elsewhere.received == [] and elsewhere.requests == []
        assert (delivery.status, delivery.response_code) == (DeliveryStatus.PENDING, 302)
        assert "redirect" in delivery.error
    finally:
        elsewhere.stop()


def test_the_log_says_could_not_connect_and_nothing_more(receiver, promise, committed):
    port = free_port()  # nothing listens there
    hook = Webhook.objects.create(name="Closed", url=f"http://127.0.0.1:{port}/hook", secret="s")
    delivery = publish(promise, committed)
    assert delivery.error == "Could not connect." and delivery.response_code is None
    Webhook.objects.filter(pk=hook.pk).update(url="http://no-such-host.invalid/hook")
    assert webhooks.attempt(delivery.pk) == "retry"
    delivery.refresh_from_db()
    assert delivery.error == "Could not connect." and "invalid" not in delivery.error


def certificates(directory, name):
    """A certificate authority and a certificate for `name` it signed, as PEM files: (ca, cert, key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)

    def made(subject, key, issuer, issuer_key, ca, san=None):
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if san:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False)
        return builder.sign(issuer_key, hashes.SHA256())

    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = made("Test CA", ca_key, "Test CA", ca_key, ca=True)
    cert = made(name, key, "Test CA", ca_key, ca=False, san=name)
    paths = directory / "ca.pem", directory / "cert.pem", directory / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return paths


def test_https_is_verified_for_the_name_on_the_checked_address(receiver, promise, committed, tmp_path, monkeypatch):
    import socket
    import ssl

    ca, cert, key = certificates(tmp_path, "hooks.newsroom.test")
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    receiver.server.socket = server_side.wrap_socket(receiver.server.socket, server_side=True)
    port = receiver.server.server_address[1]
    real_getaddrinfo = socket.getaddrinfo

    def newsroom(host, *args, **kwargs):  # both names lead to the receiver on this machine
        return real_getaddrinfo("127.0.0.1" if host.endswith(".newsroom.test") else host, *args, **kwargs)

    monkeypatch.setattr("socket.getaddrinfo", newsroom)
    real_context = ssl.create_default_context
    monkeypatch.setattr(ssl, "create_default_context", lambda: real_context(cafile=str(ca)))  # trusts the test CA
    receiver.answers = []
    Webhook.objects.create(name="TLS", url=f"https://hooks.newsroom.test:{port}/hook", secret=receiver.secret)
    delivery = publish(promise, committed)
    assert delivery.status == DeliveryStatus.DELIVERED, delivery.error
    [(headers, body, _status)] = receiver.received
    assert headers["Host"] == f"hooks.newsroom.test:{port}" and receiver.signature_valid(headers, body)
    # The same address under a name its certificate does not hold: refused by TLS, logged as no more than that.
    Webhook.objects.update(url=f"https://other.newsroom.test:{port}/hook")
    WebhookDelivery.objects.update(status=DeliveryStatus.PENDING)
    assert webhooks.attempt(delivery.pk) == "retry"
    delivery.refresh_from_db()
    assert delivery.error == "Could not connect." and len(receiver.received) == 1
