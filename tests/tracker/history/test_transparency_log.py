"""The transparency log as readers get it: signed checkpoints in the C2SP format, proofs that verify,
C2SP tiles, the key history, and each revision's page, API representation and citation naming its entry."""

import base64
import datetime
import hashlib
import io

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.core.management import call_command
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.pages import page_text
from tests.scenario import add_revisions
from tracker import merkle
from tracker.history import signing, transparency
from tracker.models import Checkpoint, PublicRevision

pytestmark = pytest.mark.django_db


@pytest.fixture
def log(db):
    start = timezone.now() - datetime.timedelta(days=2)
    record = CommitmentFactory(title="Solar pumps for Pishin")
    add_revisions(record, 300, start=start, step=datetime.timedelta(minutes=1))
    return record


def leaves():
    return [bytes.fromhex(h) for h in PublicRevision.objects.order_by("sequence").values_list("hash", flat=True)]


def open_note(note):
    """(origin, size, root, key name, key id, signature) of a C2SP checkpoint, read as the spec says."""
    body, signatures = note.split("\n\n")
    origin, size, root = body.split("\n")
    [line] = signatures.rstrip("\n").split("\n")
    assert line.startswith("\u2014 ")
    name, encoded = line[2:].split(" ")
    raw = base64.b64decode(encoded)
    return origin, int(size), base64.b64decode(root), name, raw[:4], raw[4:], (body + "\n").encode()


def test_a_checkpoint_is_a_c2sp_signed_note_of_the_tree(client, log, settings):
    settings.TRANSPARENCY_LOG_ORIGIN = ""
    settings.SITE_URL = "https://tracker.example"
    out = io.StringIO()
    call_command("sign_checkpoint", stdout=out)
    assert "Checkpoint of 300 entries" in out.getvalue()
    response = client.get("/log/checkpoint")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    origin, size, root, name, key_id, signature, body = open_note(response.content.decode())
    assert (origin, size, name) == ("tracker.example/log", 300, "tracker.example/log")
    data = leaves()

    assert root == _store(data).root()
    public = signing.private_key().public_key()
    raw = public.public_bytes_raw()
    assert key_id == hashlib.sha256(b"tracker.example/log\n\x01" + raw).digest()[:4]
    public.verify(signature, body)  # raises if the signature does not verify
    # Signing again without a new entry makes no new checkpoint; a new entry does.
    call_command("sign_checkpoint", stdout=io.StringIO())
    assert Checkpoint.objects.count() == 1
    add_revisions(log, 1, start=timezone.now())
    call_command("sign_checkpoint", stdout=io.StringIO())
    assert list(Checkpoint.objects.values_list("size", flat=True)) == [301, 300]
    assert open_note(client.get("/log/checkpoints/300").content.decode())[1] == 300


def test_the_hourly_task_signs_a_checkpoint_next_to_the_digests(log):
    from tracker.tasks import make_digests

    assert make_digests() > 0
    assert Checkpoint.objects.get().size == 300


def test_proofs_verify_against_the_checkpoint(client, log):
    checkpoint = transparency.make_checkpoint()
    data = leaves()
    root = bytes.fromhex(checkpoint.root)
    proof = client.get("/log/proof/inclusion/123").json()
    assert proof["tree_size"] == 300 and proof["leaf"] == data[123].hex()
    hashes = [bytes.fromhex(h) for h in proof["hashes"]]
    assert merkle.verify_inclusion(123, 300, merkle.leaf_hash(data[123]), hashes, root)
    old = client.get("/log/proof/inclusion/5?size=77").json()
    assert old["root"] == _store(data).root(77).hex()
    consistency = client.get("/log/proof/consistency/77/300").json()
    assert merkle.verify_consistency(
        77, 300, bytes.fromhex(old["root"]), root, [bytes.fromhex(h) for h in consistency["hashes"]]
    )
    assert client.get("/log/proof/inclusion/300?size=300").status_code == 404
    assert client.get("/log/proof/consistency/10/301").status_code == 404


def _store(data):
    store = merkle.MemoryStore()
    for leaf in data:
        store.append(leaf)
    return store


def test_tiles_are_the_c2sp_layout(client, log):
    data = leaves()
    store = _store(data)
    full = client.get("/log/tile/0/000")
    assert full["Cache-Control"] == "public, max-age=31536000, immutable"
    assert full.content == b"".join(store[(0, i)] for i in range(256))
    partial = client.get("/log/tile/0/001.p/44").content
    assert partial == b"".join(store[(0, i)] for i in range(256, 300))
    assert client.get("/log/tile/1/000.p/1").content == store[(8, 0)]
    assert client.get("/log/tile/0/001").status_code == 404  # not full yet
    entries = client.get("/log/tile/entries/001.p/44").content
    assert entries == b"".join(b"\x00\x20" + leaf for leaf in data[256:300])
    assert transparency.encode_index(1234067) == "x001/x234/067"
    assert transparency.decode_index("x001/x234/067") == 1234067


