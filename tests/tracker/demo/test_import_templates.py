"""The import templates an editor downloads from the admin import cleanly into the demo, as a first try of
the import should: the commitment template creates its promise, then the status updates template moves it
on, and every row passes the checks a publish in the admin runs."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from tracker.models import Commitment
from tracker.publishing.imports import apply_plan
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parents[3] / "static" / "templates"


def plan_of(name):
    return make_plan(read_table(name, (TEMPLATES / name).read_bytes()))


def test_the_templates_import_cleanly_into_the_demo(demo, django_user_model):
    importer = django_user_model.objects.create_user("template-importer", "importer@example.org", "pass")
    importer.groups.add(Group.objects.get(name="Moderators"))

    plan = plan_of("commitments-import-template.csv")
    assert plan.counts == {"created": 1, "changed": 0, "unchanged": 0, "rejected": 0}, plan.rejected
    apply_plan(plan, user=importer, summary="The template's promise")

    plan = plan_of("status-updates-import-template.csv")
    assert plan.counts == {"created": 1, "changed": 0, "unchanged": 0, "rejected": 0}, plan.rejected
    apply_plan(plan, user=importer, summary="The template's update")
    assert Commitment.objects.get(external_id="QTA-2025-001").status == "in_progress"
