"""Our pages against Wagtail's bakerydemo, uncached, on this machine in the same run (issue 31: "every page at
least 1.5x bakerydemo's nearest page"). Both sites under gunicorn with the same sync workers, DEBUG off, on
SQLite, with no caching proxy and every shared cache a DummyCache, so that every request renders the whole
page; wrk asks each pair of pages in turn, ours then theirs, for several rounds.

    .venv/bin/python bench/bakerydemo.py BAKERYDEMO_CHECKOUT BAKERYDEMO_PYTHON [--rounds 3] [--seconds 10]

BAKERYDEMO_CHECKOUT is a checkout of wagtail/bakerydemo (its main branch) and BAKERYDEMO_PYTHON the python
of a venv of its own with its requirements and gunicorn (`python3 -m venv <venv>`, then `<venv>/bin/pip
install -r requirements/base.txt whitenoise gunicorn` in the checkout). Nothing is downloaded here. What is
missing is prepared once and kept in `--cache-dir`: our demo database as bench/load.py prepares it
(`migrate`, `load_demo_data`, `search_index --rebuild`; each run copies and migrates it), and bakerydemo's
(`migrate`, `load_initial_data`, `collectstatic`, in bakerydemo-<commit>/ there: its database, media and
static files, used in place).

The pairs, each our page against the nearest of bakerydemo's:
- commitment: the commitment with the most status changes and movements (bench/page_cost.py's), against
  the largest blog page linked from bakerydemo's blog index;
- list: `/commitments/` against the blog index `/blog/`;
- dashboard: `/` against bakerydemo's home page `/`;
- search: `/search/?q=water` against `/search/?q=bread` (8 results: breads and blog pages).

The settings, written to the run's folder: ours are config.settings.test as bench/page_cost.py runs them
(the lists' rows, reports and search answers not kept; the maintained summaries read from their rows, as
production reads them), with WhiteNoise and hashed static files as config.settings.dev serves them with
DEBUG off; bakerydemo's are its own production settings (DEBUG off, WhiteNoise, hashed static files). In
both every cache (Django's CACHES) is a DummyCache: bakerydemo's Wagtail renditions are looked up in its
database on every request, as our kept parts are computed. The database connection is opened per request
by both (Django's default CONN_MAX_AGE on SQLite in both settings). `--their-cache locmem` gives bakerydemo
the cache its production settings have without Redis (a LocMemCache in each worker, which keeps its
renditions and never forgets them on a publish): not the comparison, a bound on how much of its time is the
renditions' queries.

One sync worker each (`--workers 1`) and two wrk connections: the worker is never idle, and req/s is the
inverse of what a page costs the server, little disturbed on two cores shared with wrk and other work (with
more workers, wrk and the other site's idle processes compete with them for the cores). Before measuring,
every page is asked for `--warmup` times (Wagtail makes its renditions, our summaries are stored), and each
page must answer 200 with no redirect; during each wrk run every answer that is not a 200 is counted.
Prints the rounds and, per pair, the median req/s of each, the median of the rounds' ratios (ours/theirs)
and p50/p95 (median over the rounds). Never asserts a time.

Figures: bench/README.md, "Uncached pages against bakerydemo".
"""

# ruff: noqa: S603, S607, T201  (a benchmark starting processes on this machine, asking 127.0.0.1 only)
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from load import loadavg, prepare_sqlite, run_manage  # noqa: E402

from tests.processes import answering, stop, wait_for  # noqa: E402

OUR_SETTINGS = """
from config.settings.test import *  # noqa: F403
from config.settings.test import MIDDLEWARE, STORAGES

PUBLIC_SUMMARIES = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
"""

THEIR_SETTINGS = """
from bakerydemo.settings.production import *  # noqa: F403

DEBUG = False
CACHES = {{"default": {{"BACKEND": {cache!r}}}}}
MEDIA_ROOT = {media!r}
STATIC_ROOT = {static!r}
"""

