"""docs/reference.md is the project's own reference of its public interface; these tests keep it true.

- Every address in its URL tables resolves, to a view of its own rather than a catch-all (Wagtail
  serves any path ending in a slash as a page, and the admin answers any path under /admin/), and
  every route of the tracker and of search is documented there.
- Every management command it names exists, with the options it names; every command of the
  tracker and of search is documented.
- Every environment variable of .env.example (and of config/env.py) is documented.
- Every vocabulary table lists exactly the values and labels of tracker/models/vocabulary.py.
- The README and docs/ link only to files inside the repository, and nothing in the repository points
  at documents that live outside it.
"""

import inspect
import re
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class
from django.db import models
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference.md"

# Example values for the placeholders of documented addresses.
EXAMPLES = {
    "slug": "an-example-slug",
    "n": "3",
    "a": "1",
    "b": "2",
    "day": "2025-01-07",
    "id": "1",
    "file": "report.pdf",
    "pk": "1",
    "stamp": "20261127T110000Z",
    "token": "MQ:1xWwrK:signature",
    "size": "300",
    "leaf": "41",
    "m": "77",
    "level": "0",
    "tile": "x001/234",
    "width": "44",
}
# Views that answer any path: a documented address must not rely on them (unless it is a Wagtail page).
CATCH_ALL_VIEWS = {"wagtail_serve", "wagtail.admin.views.home.default"}
# The namespaces of the project's own routes, every one of which must be documented.
PROJECT_NAMESPACES = ("tracker", "search", "api", "data", "log")
PROJECT_APPS = ("tracker", "search")
# `manage.py help` is manage.py's own, not a command.
NOT_COMMANDS = {"help"}


# --- Reading the reference ------------------------------------------------------------------------


def sections(text, marker):
    """{heading: body} of the sections that start with `marker` ("## " or "### ")."""
    found, heading = {}, None
    for line in text.splitlines():
        if line.startswith(marker):
            heading = line[len(marker) :].strip()
            found[heading] = []
        elif heading is not None:
            if line.startswith("#") and len(line) - len(line.lstrip("#")) < len(marker.strip()):
                heading = None  # a higher-level heading ends the section
                continue
            found[heading].append(line)
    return {heading: "\n".join(lines) for heading, lines in found.items()}


def tables(text):
    """Every Markdown table in `text`: (header cells, [row cells, ...])."""
    found, block = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            block.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif block:
            header, rows = block[0], [row for row in block[1:] if not set("".join(row)) <= set("-: ")]
            found.append((header, rows))
            block = []
    return found


def code(cell):
    """The first `code span` of a cell."""
    match = re.search(r"`([^`]+)`", cell)
    return match.group(1) if match else None


REFERENCE_TEXT = REFERENCE.read_text(encoding="utf-8")
PARTS = sections(REFERENCE_TEXT, "## ")


def part(name):
    assert name in PARTS, f"docs/reference.md has no '## {name}' section"
    return PARTS[name]


def url_rows():
    """(address, description) of every row of every table whose first column is URL."""
    url_tables = [rows for header, rows in tables(part("Public URLs")) if header[0] == "URL"]
    return [(code(row[0]), row[-1]) for rows in url_tables for row in rows]


def documented_kinds():
    match = re.search(r"`<kind>` is one of:?\s*((?:`[a-z_]+`[,\s]*)+)", part("Public URLs"))
    assert match, "docs/reference.md must say which values `<kind>` takes"
    return re.findall(r"`([a-z_]+)`", match.group(1))


def example_paths(address):
    """The paths to resolve for a documented address: query string dropped, placeholders filled in."""
    path = address.split("?")[0].split("#")[0]
    paths = [path.replace("<kind>", kind) for kind in documented_kinds()] if "<kind>" in path else [path]
    unknown = {name for p in paths for name in re.findall(r"<(\w+)>", p)} - set(EXAMPLES)
    assert not unknown, f"{address}: no example value for {sorted(unknown)}; add one to EXAMPLES"
    return [re.sub(r"<(\w+)>", lambda m: EXAMPLES[m.group(1)], p) for p in paths]


