"""Witnesses (C2SP tlog-witness) run as real processes (`tracker-witness`, from the verifier package), the site
offering them its checkpoints and publishing their cosignatures, and the verifier requiring a quorum of them.

One witness is honest and new; the other was shown, before, another history of the same size signed with the
log's key (a split view): it refuses the site's checkpoint, so the site publishes exactly one cosignature and a
reader requiring two witnesses is told the checkpoint may be a view shown to them alone."""

import base64
import datetime
import io
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions
from tests.verifier.test_verifier import SOURCE, verify
from tracker import merkle
from tracker.history import transparency, witnesses
from tracker.models import WitnessCosignature, WitnessState


class WitnessProcess:
    def __init__(self, tmp_path, name, log_key):
        self.name = name
        env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(SOURCE)}
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "tracker_verifier.witness",
                *("--key", tmp_path / f"{name}.key", "--name", f"{name}.example/witness"),
                *("--origin", transparency.origin(), "--log-key", log_key),
                *("--state", tmp_path / f"{name}-state", "--port", "0"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        first = self.process.stdout.readline().split()
        # "Witness <verifier key> listening on http://127.0.0.1:<port>/"
        assert first[:1] == ["Witness"] and first[2:4] == ["listening", "on"], first
        self.key, self.url = first[1], first[4].rstrip("/")

    def post(self, body):
        request = urllib.request.Request(f"{self.url}/add-checkpoint", data=body.encode(), method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, response.headers["Content-Type"], response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers["Content-Type"], error.read().decode()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def log_key():
    return transparency.current_key().verifier_key


@pytest.fixture
def start_witness(tmp_path, log_key):
    started = []

    def start(name):
        started.append(WitnessProcess(tmp_path, name, log_key))
        return started[-1]

    yield start
    for witness in started:
        witness.stop()


@pytest.fixture
def log(db):
    record = CommitmentFactory(title="Solar pumps for Pishin")
    add_revisions(record, 300, start=timezone.now() - datetime.timedelta(days=2), step=datetime.timedelta(minutes=1))
    return record


def configure(settings, *processes):
    settings.TRANSPARENCY_LOG_WITNESSES = [f"{p.name} {p.url} {p.key}" for p in processes]


@pytest.mark.django_db
def test_one_witness_cosigns_the_other_refuses_a_split_view(tmp_path, settings, log, start_witness):
    good, split = start_witness("good"), start_witness("split")
    # The split witness was shown another history of 300 entries, signed with the log's own key.
    forged = transparency.signed_note(transparency.checkpoint_body(300, merkle.leaf_hash(b"another history")))
    status, _, line = split.post(f"old 0\n\n{forged}")
    assert status == 200 and line.startswith("\u2014 split.example/witness ")

    configure(settings, good, split)
    checkpoint = transparency.make_checkpoint()
    results = witnesses.offer_to_witnesses()
    assert results["good"] == "cosigned"
    # Offered from 0, it answered 409 with its 300; offered again from 300, it still refuses: another root.
    assert results["split"] == "refused: 409 Conflict: the witness refused the checkpoint of 300 (300)"
    assert WitnessState.objects.get(witness="split").failures == 1
    [cosignature] = WitnessCosignature.objects.all()
    assert cosignature.witness == "good" and cosignature.checkpoint == checkpoint

    # The site publishes the checkpoint with the one cosignature.
    note = Client().get("/log/checkpoint").content.decode()
    assert note == checkpoint.note + cosignature.line + "\n"
    assert note.count("\u2014 ") == 2 and "\u2014 good.example/witness " in note

    mirror = tmp_path / "mirror"
    call_command("export_log_tiles", str(mirror), stdout=io.StringIO())
    assert (mirror / "checkpoint").read_text() == note
    keys = ("--witness-key", good.key, "--witness-key", split.key)
    code, out = verify("--log", mirror, "--key", transparency.current_key().verifier_key, "check", *keys,
                       "--quorum", 1, cwd=tmp_path)  # fmt: skip
    assert code == 0, out
    assert "Cosigned by the witness good.example/witness at " in out
    assert "Witness quorum met: 1 of 2 witnesses cosigned (quorum 1)." in out
    code, out = verify("--log", mirror, "--key", transparency.current_key().verifier_key, "check", *keys,
                       "--quorum", 2, cwd=tmp_path)  # fmt: skip
    assert code == 1
    assert "only 1 of the 2 witness cosignatures required verify (none by split.example/witness)" in out

    # The log grows: the good witness checks the consistency proof from 300 and cosigns again; the split one
    # is offered the proof from its 300 and finds it does not extend the history it saw (422).
    add_revisions(log, 5, start=timezone.now())
    newer = transparency.make_checkpoint()
    results = witnesses.offer_to_witnesses()
    assert results == {
        "good": "cosigned",
        "split": "refused: 422: The consistency proof from 300 to 305 entries does not verify.",
    }
    assert WitnessState.objects.get(witness="good").size == 305
    assert list(newer.cosignatures.values_list("witness", flat=True)) == ["good"]


@pytest.mark.django_db
def test_a_forged_cosignature_counts_for_nothing(tmp_path, settings, log, start_witness, log_key):
    good = start_witness("good")
    configure(settings, good)
    transparency.make_checkpoint()
    assert witnesses.offer_to_witnesses() == {"good": "cosigned"}
    mirror = tmp_path / "mirror"
    call_command("export_log_tiles", str(mirror), stdout=io.StringIO())
    note = (mirror / "checkpoint").read_text()
    name, encoded = note.rstrip("\n").rsplit("\n", 1)[1].rsplit(" ", 1)
    raw = bytearray(base64.b64decode(encoded))
    raw[11] ^= 1  # another time than the one signed
    (mirror / "checkpoint").write_text(note.rsplit("\n", 2)[0] + f"\n{name} {base64.b64encode(raw).decode()}\n")
    code, out = verify("--log", mirror, "--key", log_key, "check", "--witness-key", good.key, cwd=tmp_path)
    assert code == 1
    assert "only 0 of the 1 witness cosignatures required verify (none by good.example/witness)" in out


@pytest.mark.django_db
def test_a_witness_that_does_not_answer_blocks_nothing(settings, log, start_witness):
    good = start_witness("good")
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections, never answers
    try:
        port = silent.getsockname()[1]
        settings.TRANSPARENCY_LOG_WITNESS_TIMEOUT = 1
        mute_key = witnesses.WitnessKey("mute.example/witness", bytes(32))
        encoded = base64.b64encode(bytes([4]) + bytes(32)).decode()
        mute = f"{mute_key.name}+{mute_key.key_id.hex()}+{encoded}"
        settings.TRANSPARENCY_LOG_WITNESSES = [f"mute http://127.0.0.1:{port} {mute}", f"good {good.url} {good.key}"]
        transparency.make_checkpoint()
        results = witnesses.offer_to_witnesses()
    finally:
        silent.close()
    assert results["good"] == "cosigned"
    assert results["mute"] == "refused: timed out"
    state = WitnessState.objects.get(witness="mute")
    assert (state.size, state.offered_size, state.failures) == (0, 300, 1)
    # Beat offers it again; the cosigned witness is not asked twice.
    assert witnesses.offer_to_witnesses() == {"mute": "refused: [Errno 111] Connection refused"}
    assert WitnessState.objects.get(witness="mute").failures == 2


@pytest.mark.django_db
def test_the_witness_answers_as_the_protocol_says(log, start_witness):
    witness = start_witness("w")
    checkpoint = transparency.make_checkpoint()
    status, kind, text = witness.post("old 7\n\n" + checkpoint.note)
    assert (status, kind, text) == (409, "text/x.tlog.size", "0\n")
    status, _, text = witness.post("old 0\nAAAA\n\n" + checkpoint.note)
    assert status == 400 and "Not an add-checkpoint request" in text
    status, _, text = witness.post("old 0\n\n" + checkpoint.note.replace("\n300\n", "\n301\n"))
    assert status == 403 and "does not verify" in text
    other = transparency.signed_note(transparency.checkpoint_body(300, bytes(32), "elsewhere.example/log"))
    status, _, text = witness.post("old 0\n\n" + other)
    assert status == 404 and "does not witness the log 'elsewhere.example/log'" in text
    status, _, line = witness.post("old 0\n\n" + checkpoint.note)
    assert status == 200 and line.startswith("\u2014 w.example/witness ")
    key = witnesses.parse_witness_key(witness.key)
    assert witnesses.verify_cosignature(checkpoint, key, line.rstrip("\n")) is not None
    # The same checkpoint again, from its own size: cosigned again; from 0 now: 409 with its size.
    assert witness.post("old 300\n\n" + checkpoint.note)[0] == 200
    assert witness.post("old 0\n\n" + checkpoint.note)[::2] == (409, "300\n")
    with urllib.request.urlopen(f"{witness.url}/", timeout=10) as response:  # noqa: S310
        assert response.read().decode().strip() == witness.key
