"""Right to left without a browser: charts whose bars grow from the side the language reads from, Urdu
dates, and style rules that say start and end rather than left and right. The pages themselves are
walked in Chromium by test_urdu_page_walk_browser.py."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.utils import translation

from tracker.public.charts import bar_chart
from tracker.public.delivery import Share
from tracker.public.share_charts import share_chart
from tracker.public.timelines import timeline

ROOT = Path(settings.BASE_DIR)


def test_bars_grow_from_the_left_in_english_and_from_the_right_in_urdu():
    rows = [("Deputy Commissioner Quetta", 120), ("Secretary Finance", 60)]
    with translation.override("en"):
        english = bar_chart("Days with each office", rows, "days")
    with translation.override("ur"):
        urdu = bar_chart("Days with each office", rows, "days")
    width = urdu.width
    for left_to_right, right_to_left in zip(english.bars, urdu.bars, strict=True):
        assert (left_to_right.label_x, left_to_right.bar_x) == (0, 0)
        # The same bar, mirrored: it ends at the chart's right edge, its label starts there.
        assert right_to_left.label_x == width
        assert right_to_left.bar_x + right_to_left.width == width
        assert right_to_left.value_x == width - left_to_right.value_x
    assert english.bars[0].width == urdu.bars[0].width == 220  # the longer stay, the longer bar


def test_shares_and_their_intervals_are_mirrored_in_urdu_and_their_figures_kept_in_one_piece():
    rows = [("Elected offices", Share(17, 66, "/commitments/")), ("Administrators", Share(2, 6, "/commitments/"))]
    with translation.override("en"):
        english = share_chart("Delivered", rows, "too few to say")
    with translation.override("ur"):
        urdu = share_chart("Delivered", rows, "too few to say")
    width = urdu.width
    ltr, rtl = english.bars[0], urdu.bars[0]
    assert ltr.bar_x == 0 and rtl.bar_x + rtl.width == width  # under its label, from the start side
    assert (rtl.low_x, rtl.high_x) == (width - ltr.low_x, width - ltr.high_x)
    assert rtl.high_x < rtl.low_x  # the interval's upper end is further from the start side: to the left
    assert [x for x, _ in urdu.ticks] == [width - x for x, _ in english.ticks]
    assert (urdu.axis_start_x, urdu.axis_end_x) == (width - english.axis_start_x, width - english.axis_end_x)
    # "26% (17/66; 17–37%)" is isolated as a left-to-right figure in Urdu, so its brackets stay put.
    assert ltr.text == "26% (17/66; 17–37%)"
    assert rtl.text == "\u2066" + ltr.text + "\u2069"
    assert urdu.bars[1].bar_x == width and urdu.bars[1].low_x is None  # too few: no bar


def test_a_status_change_on_the_timeline_points_the_way_the_language_reads(db):
    from tests import scenario

    files = scenario.quetta().files
    changes, movements = list(files.status_changes.all()), list(files.movements.all())
    with translation.override("en"):
        english = [e.title for e in timeline(files, changes, movements, []) if e.kind == "status"]
    with translation.override("ur"):
        urdu = [e.title for e in timeline(files, changes, movements, []) if e.kind == "status"]
    assert english and all(" → " in title for title in english)
    assert all(" ← " in title and "→" not in title for title in urdu)


@pytest.mark.parametrize(
    "template, english, urdu",
    [
        ('{{ day|date:"j F Y" }}', "5 January 2022", "5 جنوری 2022"),
        ('{{ day|date:"j M Y" }}', "5 Jan 2022", "5 جنوری 2022"),
        ("{{ day|date }}", "Jan. 5, 2022", "5 جنوری 2022"),  # Urdu's own format: day, month, year
        ('{{ day|date:"F Y" }}', "January 2022", "جنوری 2022"),
    ],
)
def test_dates_read_with_urdu_month_names_in_urdu(template, english, urdu):
    context = Context({"day": datetime.date(2022, 1, 5)})
    with translation.override("en"):
        assert Template(template).render(context) == english
    with translation.override("ur"):
        assert Template(template).render(context) == urdu


def test_every_urdu_month_has_its_urdu_name():
    months = ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"]
    with translation.override("ur"):
        rendered = [
            Template('{{ d|date:"F" }}').render(Context({"d": datetime.date(2022, m, 1)})) for m in range(1, 13)
        ]
    assert rendered == months


def test_numbers_are_grouped_in_lakhs_and_crores_in_urdu():
    from django.utils.formats import number_format

    with translation.override("ur"):
        assert number_format(123456789, force_grouping=True) == "12,34,56,789"


# Physical directions that do not turn round in right-to-left pages: margin-left, padding-right,
# border-left, left: / right: offsets, text-align and float to a side, clear.
PHYSICAL = re.compile(
    r"(?:margin|padding|border|inset)-(?:left|right)\b|(?<![\w-])(?:left|right)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)\b",
    re.IGNORECASE,
)


def public_styles():
    """Every public style sheet, and the inline styles of the public templates (not the admin's, nor
    e-mails, which mail programs lay out themselves)."""
    for sheet in sorted((ROOT / "static" / "css").glob("*.css")):
        yield sheet.name, re.sub(r"/\*.*?\*/", "", sheet.read_text(), flags=re.S)
    for template in sorted((ROOT / "templates").rglob("*.html")):
        relative = template.relative_to(ROOT / "templates").as_posix()
        if relative.startswith(("tracker/admin/", "following/email/")):
            continue
        text = template.read_text()
        inline = re.findall(r'style="([^"]*)"', text) + re.findall(r"<style[^>]*>(.*?)</style>", text, re.S)
        yield relative, " ".join(inline)


def test_public_styles_say_start_and_end_never_left_and_right():
    found = [(name, m.group(0)) for name, styles in public_styles() for m in PHYSICAL.finditer(styles)]
    assert found == []


def test_the_nastaliq_face_is_served_by_the_site_and_swaps_in():
    urdu = Path(finders.find("css/urdu.css")).read_text()
    faces = re.findall(r"@font-face\{(.*?)\}", urdu, re.S)
    assert len(faces) == 2
    for face in faces:
        assert "font-display:swap" in face and "unicode-range:U+0600-06FF" in face
        (source,) = re.findall(r'url\("\.\./fonts/([^"]+)"\)', face)
        font = finders.find(f"fonts/{source}")
        assert font and Path(font).read_bytes()[:4] == b"wOF2"
    assert finders.find("fonts/OFL.txt")
    assert "http" not in re.sub(r"/\*.*?\*/", "", urdu, flags=re.S)  # nothing from another site
