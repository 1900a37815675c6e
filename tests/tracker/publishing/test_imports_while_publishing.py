"""Two imports applied while eight editors publish, each in a process of its own (as gunicorn's workers and
Celery's are) on PostgreSQL: nobody meets a deadlock, every publish and every imported row is there, and
the history verifies (issue 25, item 4: an import running while someone published deadlocked, 2 of 2 runs).

The editors and the imports touch the same commitments, the same owner offices and the same place, and the
page summaries are on as in production, so each writer marks the same summary rows stale."""

import json
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from tests import scenario
from tests.search.conftest import ROOT, _test_database_url
from tests.tracker.spreadsheets.sheets import as_csv, good_row
from tracker.history.verification import verify_chains, verify_live_records, verify_site_log
from tracker.models import Commitment, PublicRevision, PublicSummary
from tracker.public.summaries import accountability_key
from tracker.publishing.imports import apply_plan
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]
EDITORS, IMPORTS = 8, 2
SHARED = [f"PK-{n:05d}" for n in range(1, 7)]  # published before; the editors and the imports change them
NEW_PER_IMPORT = 40

# Both kinds of writer: Django set up, the world read, then "ready"; they write once told "go" on stdin, so
# that every one starts at the same moment however long its start-up took.
PREAMBLE = """
import json, sys
import django
django.setup()
from django.conf import settings
settings.PUBLIC_SUMMARIES = True  # as in production: every write marks the summaries it changes stale
from tracker.models import Commitment, Jurisdiction, Office
args = json.loads(sys.argv[1])
places = {"jurisdiction": Jurisdiction.objects.get(pk=args["place"]),
          "elected": Office.objects.get(pk=args["elected"]), "appointed": Office.objects.get(pk=args["appointed"])}
"""
READY = """
print("ready", flush=True)
sys.stdin.readline()
"""
# An editor: re-publishes shared commitments (while the imports change them), then publishes a promise of
# their own (new, as the imports' new ones are) and publishes it again.
EDITOR = (
    PREAMBLE
    + """
from tests import scenario
from tracker import publishing
own = scenario.unsaved_commitment(title=f"Promise of editor {args['n']}", owner_office=places["elected"],
                                  jurisdiction=places["jurisdiction"])
"""
    + READY
    + """
written = []
def note(revision):
    written.append([revision.content_type_id, revision.object_id, revision.number, revision.edit_summary])
for turn, external_id in enumerate(args["shared"]):
    commitment = Commitment.objects.get(external_id=external_id)
    commitment.text = f"{commitment.text} Checked by editor {args['n']}, turn {turn}."
    note(publishing.publish(commitment, summary=f"Editor {args['n']}, turn {turn}"))
note(publishing.publish(own, summary=f"Editor {args['n']} adds a promise"))
own.text = f"{own.text} Checked again."
note(publishing.publish(own, summary=f"Editor {args['n']} checks the promise"))
print(json.dumps(written))
"""
)
# An import: new commitments and changed shared ones, planned and applied as the admin's import does.
IMPORT = (
    PREAMBLE
    + """
from django.contrib.auth import get_user_model
from tests.tracker.spreadsheets.sheets import as_csv, good_row
from tracker.publishing.imports import apply_plan
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table
rows = [good_row(n, places) for n in args["new"]]
for n in args["changed"]:
    rows.append({**good_row(n, places), "deadline": f"2026-0{args['n']}-15"})
plan = make_plan(read_table("sheet.csv", as_csv(rows)))
assert plan.counts["rejected"] == 0, plan.rejected
user = get_user_model().objects.get(username="importer")
"""
    + READY
    + """
applied = apply_plan(plan, user=user, summary=args["summary"])
print(json.dumps([applied.created, applied.changed]))
"""
)


def start(script, args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _test_database_url(),
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", script, json.dumps(args)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_imports_applied_while_editors_publish_all_succeed_and_the_history_verifies(django_user_model):
    places = scenario.import_places()
    importer = django_user_model.objects.create_user("importer", "importer@example.org", "pass")
    importer.groups.add(Group.objects.get(name="Moderators"))
    first = [good_row(n, places) for n in range(1, len(SHARED) + 1)]
    apply_plan(make_plan(read_table("first.csv", as_csv(first))), user=importer, summary="First import")
    # The summary rows every one of these writes marks stale, as a site that has been read has them.
    keys = ["dashboard", accountability_key({}), *(accountability_key({"sector": s}) for s in ("water_sanitation",))]
    keys += [f"office:{places[p].pk}" for p in ("elected", "appointed")] + [f"place:{places['jurisdiction'].pk}"]
    PublicSummary.objects.bulk_create([PublicSummary(key=key, day=timezone.localdate(), fresh=True) for key in keys])

    world = {"place": places["jurisdiction"].pk, "elected": places["elected"].pk, "appointed": places["appointed"].pk}
    imports = {
        n: {
            **world,
            "n": n,
            "summary": f"Import {n} of the district sheet",
            "new": list(range(1000 * n, 1000 * n + NEW_PER_IMPORT)),
            "changed": [2 * n - 1, 2 * n, 2 * n + 1, 2 * n + 2],  # import 1: PK-00001..4, import 2: PK-00003..6
        }
        for n in range(1, IMPORTS + 1)
    }
    # Each editor re-publishes three of the shared commitments, in an order of their own.
    shared = {n: [SHARED[(n + k * (n % 3 + 1)) % len(SHARED)] for k in range(3)] for n in range(1, EDITORS + 1)}
    writers = [start(EDITOR, {**world, "n": n, "shared": shared[n]}) for n in range(1, EDITORS + 1)]
    writers += [start(IMPORT, args) for args in imports.values()]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready", writer.communicate(timeout=60)[1][-2000:]
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=300) for writer in writers]

    failures = [err[-1500:] for (_out, err), writer in zip(results, writers, strict=True) if writer.returncode]
    assert failures == []
    # Every editor's publish is in the history, as the revision it was told it made.
    for out, _err in results[:EDITORS]:
        for content_type_id, object_id, number, summary in json.loads(out):
            revision = PublicRevision.objects.get(content_type_id=content_type_id, object_id=object_id, number=number)
            assert revision.edit_summary == summary
    # Every imported row is there: the new commitments live with revision 1, the changed ones with a revision
    # carrying the import's summary.
    for (out, _err), args in zip(results[EDITORS:], imports.values(), strict=True):
        assert json.loads(out) == [NEW_PER_IMPORT, 4]
        for n in args["new"]:
            commitment = Commitment.objects.get(external_id=f"PK-{n:05d}", live=True)
            assert PublicRevision.objects.for_record(commitment).get().edit_summary == args["summary"]
        for n in args["changed"]:
            commitment = Commitment.objects.get(external_id=f"PK-{n:05d}")
            assert PublicRevision.objects.for_record(commitment).filter(edit_summary=args["summary"]).count() == 1
    expected = len(SHARED) + EDITORS * 5 + IMPORTS * (NEW_PER_IMPORT + 4)
    assert PublicRevision.objects.count() == expected
    assert verify_chains().problems == []
    assert verify_site_log() == []
    assert verify_live_records() == []