def documented_paths():
    return [
        pytest.param(path, "Wagtail page" in description, id=path)
        for address, description in url_rows()
        for path in example_paths(address)
    ]


# --- Public URLs ----------------------------------------------------------------------------------


def test_the_reference_lists_the_public_urls():
    addresses = [address for address, _description in url_rows()]
    assert len(addresses) >= 30, "the URL tables of docs/reference.md lost rows"
    assert all(address and address.startswith("/") for address in addresses), addresses
    for expected in [
        "/",
        "/commitments/",
        "/commitments/<slug>/",
        "/commitments/<slug>/?on=YYYY-MM-DD",
        "/decisions/<slug>/",
        "/people/<slug>/",
        "/offices/<slug>/",
        "/jurisdictions/<slug>/",
        "/<kind>/<slug>/history/",
        "/<kind>/<slug>/history/<n>/",
        "/<kind>/<slug>/history/compare/<a>/<b>/",
        "/<kind>/<slug>/cite/<n>/",
        "/<kind>/<slug>/feed/",
        "/feeds/changes/",
        "/history/digests/<day>/",
        "/tips/",
        "/methodology/",
        "/admin/",
    ]:
        assert expected in addresses, f"{expected} is missing from docs/reference.md"
    assert any(address.startswith("/search/?q=") for address in addresses)
    assert set(documented_kinds()) >= {"commitments", "decisions", "people", "offices", "jurisdictions"}


@pytest.mark.parametrize(("path", "wagtail_page"), documented_paths())
def test_every_documented_url_resolves(path, wagtail_page):
    try:
        match = resolve(path)
    except Resolver404:
        pytest.fail(f"docs/reference.md documents {path}, which no URL pattern answers")
    if wagtail_page:
        assert match.view_name == "wagtail_serve", f"{path} is documented as a Wagtail page"
    else:
        assert match.view_name not in CATCH_ALL_VIEWS, f"{path} reaches only a catch-all view ({match.view_name})"


