"""docs/architecture.md is where a new engineer finds their way; these tests keep its map of the packages true.

- Every Python module of tracker/, search/, cms/ and config/ (migrations and __init__.py aside) is named in
  the row of "Packages and who they serve" for the longest package that has a row: by its file name
  (`name.py`) or, in a subpackage of that package, by the subpackage (`views/`).
- Every module a row names (`something.py`) exists, so a module removed or renamed is caught too.
- CONTRIBUTING.md states the commit rules, among them the 72-character subject.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
PACKAGES = ("tracker", "search", "cms", "config")
SECTION = "## Packages and who they serve"
# A code span that names a file by its path from the repository's root rather than from the row's package.
FROM_ROOT = re.compile(r"^(?:tracker|search|cms|config|deploy|templates|static|tests|bench|docs)/")


def modules():
    """Every Python module the map must show, as a path from the repository's root."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if path.name == "__init__.py" or "migrations" in relative.parts:
                continue
            found.append(relative.as_posix())
    return sorted(found)


def package_rows():
    """{package prefix such as "tracker/admin/": the text of its row} of the table of packages."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    assert SECTION in text, f"docs/architecture.md has no '{SECTION}' section"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"\|\s*`([^`]+/)`\s*\|(.*)", line)
        if match:
            assert match.group(1) not in rows, f"two rows for {match.group(1)}"
            rows[match.group(1)] = match.group(2)
    assert len(rows) >= 10, "the table of packages lost its rows"
    return rows


def spans(row):
    return re.findall(r"`([^`]+)`", row)


def row_for(module, rows):
    """The longest package prefix of `module` that has a row, or None."""
    prefixes = [prefix for prefix in rows if module.startswith(prefix)]
    return max(prefixes, key=len) if prefixes else None


def named(module, prefix, row):
    """Whether the row of `prefix` names `module`: its file name, or the subpackage it is in."""
    rest = module[len(prefix) :]
    wanted = rest if "/" not in rest else rest.split("/", 1)[0] + "/"
    names = {span[len(prefix) :] if span.startswith(prefix) else span for span in spans(row)}
    return wanted in names


def test_every_module_is_on_the_map():
    rows = package_rows()
    missing = []
    for module in modules():
        prefix = row_for(module, rows)
        if prefix is None:
            missing.append(f"{module} (no row is a package of it)")
        elif not named(module, prefix, rows[prefix]):
            missing.append(f"{module} (row `{prefix}`)")
    assert not missing, (
        f"{len(missing)} modules are not named in their row of 'Packages and who they serve' in "
        "docs/architecture.md (name the module, or its subpackage, and say in a clause what it does "
        "for whom):\n" + "\n".join(missing)
    )


def documented_modules():
    """(row's package, the module as named, the path it names) for every `something.py` of every row."""
    found = []
    for prefix, row in package_rows().items():
        for span in spans(row):
            if not re.fullmatch(r"[\w/.]+\.py", span):
                continue
            found.append((prefix, span, span if FROM_ROOT.match(span) else prefix + span))
    return found


def test_every_module_on_the_map_exists():
    everything = modules()
    gone = []
    for prefix, span, path in documented_modules():
        if (ROOT / path).is_file():
            continue
        # A bare name may be a module of a subpackage the row names too (`downloads/`: `tables.py`).
        if "/" not in span and any(m.startswith(prefix) and m.endswith("/" + span) for m in everything):
            continue
        gone.append(f"`{span}` in the row `{prefix}`")
    assert not gone, "docs/architecture.md names modules that do not exist:\n" + "\n".join(gone)


def test_the_map_is_read_as_intended():
    rows = {"tracker/": "`apps.py`, `views/`", "tracker/admin/": "`hooks.py`"}
    assert row_for("tracker/admin/hooks.py", rows) == "tracker/admin/"
    assert named("tracker/admin/hooks.py", "tracker/admin/", rows["tracker/admin/"])
    assert not named("tracker/admin/hook.py", "tracker/admin/", rows["tracker/admin/"])
    assert named("tracker/views/dashboard.py", "tracker/", rows["tracker/"])
    assert named("tracker/views/deeper/page.py", "tracker/", rows["tracker/"])
    assert not named("tracker/tasks.py", "tracker/", rows["tracker/"])
    assert row_for("search/api.py", rows) is None


def test_contributing_states_the_commit_rules():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert re.search(r"72 characters", text), "CONTRIBUTING.md must state the 72-character subject line"
