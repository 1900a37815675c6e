"""What the summaries' refresh costs after each publish, on a site that keeps a row for every page.

A site after `rebuild_summaries` (a release step of docs/deploy.md, and of `bench/working_day.py`) keeps a
summary row for every office, person and place. This runs, in-process, the
working day's editor (one published commitment of a fixed list gets a progress figure and, every
`--new-deadline-every` publishes (each by default), a new deadline, and is published through the publishing
service, every `--every` seconds) and after each publish what the worker would do,
`summaries.refresh()`, with the settings' cost ratio, and prints per publish how many rows were stale and
how long the refresh took, how long the publish itself took and, of that, the tallies that adjust the
dashboard's and the holders' rows in its transaction, then the seconds spent on each kind of row.

Run it on a copy of a prepared database (bench/load.py --prepare-only), rebuilt first:

    createdb -T bench_load_100k refresh_cost
    export DJANGO_SETTINGS_MODULE=config.settings.dev DEBUG=false DATABASE_URL=postgres://.../refresh_cost
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py rebuild_summaries
    .venv/bin/python bench/refresh_cost.py [--publishes 12] [--every 10] [--new-deadline-every 1]
"""

# ruff: noqa: T201  (a benchmark printing its figures)
import argparse
import datetime
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publishes", type=int, default=12)
    parser.add_argument("--every", type=float, default=10.0, help="Seconds from one publish to the next.")
    parser.add_argument(
        "--new-deadline-every", type=int, default=1, help="Every how many publishes a new deadline too (0: never)."
    )
    args = parser.parse_args()
    django.setup()
    from django.contrib.auth import get_user_model

    from tracker import publishing
    from tracker.models import Commitment, PublicSummary
    from tracker.public import summaries

    user = get_user_model().objects.filter(is_superuser=True).first()
    ids = list(Commitment.objects.published().order_by("pk").values_list("pk", flat=True)[:500])
    summaries.refresh()  # whatever was stale before the first publish
    by_kind = defaultdict(lambda: [0, 0.0])
    compute_key = summaries.compute_key

    def timed(key, today):
        started = time.perf_counter()
        try:
            return compute_key(key, today)
        finally:
            spent = by_kind[key.partition(":")[0]]
            spent[0] += 1
            spent[1] += time.perf_counter() - started

    summaries.compute_key = timed
    tallied = [0.0]

    def timed_tally(adjust):
        def tally(*args):
            started = time.perf_counter()
            try:
                return adjust(*args)
            finally:
                tallied[0] += time.perf_counter() - started

        return tally

    for tally_module in (summaries.dashboard_tally, summaries.holder_tally):
        tally_module.adjust = timed_tally(tally_module.adjust)
    total = 0.0
    for n in range(args.publishes):
        started = time.perf_counter()
        commitment = Commitment.objects.get(pk=ids[n % len(ids)])
        commitment.progress = (commitment.progress or 0) % 100 + 1
        if args.new_deadline_every and n % args.new_deadline_every == args.new_deadline_every - 1:
            # What every figure counts: a progress figure alone makes no summary stale (figure_inputs.py).
            commitment.deadline = (commitment.deadline or commitment.made_on) + datetime.timedelta(days=30)
        tallied[0] = 0.0
        publishing_started = time.perf_counter()
        publishing.publish(commitment, user=user, summary="Progress updated (refresh-cost benchmark)")
        published_in = time.perf_counter() - publishing_started
        stale = PublicSummary.objects.exclude(fresh=True).count()
        refreshing = time.perf_counter()
        computed = summaries.refresh()
        spent = time.perf_counter() - refreshing
        total += spent
        print(
            f"publish {n + 1}: {published_in * 1000:.0f} ms (tallies {tallied[0] * 1000:.0f} ms), {stale} rows stale,"
            f" refresh {spent:.2f} s ({computed} rows computed)",
            flush=True,
        )
        time.sleep(max(0.0, args.every - (time.perf_counter() - started)))
    print(f"refresh in all: {total:.1f} s after {args.publishes} publishes")
    for kind, (count, seconds) in sorted(by_kind.items(), key=lambda item: -item[1][1]):
        print(f"  {kind}: {count} rows, {seconds:.1f} s")


if __name__ == "__main__":
    main()
