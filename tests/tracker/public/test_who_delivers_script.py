"""bin/who_delivers.py recomputes every figure of "Who delivers" from the public downloads alone (issue 26,
item 7): its tables, time to delivery included, must be the page's CSV tables, byte for byte, under every
filter.

The world: the lapsed council of lapsed_world.py (District, sector education), and a second district of the
same province, Awaran (sector health), whose council "=Awaran Council" (a name a spreadsheet would run as a
formula) was elected from 2016 to 2019 and run by an administrator in 2020-2021, with nobody recorded since.
Its commitments are placed in a tehsil under the district. One of them is owned and made by an office taken
down since, and went to it on its file; one commitment of the whole province has no council over it.
"""

import ast
import csv
import datetime
import io
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests import factories
from tests.pages import parsed, words
from tracker.api.downloads.build import JSON_ZIP, build
from tracker.models.vocabulary import Sector
from tracker.public.accountability import TABLES

D = datetime.date
SCRIPT = Path(__file__).resolve().parents[3] / "bin" / "who_delivers.py"
pytestmark = pytest.mark.django_db

# The page's filters, as its query string and as the script's options.
FILTERS = [
    {},
    {"district": "district"},
    {"district": "Awaran"},  # by name, as the page takes it
    {"province": "province"},
    {"sector": "health"},
    {"due_from": "2020-01-01", "due_to": "2021-12-31"},
    {"district": "awaran", "sector": "health", "due_to": "2019-12-31"},
]


def awaran(w):
    """The second district, its council and its commitments (see the module's docstring)."""
    district = factories.JurisdictionFactory(name="Awaran", tier="district", parent=w.province, slug="awaran")
    tehsil = factories.JurisdictionFactory(name="Awaran Tehsil", tier="tehsil", parent=district, slug="awaran-tehsil")
    council = factories.OrganizationFactory(name="=Awaran Council", classification="council", jurisdiction=district)
    administration = factories.OrganizationFactory(classification="district_administration", jurisdiction=district)
    mayor = factories.OfficeFactory(title="Chairman Awaran", kind="elected", organization=council)
    administrator = factories.OfficeFactory(title="Administrator Awaran", kind="administrator", organization=council)
    dc = factories.OfficeFactory(title="Deputy Commissioner Awaran", kind="appointed", organization=administration)
    gone = factories.OfficeFactory(title="Project Director Awaran", kind="elected", organization=administration)
    factories.TenureFactory(office=mayor, start_date=D(2016, 1, 1), end_date=D(2019, 12, 31))
    factories.TenureFactory(office=administrator, start_date=D(2020, 1, 1), end_date=D(2021, 12, 31))

    def made(due, status, political, closed=None, *, sector="health", place=tehsil, maker=None, moves=()):
        c = factories.CommitmentFactory(
            jurisdiction=place, deadline=due, status=status, sector=sector, made_by_office=maker or political
        )
        factories.CommitmentOwnerFactory(commitment=c, office=political, role="political")
        factories.CommitmentOwnerFactory(commitment=c, office=dc, role="administrative")
        if closed:
            factories.StatusChangeFactory(
                commitment=c, from_status="in_progress", to_status=status, effective_date=closed
            )
        for office, day in moves:
            factories.MovementFactory(commitment=c, office=office, arrived_on=day)
        return c

    due = D(2019, 6, 30)
    for _ in range(3):
        made(due, "delivered", mayor, D(2019, 7, 10))  # ten days late
    for _ in range(5):
        made(due, "broken", mayor, D(2019, 9, 1))
    for _ in range(2):
        made(due, "in_progress", mayor)
    # Owned and made by an office taken down since: that owner and maker are ignored, and so is its stop on the
    # file, so the deputy commissioner's stop lasts from 1 March to the delivery on 20 June (111 days).
    made(due, "delivered", gone, D(2019, 6, 20), moves=[(dc, D(2019, 3, 1)), (gone, D(2019, 4, 1))])
    due = D(2021, 6, 30)
    made(due, "delivered", administrator, D(2021, 6, 1))
    for _ in range(9):
        made(due, "broken", administrator, D(2021, 9, 1))
    made(due, "withdrawn", administrator, D(2021, 3, 1))
    # The whole province's: no council is over it, and it is in no district.
    made(D(2019, 6, 30), "delivered", mayor, D(2019, 6, 1), sector="finance", place=w.province)
    gone.taken_down_at = timezone.now()
    gone.save()
    return district


def options(filters):
    return [f"--{name.replace('_', '-')}={value}" for name, value in filters.items()]


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, check=True).stdout.decode()


def rows(text):
    return text.splitlines()


