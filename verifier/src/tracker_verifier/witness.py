"""tracker-witness: a witness of the tracker's transparency log (C2SP tlog-witness), for a university, a press
body or anyone else to run, so that the log cannot show one history to some readers and another to others.

    tracker-witness --key witness.key --name example.edu/witness \\
        --origin tracker.example/log --log-key "tracker.example/log+1a2b3c4d+AXm..." --state ./witness-state --port 8080

The site offers each new checkpoint of its log to the witness with a consistency proof; the witness checks
that it extends the last checkpoint it cosigned for that log and, only then, cosigns it. Readers who require
cosignatures of witnesses they trust (`tracker-verify check --witness-key ... --quorum N`) cannot be shown a
history the witnesses did not see. No Django, none of the tracker's code: this package's own Merkle code.

The protocol, as C2SP tlog-witness (v1) says, with the choices made here where it leaves them open:

- `POST /add-checkpoint`, body: `old <size>\\n`, then the consistency proof, one base64 hash a line, then a
  blank line, then the signed checkpoint (a C2SP signed note). Anything else (another path or method): 404
  or 405.
- The checkpoint's origin must be the one the witness was started for (`--origin`), else **404 Not Found**; it
  must carry a valid signature by the log's key (`--log-key`; signatures by other keys, such as other
  witnesses' cosignatures, are ignored), else **403 Forbidden**. A body that cannot be read: **400 Bad
  Request**, as is an old size larger than the checkpoint's.
- The old size must be the size of the last checkpoint this witness cosigned for the origin (0 when none),
  else **409 Conflict**, whose body is that size in decimal and a newline (`Content-Type: text/x.tlog.size`),
  so the log can retry with the proof from it. An old size equal to the checkpoint's size is accepted only
  with an empty proof and the very root it cosigned (a second root for one size is a split view: 409).
- The proof must prove, by RFC 9162 §2.1.4.2, that the checkpoint's tree extends the tree of the old size
  whose root the witness stored; it must be empty from 0. Else **422 Unprocessable Entity**.
- Then the witness stores the checkpoint (its state file is written to a temporary name and renamed, before
  answering, so a crash never loses a cosigned size) and answers **200** with its cosignature line:
  `— <name> <base64(key id || 8-byte big-endian time || Ed25519 signature)>`, the signature over
  `cosignature/v1\\ntime <unix seconds>\\n` followed by the checkpoint's body (C2SP tlog-cosignature), the key
  id the first 4 bytes of SHA-256(name || 0x0A || 0x04 || public key). One request at a time per witness
  (a lock), so two offers can never both be cosigned from the same old size.
- `GET /` answers the witness's verifier key (`<name>+<key id>+<base64(0x04 || key)>`, what readers give
  `tracker-verify --witness-key`), and `GET /checkpoint` the last checkpoint it cosigned, with its cosignature.

`--key` is a file holding the witness's Ed25519 private key as PEM (`openssl genpkey -algorithm ed25519`);
one is made when the file does not exist. The state folder holds one JSON file per log (its last cosigned
size, root and note). `--port 0` picks a free port; the first line printed says where it listens.
"""

import argparse
import base64
import hashlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tracker_verifier.tlog import (
    Failure,
    WitnessKey,
    cosigned_message,
    open_checkpoint,
    read_key,
    verify_consistency,
)

MAX_BODY = 64 * 1024


class Refusal(Exception):
    def __init__(self, status, message, content_type="text/plain; charset=utf-8"):
        super().__init__(message)
        self.status, self.message, self.content_type = status, message, content_type


def load_private_key(path):
    path = Path(path)
    if not path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        path.touch(mode=0o600)
        path.write_bytes(pem)
        return key
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise Failure(f"{path} does not hold an Ed25519 private key.")
    return key


