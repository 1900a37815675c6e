"""A working day: what readers get while editors publish (issue 31). A mixed load over every public page type
of bench/load.py, from 8 clients for `--seconds`, three times on one copy of the prepared database: with no
publishing, with a publish every 10 s, and with a publish every second. After the release steps (migrate,
collectstatic, rebuild_summaries: a summary for every office, person and place, as the site keeps them),
through the production stack (gunicorn with deploy/gunicorn.conf.py and 2 workers, a Celery worker for
each group of queues of docs/deploy.md, a private Redis as the shared cache and the broker); each request
carries a query of its own, so it is a page gunicorn makes, as Varnish would ask for it.

    .venv/bin/python bench/working_day.py --size 100k [--seconds 120] [--every 0,10,1] [--first 5]
        [--new-deadline-every 5] [--no-rebuild]

A publish is an editor's: one published commitment (the next one of a fixed list) gets a progress figure
(and, every `--new-deadline-every` publishes, 5 by default, a new deadline: what every figure counts, so the
summaries of its pages are computed again, where a progress figure changes no kept figure) and is published
through the publishing service, as the admin's Publish button does (one public revision, the
summaries it touches marked stale, the refresh and the purges after the commit). The publisher runs in its
own process beside the load and counts what it published. Prints a Markdown table: req/s, p50, p95, p99,
errors, publishes, their ratio to no publishing, and the CPU seconds each part of the stack used (gunicorn's
workers, the Celery workers, the editor's process, PostgreSQL) during the load. Targets (at 100k on
PostgreSQL): with a publish every 10 s, req/s at least 0.8x and p95 at most 2x of no publishing; with a
publish every second, no error and p99 at most 1 s. Then, with no load, `--first` publishes, each followed at
once by one request of every page type in turn: the first request after a publish, median and slowest
(target: 300 ms at most for every page type); each of those publishes gives a new deadline.
"""

# ruff: noqa: S603, S607, T201  (a benchmark starting processes on this machine, asking 127.0.0.1 only)
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load import ENGINES, SIZES, WRK_PRELUDE, database_copy, drop_copy, get, loadavg, pages_of  # noqa: E402
from load_tables import machine_facts  # noqa: E402

from tests.deploy.stack import HOST, production_environment, services_running, start_gunicorn, start_worker  # noqa: E402
from tests.processes import Broker, free_port  # noqa: E402

CLIENTS = 8

# wrk: every thread walks the pages in turn from its own starting point, each request with a query of its
# own; at the end one line of results (latencies in ms).
MIXED = (
    WRK_PRELUDE
    + """
local paths = {@PATHS@}

local counter = 0
function request()
  counter = counter + 1
  local path = paths[((counter + id * 7) % #paths) + 1]
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, path .. sep .. "bench=" .. nonce .. "-" .. tostring(id) .. "-" .. counter)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests))
end
"""
)

# The editor: run in a child process with the site's settings; prints how many it published.
PUBLISHER = """
import datetime, sys, time
import django
django.setup()
from django.contrib.auth import get_user_model
from tracker import publishing
from tracker.models import Commitment

every, until = float(sys.argv[1]), time.monotonic() + float(sys.argv[2])
start = int(sys.argv[3]) if len(sys.argv) > 3 else 0  # where in the list this editor begins
moves_deadline = int(sys.argv[4]) if len(sys.argv) > 4 else 1  # every how many publishes a new deadline
user = get_user_model().objects.filter(is_superuser=True).first()
ids = list(Commitment.objects.published().order_by("pk").values_list("pk", flat=True)[:500])
done = 0
while time.monotonic() < until:
    started = time.monotonic()
    commitment = Commitment.objects.get(pk=ids[(start + done) % len(ids)])
    commitment.progress = (commitment.progress or 0) % 100 + 1
    summary = "Progress updated (working-day benchmark)"
    if moves_deadline and done % moves_deadline == moves_deadline - 1:
        # A new deadline: what every figure counts (overdue, delay), so its pages are computed again.
        commitment.deadline = (commitment.deadline or commitment.made_on) + datetime.timedelta(days=30)
        summary = "New deadline announced (working-day benchmark)"
    publishing.publish(commitment, user=user, summary=summary)
    done += 1
    time.sleep(max(0.0, every - (time.monotonic() - started)))
print(f"PUBLISHED {done}")
"""


# One worker per group of queues, as docs/deploy.md enables them: fetching cited pages (which waits on other
# sites, and here on timeouts: no internet) and the search index never hold up the summaries' refresh.
WORKER_GROUPS = {"worker": ("celery", "mail", "downloads", "webhooks"), "indexer": ("indexing",)}
WORKER_GROUPS["archiver"] = ("archives",)

# Which part of the stack a process is, by its command line: where the CPU of a run went.
ROLES = (("gunicorn", "web"), ("celery", "worker"), ("PUBLISHED", "editor"), ("postgres", "database"))