def project_routes():
    """The view names of every named route in the project's own namespaces."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                walk(pattern.url_patterns, f"{namespace}:{inner}" if namespace and inner else inner or namespace)
            elif pattern.name and namespace in PROJECT_NAMESPACES:
                names.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return names


def test_every_route_of_the_tracker_and_search_is_documented():
    routes = project_routes()
    assert len(routes) >= 40, routes
    documented = {resolve(param.values[0]).view_name for param in documented_paths()}
    missing = routes - documented
    assert not missing, f"routes not documented in docs/reference.md: {sorted(missing)}"


# --- Management commands --------------------------------------------------------------------------


def command_sections():
    """{command: its ### section} of the Management commands part."""
    return {
        code(heading): body
        for heading, body in sections(part("Management commands"), "### ").items()
        if re.fullmatch(r"`[a-z_]+`", heading)
    }


def test_every_named_command_exists():
    commands = get_commands()
    named = set(re.findall(r"manage\.py ([a-z_]+)", REFERENCE_TEXT)) | set(command_sections())
    assert len(command_sections()) >= 6, "the Management commands section lost commands"
    unknown = named - NOT_COMMANDS - set(commands)
    assert not unknown, f"docs/reference.md names commands that do not exist: {sorted(unknown)}"


def test_every_command_of_the_project_is_documented():
    ours = {name for name, app in get_commands().items() if app in PROJECT_APPS}
    assert {"load_demo_data", "search_index", "verify_history", "import_commitments", "takedown"} <= ours
    missing = ours - set(command_sections())
    assert not missing, f"commands without a section in docs/reference.md: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(command_sections()))
def test_documented_options_exist(name):
    parser = load_command_class(get_commands()[name], name).create_parser("manage.py", name)
    known = {option for action in parser._actions for option in action.option_strings}
    documented = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", command_sections()[name]))
    unknown = documented - known
    assert not unknown, f"docs/reference.md gives `{name}` options it does not have: {sorted(unknown)}"


# --- Configuration --------------------------------------------------------------------------------


def env_example_variables():
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return re.findall(r"^([A-Z][A-Z0-9_]*)=", text, re.MULTILINE)


def test_every_environment_variable_is_documented():
    variables = env_example_variables()
    assert len(variables) >= 9, variables
    documented = {
        code(row[0]) for header, rows in tables(part("Configuration")) if header[0] == "Variable" for row in rows
    }
    missing = set(variables) - documented
    assert not missing, f"variables of .env.example not documented in docs/reference.md: {sorted(missing)}"


def test_env_example_lists_every_variable_the_settings_read():
    from config.env import env

    missing = set(env.scheme) - set(env_example_variables())
    assert not missing, f"variables read by config/env.py missing from .env.example: {sorted(missing)}"


# --- Vocabulary -----------------------------------------------------------------------------------


def vocabularies():
    from tracker.models import vocabulary

    return [
        choices
        for _name, choices in inspect.getmembers(vocabulary, inspect.isclass)
        if issubclass(choices, models.TextChoices) and choices is not models.TextChoices
    ]


def vocabulary_tables():
    return [(header, rows) for header, rows in tables(part("Vocabulary")) if header[:2] == ["Value", "Label"]]


@pytest.mark.parametrize("choices", vocabularies(), ids=lambda choices: choices.__name__)
def test_every_vocabulary_is_documented(choices):
    expected = [(member.value, str(member.label)) for member in choices]
    documented = [[(code(row[0]), row[1]) for row in rows] for _header, rows in vocabulary_tables()]
    assert expected in documented, f"no table in docs/reference.md lists exactly {choices.__name__}: {expected}"


def test_terminal_statuses_are_documented():
    from tracker.models.vocabulary import CommitmentStatus

    (status_table,) = [(header, rows) for header, rows in vocabulary_tables() if "Terminal" in header]
    header, rows = status_table
    column = header.index("Terminal")
    terminal = {code(row[0]) for row in rows if row[column] == "yes"}
    assert len(rows) == len(CommitmentStatus)
    assert terminal == {status.value for status in CommitmentStatus.terminal()}


# --- Links ----------------------------------------------------------------------------------------


def documentation():
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_documentation_links_stay_inside_the_repository():
    links = 0
    for document in documentation():
        for target in re.findall(r"\]\(([^)\s]+)\)", document.read_text(encoding="utf-8")):
            if target.startswith("#"):
                continue
            assert "://" not in target and not target.startswith("mailto:"), f"{document.name} links out: {target}"
            path = (document.parent / target.split("#")[0]).resolve()
            assert path.is_relative_to(ROOT), f"{document.name} links outside the repository: {target}"
            assert path.exists(), f"{document.name} links to a missing file: {target}"
            links += 1
    assert links >= 4, "README.md should link the documents of docs/"


# Written in pieces, so that this file does not name them itself.
OUTSIDE_DOCUMENTS = ("../sha" + "red/", "CONTRACT" + ".md", "DESIGN" + ".md")
SCANNED = ("README.md", "Makefile", "pyproject.toml", ".env.example")
SCANNED_DIRS = ("config", "tracker", "search", "cms", "templates", "docs", "tests", "bench")
SCANNED_SUFFIXES = {".py", ".md", ".html", ".toml", ".txt", ".csv"}


def test_nothing_points_at_documents_outside_the_repository():
    files = [ROOT / name for name in SCANNED] + [
        path
        for directory in SCANNED_DIRS
        for path in (ROOT / directory).rglob("*")
        if path.suffix in SCANNED_SUFFIXES and "migrations" not in path.parts
    ]
    assert len(files) > 100
    offenders = [
        f"{path.relative_to(ROOT)}: {needle}"
        for path in files
        if path.is_file()
        for needle in OUTSIDE_DOCUMENTS
        if needle in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert not offenders, "point these at docs/reference.md or docs/architecture.md instead: " + ", ".join(offenders)
