"""Like with like (issue 26, item 3): the council comparison again within each district and each sector.

Two districts of one province, each with its own council, elected until the end of 2019 and run by an
administrator in 2020-2021. "Lahore" delivers most of what it promises whoever runs it, "Kech" little; most of
Lahore's commitments fell due under its elected council and most of Kech's under its administrator. Across the
province the administrators look worse; district by district they may not be.
"""

import csv
import datetime
import io

import pytest

from tests import factories
from tests.pages import parsed, words
from tracker.public.like_with_like import DISTRICTS, SECTORS

D = datetime.date
pytestmark = pytest.mark.django_db

ELECTED_DUE, ADMINISTRATOR_DUE = D(2019, 6, 30), D(2021, 6, 30)


def district_with_council(province, name, sector):
    district = factories.JurisdictionFactory(name=name, tier="district", parent=province, slug=name.lower())
    council = factories.OrganizationFactory(name=f"{name} Council", classification="council", jurisdiction=district)
    mayor = factories.OfficeFactory(title=f"Mayor of {name}", kind="elected", organization=council)
    administrator = factories.OfficeFactory(title=f"Administrator {name}", kind="administrator", organization=council)
    factories.TenureFactory(office=mayor, start_date=D(2015, 1, 1), end_date=D(2019, 12, 31))
    factories.TenureFactory(office=administrator, start_date=D(2020, 1, 1), end_date=D(2021, 12, 31))
    district.offices = {ELECTED_DUE: mayor, ADMINISTRATOR_DUE: administrator}
    district.sector = sector
    return district


def commitments(district, due, delivered, total):
    """`total` commitments of `district` due on `due`, of which `delivered` were delivered (the rest broken)."""
    office = district.offices[due]
    for n in range(total):
        status = "delivered" if n < delivered else "broken"
        c = factories.CommitmentFactory(
            jurisdiction=district, deadline=due, status=status, sector=district.sector, made_by_office=office
        )
        factories.CommitmentOwnerFactory(commitment=c, office=office, role="political")
        factories.StatusChangeFactory(commitment=c, from_status="in_progress", to_status=status, effective_date=due)


def world(lahore_shares, kech_shares):
    """Each district's (delivered, total) under its elected council, then under its administrator."""
    province = factories.JurisdictionFactory(name="Punjab", tier="province", slug="punjab")
    lahore = district_with_council(province, "Lahore", "water_sanitation")
    kech = district_with_council(province, "Kech", "education")
    for district, shares in ((lahore, lahore_shares), (kech, kech_shares)):
        for due, (delivered, total) in zip((ELECTED_DUE, ADMINISTRATOR_DUE), shares, strict=True):
            commitments(district, due, delivered, total)
    return province


def like_section(client, path="/accountability/"):
    return words(parsed(client, path).find(id="like-with-like"))


def test_a_gap_that_only_comes_from_where_commitments_were_due_does_not_survive_district_by_district(client):
    # 80% in Lahore and 20% in Kech on both sides: 26 of 40 against 14 of 40 across the province.
    world(lahore_shares=[(24, 30), (8, 10)], kech_shares=[(2, 10), (6, 30)])
    page = words(parsed(client, "/accountability/"))
    assert "26 of 40" in page and "14 of 40" in page  # the province-wide council comparison

    section = like_section(client)
    assert (
        "Within the same district 2 districts had commitments fall due both under an elected council and under an "
        "administrator." in section
    )
    assert (
        "Counting only those, 26 of 40 (65%, range 50–78%) were delivered under an elected council and 14 of 40 "
        "(35%, range 22–50%) under an administrator." in section
    )
    assert (
        "Of the 2 with at least 10 on each side, the share delivered was lower under an administrator in 0, higher "
        "in 0 and the same in 2." in section
    )
    # Equal within each district: only the test's continuity correction keeps p below 1.
    assert "a difference like this could well arise by chance (Cochran-Mantel-Haenszel test, p = 0.75)." in section
    # Each district's own figures, linked to exactly their commitments.
    table = parsed(client, "/accountability/").find(id="like-districts-caption").find_parent("table")
    rows = {words(row.th): row for row in table.find("tbody").find_all("tr")}
    assert words(rows["Lahore"]) == "Lahore 24 of 30 80% (95% interval 63–90% ) 8 of 10 80% (95% interval 49–94% )"
    assert words(rows["Kech"]).startswith("Kech 2 of 10 20%")
    link = rows["Lahore"].find("a")["href"]
    assert "jurisdiction=lahore" in link and "council=elected" in link and "status=delivered" in link
    assert "24 commitments" in words(parsed(client, link))


def test_a_gap_within_each_district_is_called_unusual_and_never_given_a_cause(client):
    world(lahore_shares=[(27, 30), (3, 10)], kech_shares=[(8, 10), (6, 30)])
    section = like_section(client)
    assert "lower under an administrator in 2, higher in 0 and the same in 0" in section
    assert "would be unusual if delivery were the same on both sides (Cochran-Mantel-Haenszel test, p = < 0.001)" in (
        section
    )
    assert "The records do not say what caused it." in section
    assert not any(word in section.lower() for word in ("because", "caused by", "due to", "led to"))


def test_places_with_one_side_only_and_commitments_above_any_district_are_left_out_and_said_so(client):
    province = world(lahore_shares=[(24, 30), (8, 10)], kech_shares=[(2, 10), (6, 30)])
    quetta = district_with_council(province, "Quetta", "health")
    commitments(quetta, ELECTED_DUE, 5, 12)  # Quetta's council never lapsed in these records
    section = like_section(client)
    assert "1 more had them under only one of the two and is left out." in section
    assert "Quetta" not in section
    # By sector: each district is the only one of its sector here, so the sectors show the same figures.
    assert (
        "Within the same sector 2 sectors had commitments fall due both under an elected council and under an "
        "administrator. 1 more had them under only one of the two and is left out." in section
    )


def test_too_few_to_compare_like_with_like(client):
    world(lahore_shares=[(2, 3), (1, 2)], kech_shares=[(1, 2), (0, 3)])
    section = like_section(client)
    assert "3 of 5 were delivered under an elected council and 1 of 5 under an administrator." in section
    assert "That is too few to compare like with like." in section
    assert "Cochran" not in section


def test_the_csv_holds_each_district_and_the_test(client):
    world(lahore_shares=[(24, 30), (8, 10)], kech_shares=[(2, 10), (6, 30)])
    response = client.get("/accountability/csv/?table=like")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    lahore = [r for r in rows if r["comparison"] == DISTRICTS and r["stratum"] == "lahore"]
    assert [(r["council_period"], r["delivered"], r["out_of"], r["percent"]) for r in lahore] == [
        ("elected", "24", "30", "80.0"),
        ("administrator", "8", "10", "80.0"),
    ]
    pooled = [r for r in rows if r["comparison"] == SECTORS and r["stratum"] == "all"]
    assert [(r["delivered"], r["out_of"]) for r in pooled] == [("26", "40"), ("14", "40")]
    assert float(pooled[0]["cmh_p"]) == pytest.approx(0.75, abs=0.01)


def test_the_section_reads_in_urdu(client):
    world(lahore_shares=[(24, 30), (8, 10)], kech_shares=[(2, 10), (6, 30)])
    section = like_section(client, "/ur/accountability/")
    assert "Like with like" not in section and "Within the same district" not in section
    assert "26" in section and "40" in section
