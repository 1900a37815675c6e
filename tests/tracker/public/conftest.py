import pytest

from tests import scenario


@pytest.fixture
def quetta():
    """The hand-built slice of Quetta of tests/scenario.py, with its known answers."""
    return scenario.quetta()
