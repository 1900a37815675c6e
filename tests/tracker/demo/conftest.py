"""The curated demo, shared by every test of this package: `load_demo_data` runs once (it takes most of a
minute on PostgreSQL), inside a transaction that is rolled back when the package is done, so no test
outside it sees the demo. Each test runs in a savepoint within that transaction."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package", name="demo")
def loaded_demo(django_db_setup, django_db_blocker):
    """The curated demo and what `load_demo_data` printed."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo_data", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
