"""The hostile corpus of tests/hostile.py, published through every field that reaches the public, then
read back through every output: the pages (no markup of ours but ours, user text isolated from the
page's direction), the citations (one record each, one line per field), the Atom feeds, and the
spreadsheet exports (no cell a spreadsheet program would run, and a round trip that still holds)."""

import csv
import datetime
import io
import json
import re
from html.parser import HTMLParser

import feedparser
import pytest

from tests import factories, hostile, scenario
from tracker.history.citations import DATA_FORMATS, STYLES
from tracker.models import Commitment, vocabulary
from tracker.spreadsheets.cells import exported, text
from tracker.spreadsheets.exports import commitment_rows, csv_lines, history_rows
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db

D = datetime.date
BIDI = re.compile(f"[{hostile.BIDI_CONTROLS}]")
# Control characters no plain-text output may carry (line feeds are checked per format).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
FORMATS = [*STYLES, *DATA_FORMATS]


def hostile_value(max_length=None, lead=""):
    # No database may store NUL: every publish refuses it (test_nul_is_refused_with_a_clear_message).
    return hostile.value_for(max_length, lead=lead, with_nul=False)


@pytest.fixture
def hostile_records(moderator):
    """One record of every kind with a public page, every public field hostile, published through the
    real service; the commitment twice (a sourced status change), so it has a compare page."""
    place = scenario.publish(
        factories.JurisdictionFactory.build(name=hostile_value(200, "@"), tier=vocabulary.JurisdictionTier.FEDERAL),
        summary=hostile_value(255, "="),
        user=moderator,
    )
    organization = scenario.publish(
        factories.OrganizationFactory.build(name=hostile_value(255, "+"), jurisdiction=place), user=moderator
    )
    person = scenario.publish(
        factories.PersonFactory.build(name=hostile_value(200, "-"), summary=hostile_value(lead="=")),
        summary=hostile_value(255, "@"),
        user=moderator,
    )
    office = scenario.office(
        title=hostile_value(255, "="),
        title_ur=hostile.URDU,
        kind=vocabulary.OfficeKind.ELECTED,
        organization=organization,
        tenures=[(person, D(2020, 1, 1))],
    )
    scenario.publish(office, summary=hostile_value(255, "\t"), user=moderator)
    promise = scenario.commitment(
        title=hostile_value(255, "="),
        title_ur=hostile.URDU + hostile.BIDI,
        text=hostile_value(lead="-"),
        source_quote=hostile_value(lead="@"),
        jurisdiction=place,
        made_by_office=office,
        live=False,
        owners=[(office, vocabulary.OwnershipRole.POLITICAL)],
        sources=[
            {
                "url": "https://example.org/hostile-source",
                "title": hostile_value(255, "+"),
                "publisher": hostile_value(200, "-"),
                "quote": hostile_value(lead="\t"),
            }
        ],
    )
    scenario.publish(promise, summary=hostile_value(255, "="), user=moderator)
    promise = Commitment.objects.get(pk=promise.pk)
    scenario.record_status_change(
        promise,
        vocabulary.CommitmentStatus.IN_PROGRESS,
        on=D(2022, 1, 10),
        summary=hostile_value(255, "+"),
        user=moderator,
        note=hostile_value(lead="="),
        url="https://example.org/hostile-evidence",
        title=hostile_value(255, "@"),
        quote=hostile_value(lead="-"),
        publisher=hostile_value(200, "="),
    )
    decision = scenario.publish(
        scenario.decision(
            title=hostile_value(255, "-"),
            reference_number=hostile_value(120, "="),
            summary=hostile_value(lead="+"),
            deciding_office=office,
            live=False,
            linked=[promise],
        ),
        summary=hostile_value(255, "@"),
        user=moderator,
    )
    records = {
        "commitments": Commitment.objects.get(pk=promise.pk),
        "decisions": decision,
        "people": person,
        "offices": office,
        "jurisdictions": place,
    }
    return {kind: record.slug for kind, record in records.items()}


def record_pages(kind, slug, *, compare=False):
    pages = [f"/{kind}/{slug}/", f"/{kind}/{slug}/history/", f"/{kind}/{slug}/history/1/", f"/{kind}/{slug}/cite/1/"]
    if compare:
        pages += [f"/{kind}/{slug}/history/2/", f"/{kind}/{slug}/history/compare/1/2/", f"/{kind}/{slug}/cite/2/"]
    return pages


def index_for_search():
    from search import indexing
    from search.backends import targets

    for target in targets():
        indexing.rebuild(target)
        indexing.drain(target)


