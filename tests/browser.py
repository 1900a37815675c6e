"""Helpers for the tests that drive a real headless Chromium (the `chromium` and `phone` fixtures are in
tests/conftest.py): axe-core checks and the 375-pixel phone screen."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 740}


def axe_problems(page):
    """Serious or critical WCAG 2.1 A/AA violations on the open page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def fits_the_screen(page):
    return page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
