"""Load test of every public page type, in one run: at demo size and at 100,000 commitments, on PostgreSQL
and on SQLite, through the production stack of docs/deploy.md (gunicorn with deploy/gunicorn.conf.py and
2 sync workers, the production settings, a private Redis as the shared cache, Varnish with
deploy/varnish/tracker.vcl in front). Prints Markdown tables; `--readme` also writes them into
bench/README.md.

    .venv/bin/python bench/load.py                          # everything (prepares what is missing first)
    .venv/bin/python bench/load.py --engines postgresql --sizes 100k --only search
    .venv/bin/python bench/load.py --prepare-only           # build the prepared databases, measure nothing

For each page type, through Varnish:
- uncached: every request carries a query parameter of its own (`?bench=<n>`), which the VCL hashes like
  any URL, so each one is a miss that gunicorn answers (the VCL honours no client `Cache-Control`; a
  cache-busting query is the honest way past it). Requests per second, p50 and p95 with 16 clients
  (`wrk -t2 -c16`), and the p95 of one client asking `--single` times in a row.
- cached: the page's own URL, asked once beforehand so Varnish keeps it; requests per second and p95 with
  16 clients.
- a static file (the site's stylesheet, far-future cache headers) through the same Varnish: the physical
  limit of this machine for a cached answer.

Prepared databases are built once and kept (`load_demo_data [--scale N]`, `rebuild_summaries`,
`search_index --rebuild`, ANALYZE): PostgreSQL as a template database `bench_load_<size>` that each run
copies (`createdb -T`), SQLite as a file in `--cache-dir` that each run copies. A run migrates its copy
(the release step), so a branch with new migrations reuses the same prepared data. Building the 100k
databases takes tens of minutes; measuring, a few minutes per database.
"""

# ruff: noqa: S310, S603, S607, S608, T201  (a benchmark starting processes on this machine, asking 127.0.0.1 only)
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from load_tables import format_row, machine_facts, page_table, targets_table, write_readme  # noqa: E402

from tests.deploy.stack import (  # noqa: E402
    HOST,
    production_environment,
    services_running,
    start_gunicorn,
    start_varnish,
)
from tests.processes import Broker, free_port  # noqa: E402

SIZES = {"demo": 0, "100k": 100_000}
ENGINES = ("postgresql", "sqlite")
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}

# The start of every wrk script here (bench/working_day.py's too): the headers of a browser behind nginx,
# and a number for each thread, so that each makes queries of its own.
WRK_PRELUDE = """
local nonce = os.getenv("BENCH_NONCE") or "0"
local threads = 0
wrk.headers["Host"] = "@HOST@"
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Accept-Encoding"] = "gzip"

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
""".replace("@HOST@", HOST)

# wrk: a query of its own per request when busting the cache, and one line of results at the end.
WRK_SCRIPT = (
    WRK_PRELUDE
    + """
local bust = os.getenv("BENCH_BUST") == "1"

local counter = 0
function request()
  if not bust then
    return wrk.format(nil, wrk.path)
  end
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "bench=" .. nonce .. "-" .. tostring(id) .. "-" .. counter)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests))
end
"""
)


# --- Prepared databases --------------------------------------------------------------------------------


def psql(sql, database="postgres"):
    return subprocess.run(
        ["psql", f"{POSTGRES}/{database}", "-tAc", sql], capture_output=True, text=True, check=True
    ).stdout.strip()


def run_manage(env, *args, timeout=None):
    started = time.monotonic()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout)
    return time.monotonic() - started