# --- HTML -----------------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Audit(HTMLParser):
    """Reads a page as a browser would and notes every trace of hostile text that escaped: tags and
    attributes that only an injection makes, and bidi controls outside an isolating element (<bdi>,
    an element below <html> with a dir attribute, or an <option>, which the browser lays out alone)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, isolates)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        ours = attributes.get("type") == "application/ld+json" or (attributes.get("src") or "").startswith("/static/")
        if tag == "img" or (tag == "script" and not ours):
            self.problems.append(f"injected <{tag}> {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={value!r} on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: address on <{tag}>")
            if value and BIDI.search(value):
                self.problems.append(f"bidi control in the {name} attribute of <{tag}>")
        if tag not in VOID:
            isolates = tag in ("bdi", "option", "textarea") or (tag != "html" and "dir" in attributes)
            self.open.append((tag, isolates))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                return

    def handle_data(self, data):
        if not BIDI.search(data):
            return
        if self.open and self.open[-1][0] == "script":
            self.problems.append("bidi control inside a script")
        elif not any(isolates for _, isolates in self.open):
            where = " > ".join(tag for tag, _ in self.open)
            self.problems.append(f"bidi control not isolated in {where}: {data[:60]!r}")


def audit_html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    audit = Audit()
    audit.feed(html)
    audit.close()
    raw = [marker for marker in ("<script>alert", "<img src=x", "<img ") if marker in html]
    return [f"{path}: {problem}" for problem in audit.problems + [f"raw {m!r}" for m in raw]]


def test_no_page_shows_hostile_text_as_markup_or_unisolated(client, hostile_records):
    index_for_search()
    pages = ["/", "/commitments/", "/decisions/", "/search/?q=alert", "/search/?q=script"]
    for kind, slug in hostile_records.items():
        pages += record_pages(kind, slug, compare=kind == "commitments")
    problems = [problem for path in pages for problem in audit_html(client, path)]
    assert problems == [], "\n".join(problems)


def test_search_finds_the_hostile_commitment_and_escapes_it(client, hostile_records):
    index_for_search()
    html = client.get("/search/", {"q": "alert"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;script&gt;<mark>alert</mark>" in html
    assert audit_html(client, "/search/?q=alert") == []


def test_revision_page_apa_box_is_escaped_with_its_italics(client, hostile_records):
    """Finding 1: the APA box of the revision page held citeproc's output raw."""
    html = client.get(f"/commitments/{hostile_records['commitments']}/history/1/").content.decode()
    box = html[html.index('id="cite-apa"') :]
    citation = box[: box.index("</p>")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in citation
    assert "<i>" in citation  # APA italicises the title: kept, as our own tag
    assert "<script>" not in citation and "<img" not in citation


def test_cite_page_escapes_every_style(client, hostile_records):
    """Finding 1: all four HTML styles of /<kind>/<slug>/cite/<n>/ held citeproc's output raw."""
    for kind, slug in hostile_records.items():
        html = client.get(f"/{kind}/{slug}/cite/1/").content.decode()
        for style in STYLES:
            section = html[html.index(f'id="f-{style}"') :]
            citation = section[section.index('<p class="citation">') : section.index("</p>")]
            assert "&lt;script&gt;" in citation, (kind, style)
            assert "<script" not in citation and "<img" not in citation, (kind, style)


# --- Plain-text outputs ---------------------------------------------------------------------------


def plain_problems(what, body, line_breaks=True):
    problems = []
    if BIDI.search(body):
        problems.append(f"{what}: bidi control")
    if CONTROL.search(body.replace("\r\n", "\n") if line_breaks else body):
        problems.append(f"{what}: control character {CONTROL.search(body.replace(chr(13) + chr(10), chr(10)))!r}")
    return problems


def citation_file(client, kind, slug, number, fmt):
    response = client.get(f"/{kind}/{slug}/cite/{number}/", {"format": fmt})
    assert response.status_code == 200, (kind, fmt)
    return response.content.decode()


def test_ris_has_one_record_and_no_injected_lines(client, hostile_records):
    """Finding 9: a title with new lines added ER / TY / UR - javascript: lines to the RIS file."""
    for kind, slug in hostile_records.items():
        body = citation_file(client, kind, slug, 1, "ris")
        lines = body.splitlines()
        tags = [line[:6] for line in lines if line.strip()]
        assert tags.count("TY  - ") == 1 and tags.count("ER  - ") == 1, (kind, body[:500])
        assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines if line.strip()), kind
        assert not [line for line in lines if line.startswith("UR  - ") and "javascript:" in line], kind
        assert plain_problems(f"{kind} RIS", body) == []


def test_bibtex_has_one_entry(client, hostile_records):
    """Finding 9: a title could close its field and open another entry."""
    for kind, slug in hostile_records.items():
        body = citation_file(client, kind, slug, 1, "bibtex")
        assert len(re.findall(r"^@\w+\{", body, flags=re.MULTILINE)) == 1, kind
        fields = re.findall(r"^  \w+ = \{", body, flags=re.MULTILINE)
        assert len(fields) == 10, (kind, body[:800])
        depth = 0
        for character in body:
            depth += {"{": 1, "}": -1}.get(character, 0)
            assert depth >= 0, kind
        assert depth == 0, kind
        assert plain_problems(f"{kind} BibTeX", body) == []


