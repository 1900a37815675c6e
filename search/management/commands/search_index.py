"""`search_index --rebuild | --check [--repair] | --drain`: the search index's maintenance."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import indexing
from search.backends import SearchUnavailable, targets


class Command(BaseCommand):
    help = (
        "--rebuild: build each search index anew from the published records and swap it in (searches keep "
        "answering meanwhile). --check: report missing, stale and extra documents (exit 1 if any); "
        "with --repair, queue them for indexing. --drain: index what waits in the queue now."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="Build a new index and swap it in.")
        action.add_argument("--check", action="store_true", help="Compare the index with the database.")
        action.add_argument("--drain", action="store_true", help="Drain the index queue in this process.")
        parser.add_argument("--repair", action="store_true", help="With --check: queue what it found wrong.")
        parser.add_argument(
            "--backend",
            choices=["database", "elasticsearch"],
            help="Only this backend (default: every configured one, the database included).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, rebuild, check, drain, repair, backend, no_progress, **options):
        chosen = [backend] if backend else targets()
        if backend and backend not in targets():
            raise CommandError(f"The {backend} backend is not configured (see ELASTICSEARCH_URL).")
        self.show_progress = not no_progress
        if rebuild:
            for target in chosen:
                self._rebuild(target)
        elif check:
            problems = sum(self._check(target, repair) for target in chosen)
            if problems and not repair:
                raise CommandError(f"{problems} problem(s) found; `search_index --check --repair` queues the fixes.")
        if drain or rebuild or repair:
            for report in indexing.drain_all(budget_seconds=3600):
                if report.target in chosen:
                    self._report_drain(report)

    def _bar(self, target, verb):
        stream = getattr(self.stderr, "_out", sys.stderr)
        return tqdm(
            total=indexing.count_published(),
            desc=f"{verb} {target}",
            unit="doc",
            file=stream,
            disable=not self.show_progress,
        )

    def _rebuild(self, target):
        try:
            with self._bar(target, "Indexing") as bar:
                written = indexing.rebuild(target, progress=bar.update)
        except SearchUnavailable as exc:
            raise CommandError(f"The {target} search backend did not answer: {exc}") from exc
        self.stdout.write(f"{target}: indexed {written} published records into a new index and made it live.")

    def _check(self, target, repair):
        with self._bar(target, "Checking") as bar:
            report = indexing.check(target, progress=bar.update)
        if report.unavailable:
            self.stdout.write(f"{target}: the search backend did not answer: {report.unavailable}")
            return 1
        self.stdout.write(
            f"{target}: {len(report.missing)} missing, {len(report.stale)} stale, {len(report.extra)} extra; "
            f"{report.pending} waiting in the queue, {len(report.stuck)} refused repeatedly."
        )
        for label, uids in (("missing", report.missing), ("stale", report.stale), ("extra", report.extra)):
            if uids:
                shown = ", ".join(uids[:20]) + (f" and {len(uids) - 20} more" if len(uids) > 20 else "")
                self.stdout.write(f"  {label}: {shown}")
        for uid, attempts, error in report.stuck:
            self.stdout.write(f"  refused {attempts} times: {uid}: {error}")
        if repair and report.problems:
            self.stdout.write(f"  queued {indexing.repair(report)} entries for re-indexing.")
        return report.problems

    def _report_drain(self, report):
        if report.unavailable:
            self.stdout.write(f"{report.target}: not reachable, the queue waits: {report.unavailable}")
        else:
            self.stdout.write(
                f"{report.target}: queue drained ({report.indexed} indexed, {report.deleted} removed, "
                f"{report.refused} refused)."
            )
