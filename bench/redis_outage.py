"""Load with Redis killed in the middle: the production stack of bench/load.py (gunicorn with
deploy/gunicorn.conf.py and 2 sync workers, the production settings, a private Redis as the shared cache and
broker, Varnish in front) on a copy of the prepared PostgreSQL demo database, under steady load from 16
clients, each request a page of its own past Varnish (`?bench=<n>`, as load.py's "uncached"), cycling through
every public page type and the API. Redis is killed (SIGKILL) after `--before` seconds and started again,
empty, `--down` seconds later; the load goes on `--after` seconds more. An editor's publish is made while
Redis is down, and the record's page is read after Redis is back: it must show the new title.

    .venv/bin/python bench/redis_outage.py                       # 30 s before, 30 s down, 30 s after
    .venv/bin/python bench/redis_outage.py --before 10 --down 10 --after 10

Prints, for each phase, requests, errors (a status other than 200, or no answer), req/s, p50 and p95 (ms).
"""

# ruff: noqa: S310, S603, S607, T201  (a benchmark starting processes on this machine, asking 127.0.0.1 only)
import argparse
import http.client
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # noqa: E402  (bench/load.py: the stack, the prepared databases, the example pages)

RUN_DATABASE = "bench_outage_demo"
NEW_TITLE = "Retitled while Redis was down"
PUBLISH = f"""
import time
from tracker import publishing
from tracker.models import Commitment
record = Commitment.objects.get(slug=%r)
record.title = {NEW_TITLE!r}
started = time.monotonic()
revision = publishing.publish(record, summary="Published while Redis was down")
print("PUBLISHED", revision.number, round(time.monotonic() - started, 3))
"""


def database_copy():
    template = load.prepare_postgres("demo")
    dropdb = ["dropdb", "--if-exists", f"--maintenance-db={load.POSTGRES}/postgres", RUN_DATABASE]
    subprocess.run(dropdb, check=True)
    load.psql(f'CREATE DATABASE "{RUN_DATABASE}" TEMPLATE "{template}"')
    return f"{load.POSTGRES}/{RUN_DATABASE}"


class Clients:
    """`count` threads asking for `paths` in turn, each request a page of its own; every answer recorded
    as (monotonic time it ended, milliseconds, ok)."""

    def __init__(self, base, paths, count):
        self.host, self.paths, self.count = base.removeprefix("http://"), paths, count
        self.results, self.lock, self.running = [], threading.Lock(), True
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(count)]

    def run(self, number):
        connection = http.client.HTTPConnection(self.host, timeout=60)
        n = 0
        while self.running:
            path = self.paths[(number + n) % len(self.paths)]
            n += 1
            sep = "&" if "?" in path else "?"
            started = time.monotonic()
            try:
                connection.request("GET", f"{path}{sep}bench=outage-{number}-{n}", headers=load.HEADERS)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200  # noqa: PLR2004
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(self.host, timeout=60)
            ended = time.monotonic()
            with self.lock:
                self.results.append((ended, (ended - started) * 1000, ok))

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=90)


class Publisher(threading.Thread):
    """`manage.py shell` publishing a new title for the record `slug`; `outcome` says how it went."""

    def __init__(self, env, slug, began):
        super().__init__(daemon=True)
        self.env, self.slug, self.began, self.outcome = env, slug, began, "the publish did not finish"

    def run(self):
        started = time.monotonic() - self.began
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", PUBLISH % self.slug],
            cwd=load.ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        line = next((line for line in done.stdout.splitlines() if line.startswith("PUBLISHED")), None)
        if line is None:
            self.outcome = f"the publish failed: {done.stderr.strip().splitlines()[-1:]}"
            return
        _, number, seconds = line.split()
        self.outcome = f"revision {number} published at {started:.0f} s, Redis down; publish() took {seconds} s"
        print(self.outcome, file=sys.stderr, flush=True)