class CpuByRole(threading.Thread):
    """CPU seconds each part of the stack used while running: every process is read from /proc once a
    second, so a gunicorn worker replaced meanwhile still counts what it used until its last reading."""

    def __init__(self):
        super().__init__(daemon=True)
        self.first, self.last, self.stopped = {}, {}, threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.read()
            self.stopped.wait(1.0)

    def read(self):
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue  # gone meanwhile
            role = next((name for text, name in ROLES if text in command), None)
            if role:
                used = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
                self.first.setdefault(entry.name, (role, used))
                self.last[entry.name] = (role, used)

    def stop(self):
        self.stopped.set()
        self.join()
        self.read()
        totals = dict.fromkeys((name for _text, name in ROLES), 0.0)
        for pid, (role, used) in self.last.items():
            totals[role] += used - self.first[pid][1]
        return totals


# gunicorn's access log, one line per request: the path with its query and the milliseconds it took.
ACCESS_LOG_FORMAT = "TIMED %(U)s?%(q)s %(M)s"


def slowest_pages(log, offset, pages, count=3):
    """The `count` page types with the highest p95 in gunicorn's access log from `offset` on."""
    by_path = {path: name for name, path in pages.items()}
    times = {}
    for line in log.read_text(errors="replace")[offset:].splitlines():
        found = re.search(r"TIMED (\S+) (\d+)$", line)
        if not found:
            continue
        path, query = found.group(1).split("?", 1)
        kept = "&".join(part for part in query.split("&") if part and not part.startswith("bench="))
        name = by_path.get(path + ("?" + kept if kept else ""))
        if name:
            times.setdefault(name, []).append(int(found.group(2)))
    p95 = {name: sorted(found)[int(0.95 * (len(found) - 1))] for name, found in times.items()}
    return ", ".join(f"{name} {ms} ms" for name, ms in sorted(p95.items(), key=lambda item: -item[1])[:count])


def log_sizes(directory):
    """How far each Celery worker's log has been written: where a run's part of it starts."""
    return {name: len((directory / f"{name}.log").read_text(errors="replace")) for name in WORKER_GROUPS}


def worker_tasks(directory, offsets):
    """What the Celery workers did from `offsets` on, from their logs: their tasks by total seconds."""
    spent = {}
    for worker, offset in offsets.items():
        text = (directory / f"{worker}.log").read_text(errors="replace")[offset:]
        for found in re.finditer(r"Task (\S+)\[[^\]]*\] succeeded in ([\d.]+)s", text):
            name = found.group(1).rsplit(".", 1)[-1]
            count, seconds = spent.get(name, (0, 0.0))
            spent[name] = (count + 1, seconds + float(found.group(2)))
    ranked = sorted(spent.items(), key=lambda item: -item[1][1])
    return ", ".join(f"{name} {count}x {seconds:.1f} s" for name, (count, seconds) in ranked) or "nothing"


def mixed_load(base, pages, seconds, directory):
    script = directory / "mixed.lua"
    quoted = ", ".join(f'"{path}"' for path in pages.values())
    script.write_text(MIXED.replace("@PATHS@", quoted).replace("@HOST@", HOST))
    env = {**os.environ, "BENCH_NONCE": f"{time.time_ns()}"}
    command = ["wrk", "-t2", f"-c{CLIENTS}", f"-d{seconds}s", "--timeout", "60s", "-s", str(script), base + "/"]
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    rps, p50, p95, p99, errors, requests = re.search(r"RESULT (\S+) (\S+) (\S+) (\S+) (\d+) (\d+)", out).groups()
    return {"rps": float(rps), "p50": float(p50), "p95": float(p95), "p99": float(p99), "errors": int(errors)}


def working_day(env, base, pages, seconds, every, directory, new_deadline_every):
    """The mixed load with a publish every `every` seconds (0: none); its figures and the publishes."""
    publisher = None
    if every:
        command = [sys.executable, "-c", PUBLISHER, str(every), str(seconds), "0", str(new_deadline_every)]
        publisher = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    cpu = CpuByRole()
    cpu.start()
    figures = mixed_load(base, pages, seconds, directory)
    figures["cpu"] = cpu.stop()
    figures["published"] = 0
    if publisher:
        out, _ = publisher.communicate(timeout=seconds + 120)
        found = re.search(r"PUBLISHED (\d+)", out or "")
        figures["published"] = int(found.group(1)) if found else -1
    return figures


