"""Load test of every public page type: gunicorn (2 sync workers, DEBUG off) in front of whatever database
DATABASE_URL names, driven by wrk. Prints a Markdown table: for each page type, requests per second and
p50/p95 latency under load (`wrk -t2 -c16`), and the p95 of a single client (`wrk -t1 -c1`).

    DATABASE_URL=postgres://.../flat_bench .venv/bin/python bench/load.py --label "PostgreSQL, 100k"
    .venv/bin/python bench/load.py --label "SQLite, demo"            # db.sqlite3 of `make demo`

Load the data first (`load_demo_data [--scale N]`), then `rebuild_summaries` and `search_index --rebuild`.
Each page is asked for once before it is measured, so the figures are those of a page whose summary is
fresh: "uncached" here means no HTTP cache or proxy in front, as the issue's targets say.
"""

# ruff: noqa: S310, S603, S607  (a benchmark starting gunicorn and wrk on this machine, asking 127.0.0.1 only)
import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

LATENCY_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.status, summary.requests))
end
"""


def example_pages():
    """{page type: path} with real records of the database."""
    import django

    django.setup()
    from tracker.models import Commitment, Jurisdiction, Office, Person, PublicRevision

    def first(model, **filters):
        record = model.objects.published().filter(**filters).order_by("pk").first()
        return record.get_absolute_url() if record else None

    busiest = (
        Office.objects.published().filter(ownerships__isnull=False).order_by("-ownerships__id").first()
    )  # an office owning commitments
    commitment = Commitment.objects.published().filter(movements__isnull=False).order_by("pk").first()
    revision = (
        PublicRevision.objects.filter(object_id=str(commitment.pk)).order_by("number").first() if commitment else None
    )
    pages = {
        "dashboard": "/",
        "commitment list": "/commitments/",
        "commitment list, filtered (overdue, appointed)": "/commitments/?overdue=1&office_kind=appointed",
        "commitment": commitment.get_absolute_url() if commitment else None,
        "person": first(Person, tenures__isnull=False),
        "office": busiest.get_absolute_url() if busiest else None,
        "jurisdiction (province)": first(Jurisdiction, tier="province"),
        "accountability": "/accountability/",
        "search `water`": "/search/?q=water",
        "search, faceted": "/search/?q=school&status=in_progress&office_kind=appointed",
        "search, empty box": "/search/",
        "history": f"{commitment.get_absolute_url()}history/" if commitment else None,
        "revision": f"{commitment.get_absolute_url()}history/{revision.number}/" if revision else None,
        "changes feed": "/feeds/changes/",
    }
    return {name: path for name, path in pages.items() if path}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=60).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer")


def wrk(url, script, threads, connections, seconds):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", out)
    rps, p50, p95, errors, requests = found.groups()
    return float(rps), float(p50), float(p95), int(errors), int(requests)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="")
    parser.add_argument("--seconds", type=int, default=10, help="Duration of each loaded run.")
    parser.add_argument("--single-seconds", type=int, default=5, help="Duration of each single-client run.")
    parser.add_argument("--only", default="", help="Measure only page types containing this text.")
    args = parser.parse_args()
    pages = example_pages()
    if args.only:
        pages = {k: v for k, v in pages.items() if args.only in k}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "120"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(LATENCY_SCRIPT)
    try:
        wait_until_up(base)
        print(f"\n{args.label} ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n")
        print("| page | URL | req/s (16 clients) | p50 ms | p95 ms | single-client p95 ms | non-2xx |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for name, path in pages.items():
            for _ in range(2):  # each worker computes what it needs once (summaries, caches)
                urllib.request.urlopen(base + path, timeout=300).read()
            single = wrk(base + path, lua.name, 1, 1, args.single_seconds)
            loaded = wrk(base + path, lua.name, 2, 16, args.seconds)
            print(
                f"| {name} | `{path}` | {loaded[0]:.0f} | {loaded[1]:.0f} | {loaded[2]:.0f} | {single[2]:.0f} |"
                f" {loaded[3] + single[3]} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        os.unlink(lua.name)


if __name__ == "__main__":
    main()