def test_the_revision_page_shows_its_entry_and_links_its_proof(client, log):
    revision = PublicRevision.objects.get(sequence=42)
    page = client.get(f"/commitments/{log.slug}/history/{revision.number}/").content.decode()
    assert "This revision is entry 41 of the site-wide transparency log" in page
    assert "The next signed checkpoint of the log will include it." in page
    transparency.make_checkpoint()
    page = client.get(f"/commitments/{log.slug}/history/{revision.number}/").content.decode()
    assert 'href="/log/proof/inclusion/41?size=300"' in page
    assert "latest signed checkpoint</a> of 300 entries" in page
    urdu = client.get(f"/ur/commitments/{log.slug}/history/{revision.number}/").content.decode()
    assert "شفافیت لاگ کا اندراج نمبر 41" in urdu


def test_a_checkpoint_of_one_entry_is_said_in_the_singular_in_both_languages(client, db):
    record = CommitmentFactory(title="Solar pumps for Pishin")
    add_revisions(record, 1, start=timezone.now() - datetime.timedelta(hours=1), step=datetime.timedelta(minutes=1))
    transparency.make_checkpoint()
    page = client.get(f"/commitments/{record.slug}/history/1/").content.decode()
    assert "latest signed checkpoint</a> of 1 entry." in page
    urdu = client.get(f"/ur/commitments/{record.slug}/history/1/").content.decode()
    assert "کہ یہ 1 اندراج کے" in urdu


def test_the_api_and_citations_carry_the_entry_and_its_proof(client, log):
    checkpoint = transparency.make_checkpoint()
    revision = PublicRevision.objects.get(sequence=42)
    found = client.get(f"/api/v1/commitments/{log.slug}/revisions/{revision.number}/").json()["transparency_log"]
    assert found["leaf_index"] == 41 and found["checkpoint_size"] == 300
    assert found["proof_url"].endswith("/log/proof/inclusion/41?size=300")
    hashes = [bytes.fromhex(h) for h in found["hashes"]]
    assert merkle.verify_inclusion(
        41, 300, merkle.leaf_hash(bytes.fromhex(revision.hash)), hashes, bytes.fromhex(checkpoint.root)
    )
    listed = client.get(f"/api/v1/commitments/{log.slug}/revisions/").json()["results"][0]["transparency_log"]
    assert listed["leaf_index"] == 0 and "hashes" not in listed
    bibtex = client.get(f"/commitments/{log.slug}/cite/{revision.number}/?format=bibtex").content.decode()
    assert f"SHA-256 {revision.hash}, transparency log entry 41" in bibtex


def test_the_key_history_keeps_a_rotated_key(client, log, settings):
    transparency.make_checkpoint()
    old = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    retired = transparency.LogKey(transparency.origin(), old)
    settings.TRANSPARENCY_LOG_PAST_KEYS = [retired.verifier_key]
    keys = client.get("/log/keys").json()["keys"]
    assert [k["current"] for k in keys] == [True, False]
    current = transparency.current_key()
    assert keys[0]["key_id"] == current.key_id.hex() and keys[0]["from"] is not None
    assert keys[1]["verifier_key"] == retired.verifier_key and keys[1]["from"] is None
    name, key_id, encoded = keys[0]["verifier_key"].split("+", 2)
    assert Ed25519PublicKey.from_public_bytes(base64.b64decode(encoded)[1:]).public_bytes_raw() == current.public


def test_the_methodology_page_shows_how_to_verify_from_outside(client, log):
    page = client.get("/methodology/").content.decode()
    assert "Verify from outside" in page
    assert f'--key "{transparency.current_key().verifier_key}"' in page
    for command in ("prove --page REVISION-PAGE-ADDRESS", '--witness-key "WITNESS-KEY" --quorum 1', "--tsa-cert"):
        assert command in page
    words = page_text(client.get("/methodology/"))
    assert "<code>--quorum</code> says how many of them must have cosigned the checkpoint" in words
    assert "its content is withheld with the category of the reason and the public notice" in words
    assert "Independent timestamp authorities (RFC 3161) each sign" in words
    urdu = page_text(client.get("/ur/methodology/"))
    assert "باہر کا وقت" in urdu and "--quorum" in urdu