CACHE_BACKENDS = {
    "dummy": "django.core.cache.backends.dummy.DummyCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
}

# wrk: one line of results at the end (latencies in ms), with the answers that were not a 200.
WRK_SCRIPT = """
wrk.headers["X-Forwarded-Proto"] = "https"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not200 = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not200 = not200 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not200")
  end
  io.write(string.format("RESULT %.2f %.2f %.2f %d %d %d\\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    bad, summary.requests))
end
"""

# Variables of this shell that would choose either site's settings, database, cache or services.
FOREIGN = ("DJANGO_", "DEBUG", "DATABASE_", "CACHE_", "CELERY_", "REDIS", "ELASTICSEARCH", "SECURE_", "STATIC_")


def clean_environment(**extra):
    return {**{k: v for k, v in os.environ.items() if not k.startswith(FOREIGN)}, **extra}


# --- The two sites -------------------------------------------------------------------------------------


def our_site(directory, cache_dir):
    """Our demo database (copied from the prepared one, migrated) and the environment of our site."""
    database = directory / "tracker.sqlite3"
    shutil.copyfile(prepare_sqlite("demo", cache_dir), database)
    (directory / "tracker_uncached.py").write_text(OUR_SETTINGS)
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="tracker_uncached",
        PYTHONPATH=f"{directory}{os.pathsep}{ROOT}",
        DATABASE_URL=f"sqlite:///{database}",
        STATIC_ROOT=str(directory / "static"),
    )
    run_manage(env, "migrate", "--noinput", "-v0")
    run_manage(env, "collectstatic", "--noinput", "-v0")
    return env


def their_site(checkout, python, directory, cache_dir, cache):
    """bakerydemo's prepared database, media and static files (prepared once per commit of the checkout)
    and the environment of its site."""
    commit = git_commit(checkout)
    kept = cache_dir / f"bakerydemo-{commit}"
    (directory / "bakerydemo_uncached.py").write_text(
        THEIR_SETTINGS.format(media=str(kept / "media"), static=str(kept / "static"), cache=CACHE_BACKENDS[cache])
    )
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="bakerydemo_uncached",
        PYTHONPATH=f"{directory}{os.pathsep}{checkout}",
        DATABASE_NAME=str(kept / "bakerydemo.sqlite3"),
        DJANGO_SECRET_KEY="bench-only-" + "b4k3ry" * 8,
    )

    def manage(*args):
        subprocess.run([python, "manage.py", *args], cwd=checkout, env=env, check=True, stdout=subprocess.DEVNULL)

    if not (kept / "prepared").exists():
        print(f"Preparing bakerydemo {commit} ({kept}) ...", file=sys.stderr, flush=True)
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir(parents=True)
        manage("migrate", "--noinput", "-v0")
        manage("load_initial_data")
        manage("collectstatic", "--noinput", "-v0")
        (kept / "prepared").write_text(commit + "\n")
    return env


