"""The worlds of tests/scenario.py that tests of several tracker packages share."""

import pytest

from tests import scenario


@pytest.fixture
def offices(db):
    return scenario.offices()


@pytest.fixture
def file_tracking_history(offices, django_user_model):
    """The file tracking commitment published three times through the real service, as a reporter would meet
    it (not started; in progress; stalled, with a second owner, a source and corrected text)."""
    editor = django_user_model.objects.create_user("zubaida.q", "zubaida.q@example.org", "pass")
    return scenario.file_tracking_history(offices, editor)


@pytest.fixture
def places(db):
    """The place and offices the import spreadsheets name."""
    return scenario.import_places()
