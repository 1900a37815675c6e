"""Template mistakes Django does not report: a `{# … #}` comment spanning lines is not a comment to Django,
which prints it on the page as it is."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_no_template_prints_a_comment_meant_to_be_hidden():
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)[:60]!r}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for match in re.finditer(r"\{#.*?#\}", path.read_text(), re.S)
        if "\n" in match.group(0)
    ]
    assert len(list(TEMPLATES.rglob("*.html"))) > 50
    assert found == []
