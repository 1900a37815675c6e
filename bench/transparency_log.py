"""The transparency log at 1,000,000 entries: appending, proofs, the verifier's replay, the tiles' size.

    DATABASE_URL=postgres://…/<a database of your own> .venv/bin/python bench/transparency_log.py

What it does (the database named must be yours: the bench migrates it and fills the log's node table):

1. Makes 1,000,000 synthetic leaves (SHA-256 of their number, like revision hashes) and every complete subtree
   above them in memory, with tracker/merkle.py, and COPYs them straight into `tracker_lognode` (the
   PublicRevision rows are not made: the log's storage is what is measured). Skipped when the table already
   holds the tree.
2. On that database, through `LogNode.objects` (the code path of a publish and of /log/proof/): appending
   leaves 1,000,000 .. 1,000,063 one call each (read of the left siblings, insert of the new nodes; in a
   transaction rolled back, so runs can repeat), an inclusion proof of leaf 765,432 in the tree of 1,000,000
   and a consistency proof from 654,321 to 1,000,000 (median of 50 each); each proof is checked with
   tracker/merkle.py, and the stored root against the one computed in memory.
3. Writes the C2SP tiles of the tree (hash tiles and entry bundles, the layout `export_log_tiles` writes)
   and a checkpoint signed with a throwaway key into a temporary folder, and times the standalone verifier
   (verifier/, its own process) replaying the whole log from them: every entry re-hashed, every tile checked,
   the root recomputed.

Figures on this 2-core machine (PostgreSQL 15, 2026-12-06, shared with other work; three runs):

| what | figure | target |
| --- | ---: | ---: |
| append one leaf (median / p95 of 64) | 0.6 to 1.2 ms / 1.2 ms | ≤ 5 ms |
| inclusion proof at 1,000,000 (median of 50) | 0.6 to 1.2 ms | ≤ 10 ms |
| consistency proof 654,321 → 1,000,000 (median of 50) | 0.7 to 1.2 ms | ≤ 10 ms |
| verifier: replay of the whole log from local tiles | 2.6 s | ≤ 300 s |
| tiles: hash tiles / entry bundles / all | 32.1 MB / 34.0 MB / 66.1 MB | |
| node table (1,999,993 rows, with its primary key) | 198 MB | |

One run saw a single append of 87 ms (the machine was busy; its median was 1.2 ms). Building the tree in
memory took 1.8 to 3.9 s, and the COPY of its nodes 3.9 s.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

import base64  # noqa: E402
import hashlib  # noqa: E402

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from tracker import merkle  # noqa: E402
from tracker.history.transparency import LogKey, tiles_of  # noqa: E402
from tracker.models import LogNode  # noqa: E402
from tracker.models.transparency_log import node_key  # noqa: E402

SIZE = 1_000_000
RUNS = 50


def leaf(i):
    return hashlib.sha256(str(i).encode()).digest()


def build_levels(size):
    """[level 0 hashes, level 1, ...]: every complete subtree of the tree of `size` leaves."""
    levels = [[merkle.leaf_hash(leaf(i)) for i in range(size)]]
    while len(levels[-1]) > 1:
        below = levels[-1]
        levels.append([merkle.node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)])
    return levels


def fill(levels):
    if LogNode.objects.size() == SIZE:
        print("The node table already holds the tree of 1,000,000 leaves.")
        return
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")  # the triggers refuse only UPDATE/DELETE
        cursor.execute("TRUNCATE tracker_lognode")
        started = time.perf_counter()
        with cursor.cursor.copy("COPY tracker_lognode (key, hash) FROM STDIN") as copy:  # psycopg 3
            for level, hashes in enumerate(levels):
                for index, h in enumerate(hashes):
                    copy.write_row((node_key(level, index), h))
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("ANALYZE tracker_lognode")
        print(f"COPY of {sum(map(len, levels)):,} nodes: {time.perf_counter() - started:.1f} s")


def median_ms(fn):
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


class Rollback(Exception):
    pass


def appends():
    """The times (ms) of appending leaves 1,000,000 .. 1,000,063 one call each (each odd one reads and
    combines its left siblings, up to 6 levels), in a transaction rolled back so that runs can repeat."""
    times = []
    try:
        with transaction.atomic():
            for size in range(SIZE, SIZE + 64):
                started = time.perf_counter()
                LogNode.objects.append_leaves(size, [leaf(size)])
                times.append((time.perf_counter() - started) * 1000)
            raise Rollback
    except Rollback:
        pass
    return times


def write_tiles(levels, folder):
    """The tiles and entry bundles of the tree, and a checkpoint signed with a throwaway key."""
    total = {"hash": 0, "entries": 0}
    for path, level, index, width in tiles_of(SIZE):
        if level == "entries":
            data = b"".join(b"\x00\x20" + leaf(i) for i in range(index * 256, index * 256 + width))
            total["entries"] += len(data)
        else:
            data = b"".join(levels[level * 8][index * 256 : index * 256 + width])
            total["hash"] += len(data)
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    private = Ed25519PrivateKey.generate()
    key = LogKey("bench.example/log", private.public_key().public_bytes_raw())
    root = merkle.fold([levels[level][index] for level, index in merkle.root_nodes(SIZE)])
    body = f"{key.name}\n{SIZE}\n{base64.b64encode(root).decode()}\n"
    signature = base64.b64encode(key.key_id + private.sign(body.encode())).decode()
    (folder / "checkpoint").write_text(f"{body}\n\u2014 {key.name} {signature}\n")
    return key, total


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    levels = build_levels(SIZE)
    print(f"Tree of {SIZE:,} leaves built in memory: {time.perf_counter() - started:.1f} s")
    fill(levels)
    root = LogNode.objects.root(SIZE)
    assert root == merkle.fold([levels[lv][i] for lv, i in merkle.root_nodes(SIZE)])

    times = appends()
    p95 = sorted(times)[int(len(times) * 0.95)]
    print(
        f"append one leaf: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, "
        f"first {times[0]:.2f} ms (64 appends)"
    )
    index, old = 765_432, 654_321
    proof = LogNode.objects.inclusion_proof(index, SIZE)
    assert merkle.verify_inclusion(index, SIZE, merkle.leaf_hash(leaf(index)), proof, root)
    print(f"inclusion proof: {median_ms(lambda: LogNode.objects.inclusion_proof(index, SIZE)):.2f} ms")
    consistency = LogNode.objects.consistency_proof(old, SIZE)
    assert merkle.verify_consistency(old, SIZE, LogNode.objects.root(old), root, consistency)
    print(f"consistency proof: {median_ms(lambda: LogNode.objects.consistency_proof(old, SIZE)):.2f} ms")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('tracker_lognode')")
        print(f"node table: {cursor.fetchone()[0] / 1e6:.0f} MB")

    with tempfile.TemporaryDirectory() as folder:
        key, total = write_tiles(levels, Path(folder))
        print(
            f"tiles: hash {total['hash'] / 1e6:.1f} MB, entries {total['entries'] / 1e6:.1f} MB, "
            f"all {(total['hash'] + total['entries']) / 1e6:.1f} MB"
        )
        env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT / "verifier" / "src")}
        started = time.perf_counter()
        done = subprocess.run(  # noqa: S603 (our own verifier, our own arguments)
            [sys.executable, "-m", "tracker_verifier", "--log", folder, "--key", key.verifier_key, "replay"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        print(f"verifier replay: {time.perf_counter() - started:.1f} s, exit {done.returncode}")
        print(done.stdout + done.stderr)


if __name__ == "__main__":
    main()