def git_commit(checkout):
    return subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def versions(python, cwd, env):
    code = "import django, wagtail, sys; print(sys.version.split()[0], django.__version__, wagtail.__version__)"
    out = subprocess.run([python, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return "Python {}, Django {}, Wagtail {}".format(*out.stdout.split())


class Gunicorn:
    """gunicorn with the same options for both sites: sync workers, no access log, errors in a file."""

    def __init__(self, name, python, cwd, env, wsgi, port, workers, directory):
        self.name, self.port, self.log = name, port, directory / f"{name}.log"
        if answering(port):
            raise SystemExit(f"Port {port} is taken: choose others with --port.")
        command = [python, "-m", "gunicorn", "--workers", str(workers), "--worker-class", "sync"]
        command += ["--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning"]
        command += ["--error-logfile", str(self.log), wsgi]
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_for(lambda: self.process.poll() is not None or answering(port), timeout=90, what=f"{name} to listen")
        if self.process.poll() is not None:
            raise SystemExit(f"{name} exited:\n{self.log.read_text()}")

    def stop(self):
        stop(self.process)


# --- The pages -----------------------------------------------------------------------------------------


def get(port, path):
    """(status, body) of one request, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        connection.close()


def our_commitment(env):
    """bench/page_cost.py's commitment (the most status changes and movements), asked of our site's settings
    in a child process."""
    code = "import json, page_cost; print(json.dumps(page_cost.pages()['commitment']))"
    env = {**env, "PYTHONPATH": f"{env['PYTHONPATH']}{os.pathsep}{ROOT / 'bench'}"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def their_blog_page(port):
    """The largest blog page linked from bakerydemo's blog index."""
    _, index = get(port, "/blog/")
    paths = sorted(set(re.findall(r'href="(/blog/(?!tags/)[a-z0-9-]+/)"', index)))
    return max(paths, key=lambda path: len(get(port, path)[1]))


def pairs(env, their_port, search_word):
    return {
        "commitment vs blog page": (our_commitment(env), their_blog_page(their_port)),
        "list vs blog index": ("/commitments/", "/blog/"),
        "dashboard vs home": ("/", "/"),
        "search vs search": ("/search/?q=water", f"/search/?q={search_word}"),
    }


def warm_and_check(port, path, count):
    """Ask for the page `count` times; it must answer 200 every time (a 404, 500 or redirect is fast and would
    fake the figure). Returns the size of its HTML."""
    for _ in range(count):
        status, body = get(port, path)
        if status != 200:  # noqa: PLR2004
            raise SystemExit(f"127.0.0.1:{port}{path} answered {status}, not 200: nothing measured.")
    return len(body.encode())


# --- Measuring -----------------------------------------------------------------------------------------


def wrk(port, path, script, connections, seconds):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", script]
    out = subprocess.run([*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True)
    rps, p50, p95, errors, not200, requests = re.search(
        r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+) (\d+)", out.stdout
    ).groups()
    return {
        "rps": float(rps),
        "p50": float(p50),
        "p95": float(p95),
        "bad": int(errors) + int(not200),
        "requests": int(requests),
    }


def measure(args, ours, theirs, pages, script):
    """{pair: [(our run, their run), ...]}: wrk on our page then theirs, `--rounds` times, pair by pair."""
    results = {}
    for name, (our_path, their_path) in pages.items():
        results[name] = []
        for round_ in range(1, args.rounds + 1):
            mine = wrk(ours.port, our_path, script, args.connections, args.seconds)
            other = wrk(theirs.port, their_path, script, args.connections, args.seconds)
            results[name].append((mine, other))
            print(
                f"  {name}, round {round_}: {mine['rps']:.1f} vs {other['rps']:.1f} req/s"
                f" ({mine['rps'] / other['rps']:.2f}x; load average {loadavg()})",
                file=sys.stderr,
                flush=True,
            )
    return results


def rounds_table(results):
    lines = [
        "| pair | round | ours req/s | theirs req/s | ours/theirs | ours p50 / p95 ms | theirs p50 / p95 ms"
        " | not 200 (ours, theirs) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, runs in results.items():
        for number, (mine, other) in enumerate(runs, 1):
            lines.append(
                f"| {name} | {number} | {mine['rps']:.1f} | {other['rps']:.1f} | {mine['rps'] / other['rps']:.2f}"
                f" | {mine['p50']:.0f} / {mine['p95']:.0f} | {other['p50']:.0f} / {other['p95']:.0f}"
                f" | {mine['bad']}, {other['bad']} |"
            )
    return "\n".join(lines)


def summary_table(pages, sizes, results):
    lines = [
        "| ours | theirs | ours req/s | theirs req/s | ours/theirs (median of rounds) | ours p50 / p95 ms"
        " | theirs p50 / p95 ms | HTML KB (ours, theirs) | >= 1.5x |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, runs in results.items():
        our_path, their_path = pages[name]

        def median(side, key, runs=runs):
            return statistics.median(run[side][key] for run in runs)

        ratio = statistics.median(mine["rps"] / other["rps"] for mine, other in runs)
        lines.append(
            f"| `{our_path}` | `{their_path}` | {median(0, 'rps'):.1f} | {median(1, 'rps'):.1f} | {ratio:.2f}"
            f" | {median(0, 'p50'):.0f} / {median(0, 'p95'):.0f} | {median(1, 'p50'):.0f} / {median(1, 'p95'):.0f}"
            f" | {sizes[name][0] / 1024:.0f}, {sizes[name][1] / 1024:.0f} | {'yes' if ratio >= 1.5 else 'no'} |"  # noqa: PLR2004
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", type=Path, help="a checkout of wagtail/bakerydemo")
    parser.add_argument("python", help="the python of bakerydemo's venv (with its requirements and gunicorn)")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs of each page of a pair, in turn")
    parser.add_argument("--seconds", type=int, default=10, help="each wrk run")
    parser.add_argument("--connections", type=int, default=2, help="wrk's connections (one thread)")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn's sync workers, for each site")
    parser.add_argument("--warmup", type=int, default=20, help="requests of each page before measuring")
    parser.add_argument("--port", type=int, default=8600, help="ours; bakerydemo's is the next one")
    parser.add_argument("--search", default="bread", help="the word searched on bakerydemo")
    parser.add_argument(
        "--their-cache",
        choices=CACHE_BACKENDS,
        default="dummy",
        help="bakerydemo's cache: dummy (the comparison) or locmem (its production default without Redis)",
    )
    parser.add_argument("--only", help="the pairs whose name contains this text")
    parser.add_argument(
        "--cache-dir", type=Path, default=Path.home() / ".cache" / "tracker-bench", help="prepared databases"
    )
    args = parser.parse_args()
    checkout = args.checkout.resolve()
    if not (checkout / "bakerydemo" / "settings" / "production.py").is_file():
        parser.error(f"{checkout} is not a checkout of wagtail/bakerydemo")
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="bench-bakerydemo-"))
    servers = []
    try:
        our_env = our_site(directory, args.cache_dir)
        their_env = their_site(checkout, args.python, directory, args.cache_dir, args.their_cache)
        facts = {
            "ours": f"{versions(sys.executable, ROOT, our_env)}, commit {git_commit(ROOT)}",
            "theirs": f"{versions(args.python, checkout, their_env)}, bakerydemo commit {git_commit(checkout)}",
        }
        ours = Gunicorn("ours", sys.executable, ROOT, our_env, "config.wsgi", args.port, args.workers, directory)
        servers.append(ours)
        theirs = Gunicorn(
            "bakerydemo", args.python, checkout, their_env, "bakerydemo.wsgi", args.port + 1, args.workers, directory
        )
        servers.append(theirs)
        pages = pairs(our_env, theirs.port, args.search)
        if args.only:
            pages = {name: paths for name, paths in pages.items() if args.only in name}
        sizes = {
            name: (warm_and_check(ours.port, mine, args.warmup), warm_and_check(theirs.port, other, args.warmup))
            for name, (mine, other) in pages.items()
        }
        script = directory / "wrk.lua"
        script.write_text(WRK_SCRIPT)
        before, started = loadavg(), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        results = measure(args, ours, theirs, pages, script)
        for mine, other in pages.values():  # still 200 after the load
            warm_and_check(ours.port, mine, 1)
            warm_and_check(theirs.port, other, 1)
        print(
            f"\n{started}; {os.cpu_count()} CPUs, load average {before} before, {loadavg()} after; {args.workers}"
            f" sync worker(s) each, wrk -t1 -c{args.connections}, {args.rounds} rounds of {args.seconds} s per page."
            f"\nOurs: {facts['ours']}, SQLite. bakerydemo: {facts['theirs']}, SQLite, its cache {args.their_cache}.\n"
        )
        print(summary_table(pages, sizes, results) + "\n")
        print(rounds_table(results))
    finally:
        for server in reversed(servers):
            server.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
