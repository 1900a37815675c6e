"""Eight editors (eight processes, as gunicorn's workers and Celery's are) publishing a commitment of the same
title at the same moment on PostgreSQL: every one is published, each at a web address of its own, and
none meets a database error (issue 25, item 5: 3 of 8 failed with a raw IntegrityError on the slug)."""

import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from tests import factories
from tests.search.conftest import ROOT, _test_database_url
from tracker.models import Commitment, PublicRevision

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]
EDITORS = 8
TITLE = "Clean water for Sariab"
# One editor: waits for the agreed moment, then publishes through the service as the admin does.
PUBLISH = """
import sys, time
import django
django.setup()
from tests import scenario
from tracker import publishing
from tracker.models import Jurisdiction, Office
office, place = Office.objects.get(pk=int(sys.argv[2])), Jurisdiction.objects.get(pk=int(sys.argv[3]))
commitment = scenario.unsaved_commitment(title=sys.argv[4], owner_office=office, jurisdiction=place)
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
publishing.publish(commitment, summary="Add the promise")
print(commitment.slug)
"""


def test_eight_editors_publishing_the_same_title_at_once_all_succeed(tmp_path):
    office, place = factories.OfficeFactory(), factories.JurisdictionFactory()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _test_database_url(),
        "PYTHONPATH": str(ROOT),
    }
    start = time.time() + 6  # every process has started Django and is waiting by then
    editors = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", PUBLISH, str(start), str(office.pk), str(place.pk), TITLE],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(EDITORS)
    ]
    results = [editor.communicate(timeout=120) for editor in editors]
    failures = [err[-600:] for (_out, err), editor in zip(results, editors, strict=True) if editor.returncode]
    assert failures == []
    slugs = sorted(out.strip() for out, _err in results)
    assert slugs == sorted(["clean-water-for-sariab", *(f"clean-water-for-sariab-{n}" for n in range(2, EDITORS + 1))])
    assert Commitment.objects.filter(title=TITLE, live=True).count() == EDITORS
    for commitment in Commitment.objects.filter(title=TITLE):
        assert PublicRevision.objects.for_record(commitment).count() == 1, commitment.slug