def preparing_environment(database_url):
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "CACHE_", "CELERY_"))}
    return {**keep, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEBUG": "false", "DATABASE_URL": database_url}


def load_data(database_url, scale):
    """The release step's data of a benchmark: the demo (plus `scale` generated commitments), its
    summaries and search index. Prints how long each step took."""
    env = preparing_environment(database_url)
    for args in (
        ("migrate", "--noinput", "-v0"),
        ("load_demo_data", "--scale", str(scale)),
        ("search_index", "--rebuild", "--no-progress"),
    ):
        print(f"  {' '.join(args)}: {run_manage(env, *args):.0f} s", flush=True)


def template_name(size):
    return f"bench_load_{size}"


def prepared_marker(size):
    return f"tracker bench: scale {SIZES[size]}"


def prepare_postgres(size):
    name = template_name(size)
    comment = psql(f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{name}'")
    if comment == prepared_marker(size):
        return name
    print(f"Preparing PostgreSQL {size} ({name}) ...", flush=True)
    subprocess.run(["dropdb", "--if-exists", f"--maintenance-db={POSTGRES}/postgres", name], check=True)
    psql(f'CREATE DATABASE "{name}"')
    load_data(f"{POSTGRES}/{name}", SIZES[size])
    psql("VACUUM ANALYZE", database=name)  # a bulk load leaves the planner thinking every table is tiny
    psql(f"COMMENT ON DATABASE \"{name}\" IS '{prepared_marker(size)}'")
    return name


def prepare_sqlite(size, cache_dir):
    path = cache_dir / f"load-{size}.sqlite3"
    if path.exists():
        return path
    print(f"Preparing SQLite {size} ({path}) ...", flush=True)
    partial = path.with_suffix(".sqlite3.part")
    partial.unlink(missing_ok=True)
    load_data(f"sqlite:///{partial}", SIZES[size])
    import sqlite3

    with sqlite3.connect(partial) as connection:
        connection.execute("ANALYZE")
    partial.replace(path)
    return path


def database_copy(engine, size, cache_dir, directory):
    """A fresh copy of the prepared database for this run; its URL."""
    if engine == "postgresql":
        template = prepare_postgres(size)
        name = f"bench_run_{size}"
        subprocess.run(["dropdb", "--if-exists", f"--maintenance-db={POSTGRES}/postgres", name], check=True)
        psql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return f"{POSTGRES}/{name}"
    copy = directory / f"{size}.sqlite3"
    shutil.copyfile(prepare_sqlite(size, cache_dir), copy)
    return f"sqlite:///{copy}"


def drop_copy(engine, size):
    if engine == "postgresql":
        subprocess.run(["dropdb", "--if-exists", f"--maintenance-db={POSTGRES}/postgres", f"bench_run_{size}"])


# --- The pages -----------------------------------------------------------------------------------------


def example_pages():
    """{page type: path} with real records of the database (run in a child process with its settings).
    The curated demo's records are in both sizes, so a page type is the same page at both."""
    import django

    django.setup()
    from tracker.models import Commitment, Jurisdiction, Office, Person, PublicRevision

    def first(model, **filters):
        record = model.objects.published().filter(**filters).order_by("pk").first()
        return record.get_absolute_url() if record else None

    # the office that owns the most recent commitment: at 100k, one of thousands of offices' busiest
    busiest = Office.objects.published().filter(ownerships__isnull=False).order_by("-ownerships__id").first()
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
        "API commitment list (50)": "/api/v1/commitments/",
    }
    return {"commitments": Commitment.objects.published().count(), "pages": {n: p for n, p in pages.items() if p}}


def pages_of(env):
    out = subprocess.run(
        [sys.executable, __file__, "--print-pages"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- Measuring -----------------------------------------------------------------------------------------


def get(base, path):
    request = urllib.request.Request(base + path, headers=HEADERS)
    with urllib.request.urlopen(request, timeout=300) as response:
        response.read()
        return response.status, response.headers.get("X-Cache", "")


def wrk(url, script, threads, connections, seconds, bust):
    env = {**os.environ, "BENCH_BUST": "1" if bust else "0", "BENCH_NONCE": f"{time.time_ns()}"}
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", script, url]
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    found = re.search(r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", out)
    rps, p50, p95, errors, requests = found.groups()
    return {"rps": float(rps), "p50": float(p50), "p95": float(p95), "errors": int(errors)}


def single_client_p95(base, path, count):
    """p95 (ms) of `count` requests in a row from one client, each past the cache (a query of its own)."""
    import http.client

    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=300)
    sep = "&" if "?" in path else "?"
    times, errors = [], 0
    for n in range(count):
        started = time.perf_counter()
        connection.request("GET", f"{path}{sep}bench=single-{time.time_ns()}-{n}", headers=HEADERS)
        response = connection.getresponse()
        response.read()
        times.append((time.perf_counter() - started) * 1000)
        errors += response.status >= 300  # noqa: PLR2004
    times.sort()
    return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], errors


def loadavg():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def measure(engine, size, args, static_root):
    """Start the stack on a copy of the prepared database and measure every page; the rows."""
    directory = Path(tempfile.mkdtemp(prefix=f"bench-{engine}-{size}-"))
    broker = Broker(directory)
    broker.start()
    cleanups = (broker.stop, lambda: drop_copy(engine, size), lambda: shutil.rmtree(directory, ignore_errors=True))
    with services_running(after=cleanups) as services:
        database_url = database_copy(engine, size, args.cache_dir, directory)
        varnish_port, gunicorn_port = free_port(), free_port()
        env = production_environment(directory, database_url, broker.port, "", varnish_port)
        env.pop("ELASTICSEARCH_URL")  # the database's own full-text search, as the issue measures
        env["STATIC_ROOT"] = str(static_root)
        env["GUNICORN_TIMEOUT"] = "120"
        env["GUNICORN_LOG_LEVEL"] = "warning"
        env["API_THROTTLE_RATE"] = ""  # one client asks the API thousands of times a minute here
        run_manage(env, "migrate", "--noinput", "-v0")  # the release step, for this branch's migrations
        if not any(static_root.iterdir()):
            run_manage(env, "collectstatic", "--noinput", "-v0")
        found = pages_of(env)
        pages = found["pages"]
        if args.only:
            pages = {name: path for name, path in pages.items() if args.only in name}
        services.append(start_gunicorn(directory, env, gunicorn_port))
        services.append(start_varnish(directory, gunicorn_port, varnish_port))
        proxy = f"http://127.0.0.1:{varnish_port}"
        status, _ = get(f"http://127.0.0.1:{gunicorn_port}", "/")  # gunicorn answers (a cold worker is slow)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, dir=directory) as lua:
            lua.write(WRK_SCRIPT)
        # Every page, several times, before anything is measured: each gunicorn worker loads its templates
        # and code once, and each page's summaries and kept answers are computed once (steady state).
        for path in pages.values():
            for _ in range(6):
                get(proxy, path + ("&" if "?" in path else "?") + f"bench=warm-{time.time_ns()}")
        rows = {"load_before": loadavg(), "commitments": found["commitments"]}
        for name, path in pages.items():
            single, single_errors = single_client_p95(proxy, path, args.single)
            uncached = wrk(proxy + path, lua.name, 2, 16, args.seconds, bust=True)
            status, _ = get(proxy, path)
            _, hit = get(proxy, path)
            cached = wrk(proxy + path, lua.name, 2, 16, args.seconds, bust=False)
            rows[name] = {
                "path": path,
                "uncached": uncached,
                "single_p95": single,
                "cached": cached,
                "cached_hit": hit == "HIT",
                "errors": uncached["errors"] + cached["errors"] + single_errors + (status != 200),  # noqa: PLR2004
            }
            print(f"  {name}: {format_row(name, rows[name])}", file=sys.stderr, flush=True)
        static = static_path(proxy)
        get(proxy, static)
        rows["static file"] = {
            "path": static,
            "cached": wrk(proxy + static, lua.name, 2, 16, args.seconds, bust=False),
            "cached_hit": get(proxy, static)[1] == "HIT",
        }
        rows["load_after"] = loadavg()
        rows["at"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        return rows


def static_path(proxy):
    request = urllib.request.Request(proxy + "/", headers={**HEADERS, "Accept-Encoding": "identity"})
    html = urllib.request.urlopen(request, timeout=60).read().decode()
    return re.search(r'href="(/static/[^"]+\.css)"', html).group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(ENGINES), help="postgresql,sqlite (default both)")
    parser.add_argument("--sizes", default=",".join(SIZES), help="demo,100k (default both)")
    parser.add_argument("--seconds", type=int, default=8, help="Duration of each wrk run (16 clients).")
    parser.add_argument("--single", type=int, default=50, help="Requests in a row of the single client.")
    parser.add_argument("--only", default="", help="Measure only page types whose name contains this text.")
    parser.add_argument(
        "--cache-dir", type=Path, default=Path.home() / ".cache" / "tracker-bench", help="Prepared SQLite files."
    )
    parser.add_argument("--prepare-only", action="store_true", help="Build the prepared databases and stop.")
    parser.add_argument("--readme", action="store_true", help="Also write the tables into bench/README.md.")
    parser.add_argument("--print-pages", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.print_pages:
        print(json.dumps(example_pages()))
        return
    engines, sizes = args.engines.split(","), args.sizes.split(",")
    unknown = [e for e in engines if e not in ENGINES] + [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown engine or size: {', '.join(unknown)} (engines: {ENGINES}, sizes: {list(SIZES)})")
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    if args.prepare_only:
        for engine in engines:
            for size in sizes:
                prepare_postgres(size) if engine == "postgresql" else prepare_sqlite(size, args.cache_dir)
        return
    results = {}
    output = [f"Machine: {machine_facts()}; load average {loadavg()} at the start."]
    with tempfile.TemporaryDirectory(prefix="bench-static-") as static_root:
        for engine in engines:
            for size in sizes:
                print(f"Measuring {engine}, {size} ...", file=sys.stderr, flush=True)
                results[engine, size] = measure(engine, size, args, Path(static_root))
                output.append(page_table(f"{engine}, {size}", results[engine, size]))
                print("\n" + output[-1] + "\n", flush=True)
    for engine in engines:
        table = targets_table(engine, results)
        if table:
            output.append(table)
            print("\n" + table + "\n", flush=True)
    if args.readme:
        write_readme("\n\n".join(output))


if __name__ == "__main__":
    main()