def first_requests(env, base, pages, publishes):
    """After each of `publishes` publishes (each by the editor's process, as in the working day, committed
    before the first request), every page type asked once, in turn, with no load: {page type: [ms]}."""
    times = {name: [] for name in pages}
    for n in range(publishes):
        editor = [sys.executable, "-c", PUBLISHER, "1", "0.1", str(100 + n), "1"]  # each a new deadline
        subprocess.run(editor, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
        for name, path in pages.items():
            started = time.perf_counter()
            get(base, path + ("&" if "?" in path else "?") + f"bench=first-{time.time_ns()}")
            times[name].append(1000 * (time.perf_counter() - started))
    return times


def print_first_requests(times):
    print("\n| page type, first request after a publish | median ms | slowest ms |")
    print("| --- | ---: | ---: |")
    for name, found in times.items():
        print(f"| {name} | {statistics.median(found):.0f} | {max(found):.0f} |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="postgresql", choices=ENGINES)
    parser.add_argument("--size", default="100k", choices=list(SIZES))
    parser.add_argument("--seconds", type=int, default=120, help="Duration of each mixed load.")
    parser.add_argument("--every", default="0,10,1", help="Seconds between publishes, per run (0: none).")
    parser.add_argument("--first", type=int, default=5, help="Publishes after which every page is asked once.")
    parser.add_argument(
        "--no-rebuild",
        dest="rebuild",
        action="store_false",
        help="Skip the release step rebuild_summaries: only the pages read keep a summary.",
    )
    parser.add_argument(
        "--new-deadline-every",
        type=int,
        default=5,
        help="Every how many publishes the editor also gives the commitment a new deadline (0: never).",
    )
    parser.add_argument("--cache-dir", type=Path, default=Path.home() / ".cache" / "tracker-bench")
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="bench-working-day-"))
    broker = Broker(directory)
    broker.start()
    dropped = (lambda: drop_copy(args.engine, args.size), lambda: shutil.rmtree(directory, ignore_errors=True))
    with services_running(after=(broker.stop, *dropped)) as services:
        database_url = database_copy(args.engine, args.size, args.cache_dir, directory)
        port = free_port()
        env = production_environment(directory, database_url, broker.port, "", free_port())
        env.pop("ELASTICSEARCH_URL")
        env.update(GUNICORN_TIMEOUT="120", GUNICORN_LOG_LEVEL="warning", API_THROTTLE_RATE="", FRONTEND_CACHE_URL="")
        env["GUNICORN_CMD_ARGS"] = f"--access-logformat '{ACCESS_LOG_FORMAT}'"
        for step in (("migrate", "--noinput"), ("collectstatic", "--noinput")):  # the release steps
            subprocess.run([sys.executable, "manage.py", *step, "-v0"], cwd=ROOT, env=env, check=True)
        if args.rebuild:  # and the last one: a summary for every office, person and place, as the site keeps
            rebuilt = subprocess.run(
                [sys.executable, "manage.py", "rebuild_summaries"], cwd=ROOT, env=env, check=True, capture_output=True
            )
            print(f"  rebuild_summaries: {rebuilt.stdout.decode().strip()}", file=sys.stderr, flush=True)
        found = pages_of(env)
        services.append(start_gunicorn(directory, env, port))
        for name, queues in WORKER_GROUPS.items():
            services.append(start_worker(directory, env, queues, name))
        base = f"http://127.0.0.1:{port}"
        for path in found["pages"].values():  # each worker has its code, templates and kept parts
            for _ in range(4):
                get(base, path + ("&" if "?" in path else "?") + f"bench=warm-{time.time_ns()}")
        print(f"Machine: {machine_facts()}; {found['commitments']:,} published commitments; {args.engine}.")
        print(f"Mixed load over {len(found['pages'])} page types, {CLIENTS} clients, {args.seconds} s each.\n")
        print(
            "| publishing | req/s | p50 ms | p95 ms | p99 ms | errors | publishes | req/s vs none | p95 vs none "
            "| CPU s: web / worker / editor / database |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        calm = None
        for every in (float(e) for e in args.every.split(",") if e):
            before, offset = loadavg(), len((directory / "gunicorn.log").read_text(errors="replace"))
            worker_offsets = log_sizes(directory)
            row = working_day(env, base, found["pages"], args.seconds, every, directory, args.new_deadline_every)
            calm = calm or (row if not every else None)
            ratio = (f"{row['rps'] / calm['rps']:.2f}x", f"{row['p95'] / calm['p95']:.2f}x") if calm else ("", "")
            name = "none" if not every else f"one every {every:g} s"
            print(
                f"| {name} | {row['rps']:.1f} | {row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} "
                f"| {row['errors']} | {row['published']} | {ratio[0]} | {ratio[1]} "
                f"| {' / '.join(f'{used:.0f}' for used in row['cpu'].values())} |",
                flush=True,
            )
            print(f"  load average {before} before, {loadavg()} after", file=sys.stderr, flush=True)
            slowest = slowest_pages(directory / "gunicorn.log", offset, found["pages"])
            print(f"  slowest page types (p95 in gunicorn): {slowest}", file=sys.stderr, flush=True)
            tasks = worker_tasks(directory, worker_offsets)
            print(f"  the workers' tasks: {tasks}", file=sys.stderr, flush=True)
        if args.first:
            print_first_requests(first_requests(env, base, found["pages"], args.first))


if __name__ == "__main__":
    main()
