import pytest

from tests.factories import JurisdictionFactory, OfficeFactory
from tracker.models import vocabulary


@pytest.fixture
def places(db):
    return {
        "jurisdiction": JurisdictionFactory(name="Quetta"),
        "elected": OfficeFactory(title="Mayor of Quetta", kind=vocabulary.OfficeKind.ELECTED),
        "appointed": OfficeFactory(title="Deputy Commissioner Quetta"),
    }


@pytest.fixture(autouse=True)
def upload_folder(tmp_path, monkeypatch):
    """Uploads kept between preview and confirm go to the test's own folder."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    monkeypatch.setattr("tracker.admin.spreadsheets.upload_folder", lambda: folder)
    return folder