def test_csl_json_and_plain_styles_are_clean_single_lines(client, hostile_records):
    """Findings 9 and 10: CSL-JSON and the plain-text styles carry no line breaks, control characters or
    bidi controls in the record's fields."""
    for kind, slug in hostile_records.items():
        item = json.loads(citation_file(client, kind, slug, 1, "csl-json"))[0]
        for name in ("title", "genre", "container-title", "note"):
            assert "\n" not in item[name] and plain_problems(f"{kind} CSL-JSON {name}", item[name]) == []
        for style in STYLES:
            body = citation_file(client, kind, slug, 1, style)
            assert "\n" not in body.strip(), (kind, style)
            assert plain_problems(f"{kind} {style}", body) == []


def test_atom_feeds_parse_and_carry_no_raw_markup(client, hostile_records):
    """Finding 10 (feeds): no bidi or control characters; the XML parses; hostile markup stays text."""
    feeds = ["/feeds/changes/"] + [f"/{kind}/{slug}/feed/" for kind, slug in hostile_records.items()]
    for path in feeds:
        response = client.get(path)
        assert response.status_code == 200, path
        xml = response.content.decode()
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path
        assert "<script" not in xml and "<img" not in xml, path
        assert plain_problems(path, xml) == []
        for entry in parsed.entries:
            assert "\n" not in entry.title, path
            assert "<script" not in entry.summary and "<img" not in entry.summary, path


# --- Spreadsheet exports --------------------------------------------------------------------------


def exported_table(rows):
    data = "".join(csv_lines(rows))
    return data, list(csv.reader(io.StringIO(data.removeprefix("\ufeff"), newline="")))


def test_exports_write_no_formula_and_no_bidi_controls(hostile_records):
    """Finding 8: cells starting with =, +, -, @, tab or carriage return were written raw."""
    for rows in (commitment_rows, history_rows):
        data, table = exported_table(rows())
        assert len(table) > 1
        for line in table[1:]:
            for cell in line:
                assert not cell.startswith(hostile.FORMULA_PREFIXES), (rows.__name__, cell[:40])
        assert plain_problems(rows.__name__, data) == []


def test_export_command_writes_no_formula(hostile_records):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("export_commitments", stdout=out)
    for line in list(csv.reader(io.StringIO(out.getvalue())))[1:]:
        assert not [cell for cell in line if cell.startswith(hostile.FORMULA_PREFIXES)]


@pytest.mark.parametrize("prefix", hostile.FORMULA_PREFIXES)
def test_protective_quote_round_trips(prefix):
    value = f"{prefix}SUM(A1:A9)"
    assert exported(value) == "'" + value.replace("\r", "\n")
    assert text(exported(value)) == value.strip()  # reading strips blanks around a cell, as it always did
    assert text(exported("'" + value)) == "'" + value.replace("\r", "\n")
    assert text(exported("-5")) == "-5"
    assert text(exported("''=1")) == "''=1"
    assert text(exported("'plain")) == "'plain"
    assert exported(-5) == -5 and exported(12) == 12


def test_formula_like_text_round_trips_through_export_and_import(places, moderator):
    """Finding 8: the protective quote is taken off on import, so an exported file still imports as
    unchanged (negative numbers, dates and numbers still read back as they were)."""
    promise = scenario.published_commitment(
        title="=1+2 is not a formula",
        text="-5 degrees in Quetta",
        source_quote="@mention",
        sources=[{"title": "Where @mention was said", "kind": "news_report"}],
        title_ur="+92 300 0000000",
        owner_office=places["appointed"],
        jurisdiction=places["jurisdiction"],
        progress=40,
        user=moderator,
    )
    data, table = exported_table(commitment_rows())
    header, line = table[0], table[1]
    row = dict(zip(header, line, strict=True))
    assert row["title"] == "'=1+2 is not a formula" and row["text"] == "'-5 degrees in Quetta"
    assert row["progress"] == "40" and row["made_on"] == promise.made_on.isoformat()
    plan = make_plan(read_table("export.csv", data.encode("utf-8")))
    assert plan.counts == {"created": 0, "changed": 0, "unchanged": 1, "rejected": 0}

    edited = data.replace("'=1+2 is not a formula", "'=1+2 is still not a formula").encode("utf-8")
    plan = make_plan(read_table("export.csv", edited))
    assert plan.counts["changed"] == 1
    assert plan.writes[0].record.title == "=1+2 is still not a formula"


def test_nul_is_refused_with_a_clear_message(moderator):
    """No database should store NUL (PostgreSQL cannot): a publish with one is refused, in plain words
    under the field, and writes nothing."""
    from django.core.exceptions import ValidationError

    from tracker.models import PublicRevision

    before = PublicRevision.objects.count()
    with pytest.raises(ValidationError) as refused:
        scenario.published_commitment(title=f"Water{hostile.NUL}works", user=moderator)
    assert "Remove the invisible NUL character" in " ".join(refused.value.message_dict["title"])
    assert PublicRevision.objects.count() == before
