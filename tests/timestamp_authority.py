"""A real RFC 3161 timestamp authority for tests: OpenSSL's own TSA (`openssl ts -reply`, run as a process for each
request) behind a small HTTP server, with a throwaway root CA and a TSA certificate (extended key usage
timeStamping, critical) made here with `cryptography`. Also an authority that answers garbage, and the
address of one that is down."""

import datetime
import shutil
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

OPENSSL = shutil.which("openssl")

TS_CONFIG = """\
[ tsa ]
default_tsa = tsa_config

[ tsa_config ]
dir = {folder}
serial = $dir/serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.55555.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject, issuer, key, signer, *, ca):
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    return builder.sign(signer, hashes.SHA256())


def _pem(certificate):
    return certificate.public_bytes(serialization.Encoding.PEM)


class TimestampAuthority:
    """OpenSSL's TSA over HTTP at `url`; `chain` is the PEM file readers verify its tokens with (TSA + root)."""

    def __init__(self, folder, name="Test TSA"):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        root_key, tsa_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
        root = _certificate(f"{name} root", f"{name} root", root_key, root_key, ca=True)
        tsa = _certificate(name, f"{name} root", tsa_key, root_key, ca=False)
        self.root_file, self.tsa_file = self.folder / "root.pem", self.folder / "tsa.pem"
        self.key_file, self.chain = self.folder / "tsa.key", self.folder / "chain.pem"
        self.root_file.write_bytes(_pem(root))
        self.tsa_file.write_bytes(_pem(tsa))
        self.chain.write_bytes(_pem(tsa) + _pem(root))
        self.key_file.write_bytes(
            tsa_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        (self.folder / "serial").write_text("01\n")
        self.config = self.folder / "ts.cnf"
        self.config.write_text(TS_CONFIG.format(folder=self.folder))
        self.lock = threading.Lock()  # openssl updates the serial file
        self.requests = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/tsa"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def reply(self, query):
        """openssl ts -reply to a TimeStampReq (DER): the TimeStampResp (DER). The token carries the TSA's
        certificate alone: with `-chain` OpenSSL writes the certificates' SET in the order given rather than
        DER's sorted order, which rfc3161-client refuses to parse; readers have the root from the chain file."""
        with self.lock:
            self.requests += 1
            query_file, reply_file = self.folder / "query.tsq", self.folder / "reply.tsr"
            query_file.write_bytes(query)
            subprocess.run(  # noqa: S603
                [
                    OPENSSL,
                    "ts",
                    "-reply",
                    "-config",
                    str(self.config),
                    "-queryfile",
                    str(query_file),
                    "-signer",
                    str(self.tsa_file),
                    "-inkey",
                    str(self.key_file),
                    "-out",
                    str(reply_file),
                ],  # fmt: skip
                check=True,
                capture_output=True,
                timeout=30,
            )
            return reply_file.read_bytes()

    def _handler(self):
        authority = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                query = self.rfile.read(int(self.headers["Content-Length"]))
                body = authority.answer(query)
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler

    def answer(self, query):
        return self.reply(query)

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class GarbageAuthority(TimestampAuthority):
    """Answers every request 200 with bytes that are no timestamp response."""

    def answer(self, query):
        self.requests += 1
        return b"this is not a timestamp token"


def address_of_nothing():
    """An http address where nothing listens (connection refused)."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    return f"http://127.0.0.1:{port}/tsa"