class Witness:
    """The witness's checks and its memory, apart from HTTP (tests and other servers can call `add`)."""

    def __init__(self, private_key, name, origin, log_key, state, clock=time.time):
        self.private_key, self.origin, self.log_key = private_key, origin, log_key
        self.key = WitnessKey(name, private_key.public_key().public_bytes_raw())
        self.state = Path(state)
        self.state.mkdir(parents=True, exist_ok=True)
        self.clock, self.lock = clock, threading.Lock()

    def _file(self, origin):
        return self.state / f"{hashlib.sha256(origin.encode()).hexdigest()[:16]}.json"

    def latest(self, origin):
        """{"size", "root" (base64), "note"} of the last checkpoint cosigned for `origin` ({"size": 0} if none)."""
        path = self._file(origin)
        return json.loads(path.read_text()) if path.exists() else {"size": 0}

    def _store(self, origin, checkpoint, line):
        path = self._file(origin)
        temporary = path.with_suffix(".tmp")
        record = {
            "origin": origin,
            "size": checkpoint.size,
            "root": base64.b64encode(checkpoint.root).decode(),
            "note": checkpoint.note + line,
        }
        temporary.write_text(json.dumps(record, indent=1))
        os.replace(temporary, path)

    def add(self, body):
        """The cosignature line for an add-checkpoint request's body, or Refusal(status, message)."""
        old, proof, note = parse_request(body)
        origin = note.split("\n", 1)[0]
        if origin != self.origin:
            raise Refusal(404, f"This witness does not witness the log {origin!r}.")
        try:
            checkpoint = open_checkpoint(note, self.log_key)
        except Failure as failure:
            raise Refusal(403, f"The checkpoint is not signed by the log's key: {failure}") from None
        if old > checkpoint.size:
            raise Refusal(400, f"The old size {old} is larger than the checkpoint's {checkpoint.size}.")
        with self.lock:
            latest = self.latest(origin)
            if old != latest["size"]:
                raise Refusal(409, f"{latest['size']}\n", "text/x.tlog.size")
            known_root = base64.b64decode(latest["root"]) if old else None
            if old == checkpoint.size:
                if proof or checkpoint.root != known_root:
                    # Another root for the size it cosigned: a split view, never cosigned.
                    raise Refusal(409, f"{latest['size']}\n", "text/x.tlog.size")
            elif old == 0:
                if proof:
                    raise Refusal(422, "A consistency proof from the empty tree must be empty.")
            elif not verify_consistency(old, checkpoint.size, known_root, checkpoint.root, proof):
                raise Refusal(422, f"The consistency proof from {old} to {checkpoint.size} entries does not verify.")
            line = self.cosign(checkpoint)
            self._store(origin, checkpoint, line)
            return line

    def cosign(self, checkpoint):
        timestamp = int(self.clock())
        signature = self.private_key.sign(cosigned_message(checkpoint.body, timestamp))
        raw = self.key.key_id + timestamp.to_bytes(8, "big") + signature
        return f"\u2014 {self.key.name} {base64.b64encode(raw).decode()}\n"


def parse_request(body):
    """(old size, [proof hashes], signed note) of an add-checkpoint request's body, or Refusal(400)."""
    try:
        text = body.decode("utf-8")
        head, separator, note = text.partition("\n\n")
        if not separator:
            raise ValueError
        lines = head.split("\n")
        word, _, size = lines[0].partition(" ")
        if word != "old" or not size.isdigit() or (len(size) > 1 and size[0] == "0"):
            raise ValueError
        proof = [base64.b64decode(line, validate=True) for line in lines[1:]]
        if any(len(h) != 32 for h in proof) or len(proof) > 63:
            raise ValueError
    except ValueError:
        message = "Not an add-checkpoint request: old <size>, proof lines, a blank line, a checkpoint."
        raise Refusal(400, message) from None
    return int(size), proof, note


def handler_for(witness):
    class Handler(BaseHTTPRequestHandler):
        server_version = "tracker-witness/1"

        def _answer(self, status, text, content_type="text/plain; charset=utf-8"):
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            if self.path != "/add-checkpoint":
                return self._answer(404, "Not found.\n")
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= MAX_BODY:
                return self._answer(400, "The request needs a body (at most 64 KiB).\n")
            try:
                line = witness.add(self.rfile.read(length))
            except Refusal as refusal:
                message = refusal.message if refusal.message.endswith("\n") else refusal.message + "\n"
                return self._answer(refusal.status, message, refusal.content_type)
            return self._answer(200, line)

        def do_GET(self):
            if self.path == "/":
                return self._answer(200, witness.key.verifier_key + "\n")
            if self.path == "/checkpoint":
                latest = witness.latest(witness.origin)
                if "note" not in latest:
                    return self._answer(404, "No checkpoint cosigned yet.\n")
                return self._answer(200, latest["note"])
            return self._answer(404, "Not found.\n")

        def log_message(self, format, *args):  # noqa: A002 (the standard library's name)
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    return Handler


def parser():
    p = argparse.ArgumentParser(prog="tracker-witness", description=__doc__.split("\n\n")[0])
    p.add_argument("--key", required=True, help="file of the witness's Ed25519 private key (PEM; made if absent)")
    p.add_argument("--name", required=True, help="the witness's name in its cosignatures, e.g. example.edu/witness")
    p.add_argument("--origin", required=True, help="the origin of the log it witnesses (its checkpoints' first line)")
    p.add_argument("--log-key", required=True, help="the log's note verifier key (from /log/keys), or a file of it")
    p.add_argument("--state", required=True, help="folder where it remembers the last checkpoint it cosigned")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8080, help="port to listen on (0: any free one)")
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        log_key_text = Path(args.log_key).read_text() if Path(args.log_key).is_file() else args.log_key
        log_key = read_key(log_key_text, args.origin)
        witness = Witness(load_private_key(args.key), args.name, args.origin, log_key, args.state)
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 2
    server = ThreadingHTTPServer((args.host, args.port), handler_for(witness))
    host, port = server.server_address[:2]
    print(f"Witness {witness.key.verifier_key} listening on http://{host}:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