def summary(results, start, end):
    rows = [r for r in results if start <= r[0] < end]
    times = sorted(ms for _t, ms, _ok in rows)
    if not times:
        return {"requests": 0, "errors": 0, "rps": 0.0, "p50": 0.0, "p95": 0.0}

    def percentile(p):
        return times[min(len(times) - 1, round(p * (len(times) - 1)))]

    errors = sum(1 for _t, _ms, ok in rows if not ok)
    return {
        "requests": len(rows),
        "errors": errors,
        "rps": len(rows) / (end - start),
        "p50": percentile(0.5),
        "p95": percentile(0.95),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=float, default=30, help="Seconds of load before Redis is killed.")
    parser.add_argument("--down", type=float, default=30, help="Seconds Redis stays down.")
    parser.add_argument("--after", type=float, default=30, help="Seconds of load after it is back.")
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()

    directory = Path(tempfile.mkdtemp(prefix="bench-outage-"))
    redis = load.Broker(directory)
    redis.start()
    dropped = (
        lambda: subprocess.run(["dropdb", "--if-exists", f"--maintenance-db={load.POSTGRES}/postgres", RUN_DATABASE]),
        lambda: shutil.rmtree(directory, ignore_errors=True),
    )
    with load.services_running(after=(redis.stop, *dropped)) as services:
        env = load.production_environment(directory, database_copy(), redis.port, "", load.free_port())
        env.pop("ELASTICSEARCH_URL")
        env.update(STATIC_ROOT=str(directory / "static"), GUNICORN_TIMEOUT="120", GUNICORN_LOG_LEVEL="warning")
        env["API_THROTTLE_RATE"] = ""
        load.run_manage(env, "migrate", "--noinput", "-v0")
        load.run_manage(env, "collectstatic", "--noinput", "-v0")
        pages = load.pages_of(env)["pages"]
        commitment = pages["commitment"]
        gunicorn_port, varnish_port = load.free_port(), int(env["FRONTEND_CACHE_URL"].rsplit(":", 1)[1])
        services.append(load.start_gunicorn(directory, env, gunicorn_port))
        services.append(load.start_varnish(directory, gunicorn_port, varnish_port))
        proxy = f"http://127.0.0.1:{varnish_port}"
        for path in pages.values():  # warm: each worker's code and templates, and Redis's kept parts
            for _ in range(4):
                load.get(proxy, path + ("&" if "?" in path else "?") + f"bench=warm-{time.time_ns()}")

        loadavg = load.loadavg()
        clients = Clients(proxy, list(pages.values()), args.clients)
        began = time.monotonic()
        clients.start()
        time.sleep(args.before)
        killed = time.monotonic()
        redis.process.kill()
        redis.process.wait()
        redis.process = None
        print(f"Redis killed at {killed - began:.1f} s", file=sys.stderr, flush=True)
        # The editor's publish, a third of the way into the outage, in a process of its own (as the admin's
        # gunicorn worker would be); Redis is started again on time whatever it takes.
        time.sleep(args.down / 3)
        publisher = Publisher(env, commitment.strip("/").rsplit("/", 1)[-1], began)
        publisher.start()
        time.sleep(max(0.0, killed + args.down - time.monotonic()))
        restarted = time.monotonic()
        redis.start()
        print(f"Redis started again at {restarted - began:.1f} s", file=sys.stderr, flush=True)
        time.sleep(args.after)
        clients.stop()
        ended = time.monotonic()
        publisher.join(timeout=300)
        published = publisher.outcome
        # After Redis is back: the record's page through Varnish (its own address, purged by the publish).
        page = load.get(proxy, commitment)
        request = urllib.request.Request(proxy + commitment, headers={**load.HEADERS, "Accept-Encoding": "identity"})
        fresh = NEW_TITLE in urllib.request.urlopen(request, timeout=60).read().decode()

        phases = [
            ("before (Redis up)", began, killed),
            ("Redis down", killed, restarted),
            ("after (Redis back)", restarted, ended),
            ("whole run", began, ended),
        ]
        print(f"\n{len(pages)} page types, {args.clients} clients, each request past Varnish; load average {loadavg}.")
        print(f"An editor's publish: {published}.")
        print(f"The record's page after Redis returned shows the title published meanwhile: {fresh} ({page[0]}).\n")
        print("| phase | seconds | requests | errors | req/s | p50 ms | p95 ms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, start, end in phases:
            s = summary(clients.results, start, end)
            print(
                f"| {name} | {end - start:.0f} | {s['requests']} | {s['errors']} | {s['rps']:.0f} | {s['p50']:.0f}"
                f" | {s['p95']:.0f} |"
            )


if __name__ == "__main__":
    main()