@pytest.fixture
def reports_kept(settings):
    """The page's eight tables of one filter read from one report, as on the site: from its summary row, or
    cached for a period (the tests' settings compute the report again for each table, which was most of
    this module's time). The world is complete before the first table is asked for."""
    settings.PUBLIC_SUMMARIES = True
    settings.ACCOUNTABILITY_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_the_script_recomputes_every_table_of_the_page_from_the_downloads(
    lapsed_council, client, tmp_path, reports_kept
):
    district = awaran(lapsed_council)
    build(root=tmp_path)
    downloads = tmp_path / JSON_ZIP
    today = timezone.localdate().isoformat()
    started, compared = time.monotonic(), 0
    for n, filters in enumerate(FILTERS):
        out = tmp_path / f"tables-{n}"
        run(str(downloads), "--all", str(out), f"--today={today}", *options(filters))
        for table in TABLES:
            page = client.get("/accountability/csv/", {"table": table, **filters})
            assert page.status_code == 200, (table, filters)
            script = (out / f"who-delivers-{table}.csv").read_bytes().decode()
            assert script == page.content.decode(), (table, filters)
            compared += 1
    assert compared == len(FILTERS) * len(TABLES) == 56
    print(f"{compared} tables in {time.monotonic() - started:.1f} s")

    # One table on its own, printed, and "today" by default the day the downloads were built (Pakistan time).
    built = json.loads(zipfile.ZipFile(downloads).read("manifest.json"))["built_at"]
    assert (
        datetime.datetime.fromisoformat(built).astimezone(timezone.get_current_timezone()).date().isoformat() == today
    )
    owners = run(str(downloads), "--table", "owners")
    assert owners == client.get("/accountability/csv/?table=owners").content.decode()

    # The known answers, so that a page and a script wrong the same way would still fail: read from the
    # tables the script wrote above, unfiltered (FILTERS[0]) and for Awaran by name (FILTERS[2]).
    def table(name, filtered=0):
        return (tmp_path / f"tables-{filtered}" / f"who-delivers-{name}.csv").read_bytes().decode()

    # Elected political owners: District's 12 (6 delivered), Awaran's 10 (3) and the province's (1); not the one
    # owned by the office taken down.
    assert "political-elected,delivered,10,23,43.5,25.6,63.2,yes" in rows(owners)
    councils = rows(table("councils"))
    # Elected: District's 11 (6 delivered) and Awaran's 11 (4 delivered); the province's has no council.
    assert "elected,delivered,10,22,45.5,26.9,65.3,yes" in councils
    # Administrator: District's 4 (1 delivered) and Awaran's 10 (1 delivered); Awaran's withdrawn one beside them.
    assert "administrator,delivered,2,14,14.3,4.0,39.9,yes" in councils
    assert "administrator,withdrawn,1,15,6.7,1.2,29.8," in councils
    periods = rows(table("periods", filtered=2))
    assert f"'=Awaran Council,{district.pk},elected,2016-01-01,2019-12-31,delivered,4,11,36.4,15.2,64.6,yes" in periods
    assert (
        f"'=Awaran Council,{district.pk},administrator,2020-01-01,2021-12-31,broken,9,10,90.0,59.6,98.2,yes" in periods
    )
    assert not any(",none," in row for row in periods)  # no holder recorded since 2022: not a period compared
    time_rows = rows(table("time"))
    assert "appointed,2,50.25,70.5,90.75,no" in time_rows  # 30 days (District) and 111 (Awaran)
    makers = rows(table("makers"))
    assert "none,1,38,1,0,100.0" in makers  # the one made by the office taken down
    like = list(csv.DictReader(io.StringIO(table("like"))))
    pooled = [row for row in like if row["stratum"] == "all"]
    assert [(r["comparison"], r["council_period"], r["delivered"], r["out_of"]) for r in pooled] == [
        ("districts", "elected", "10", "22"),
        ("districts", "administrator", "2", "14"),
        ("sectors", "elected", "10", "22"),
        ("sectors", "administrator", "2", "14"),
    ]
    assert all(0 < float(row["cmh_p"]) < 1 for row in pooled)
    survival = list(csv.DictReader(io.StringIO(table("survival"))))
    elected = next(r for r in survival if (r["group"], r["clock"]) == ("elected", "deadline"))
    # From the deadline: 4 of 22 delivered by it (District's 3 on time, Awaran's 1), all 10 deliveries within 60
    # days so 10 of 22 within a year, the 12 others still running; fewer than half: the median is not reached.
    assert [elected[k] for k in ("commitments", "delivered", "censored", "enough")] == ["22", "10", "12", "yes"]
    assert (elected["delivered_by_deadline_percent"], elected["within_a_year_percent"]) == ("18.2", "45.5")
    assert elected["median_days"] == "not reached" and 0 < float(elected["logrank_p"]) < 1
    curve = list(csv.DictReader(io.StringIO(table("curves"))))
    steps = [
        (r["day"], r["share_delivered_percent"]) for r in curve if (r["group"], r["clock"]) == ("elected", "deadline")
    ]
    assert steps == [("0", "18.2"), ("10", "31.8"), ("60", "45.5"), ("1095", "45.5")]  # 4, 7 and 10 of 22


def test_the_script_reads_nothing_of_the_site_but_its_vocabulary():
    """Only the standard library and the statistics packages: an outside check, not the site's own code again.
    It spells out the one list it needs, the sectors, which must stay the site's."""
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported - sys.stdlib_module_names == {"lifelines", "numpy", "statsmodels"}
    sectors = next(
        n.value for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "SECTORS"
    )
    assert ast.literal_eval(sectors) == tuple(Sector.values)


def test_the_script_says_what_is_wrong(lapsed_council, tmp_path):
    build(root=tmp_path)
    found = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / JSON_ZIP), "--table", "owners", "--district", "nowhere"],
        capture_output=True,
    )
    assert found.returncode and "No district called “nowhere”" in found.stderr.decode()
    found = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "manifest.json"), "--table", "owners"], capture_output=True
    )
    assert found.returncode


def test_the_methodology_gives_the_command_in_both_languages(client):
    english = words(parsed(client, "/methodology/").find(id="who-delivers"))
    assert (
        "Anyone can recompute every table of the comparison from the open data downloads alone, with the project's "
        "own short script, which uses none of the site's code: python bin/who_delivers.py tracker-json.zip --all "
        "who-delivers/" in english
    )
    assert '<a href="/data/">open data downloads</a>' in client.get("/methodology/").content.decode()
    urdu = client.get("/ur/methodology/").content.decode()
    assert '<a href="/ur/data/">اوپن ڈیٹا کے ڈاؤن لوڈز</a>' in urdu
    assert '<code dir="ltr">python bin/who_delivers.py tracker-json.zip --all who-delivers/</code>' in urdu
