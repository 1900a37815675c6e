"""Who delivers on a 375-pixel phone, in English and in Urdu, in a real headless Chromium (issue 26, item 5):
every table fits the screen (each row becomes a block, each figure named by its column), no cell is squeezed
to a word a line (Urdu column headers were, before), and axe-core finds no serious problem."""

import pytest

from tests.browser import PHONE, axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# For every cell of every table a reader can see (a header row moved out of sight for screen readers is not): its
# words, and how many lines it is drawn on.
CELLS = """() => [...document.querySelectorAll('.table-wrap')].map(wrap => ({
  caption: wrap.querySelector('caption').innerText,
  fits: wrap.scrollWidth <= wrap.clientWidth + 1,
  cells: [...wrap.querySelectorAll('th, td')]
    .filter(cell => cell.offsetParent !== null && (cell.closest('thead') || cell).getBoundingClientRect().width > 1)
    .map(cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = new Set([...range.getClientRects()].filter(r => r.height > 0).map(r => Math.round(r.top)));
    return {text: cell.innerText.trim(), words: cell.innerText.trim().split(/\\s+/).length, lines: tops.size};
  }),
}))"""


@pytest.mark.parametrize("language", ["", "/ur"])
def test_every_table_of_who_delivers_reads_on_a_phone(chromium, live_site, quetta_in_full, language):
    context = chromium.new_context(viewport=PHONE, is_mobile=True, bypass_csp=True)
    page = context.new_page()
    page.goto(live_site.url + language + "/accountability/")
    tables = page.evaluate(CELLS)
    assert len(tables) >= 5
    too_wide = [t["caption"] for t in tables if not t["fits"]]
    squeezed = [
        (t["caption"][:30], c["text"])
        for t in tables
        for c in t["cells"]
        if c["words"] >= 3 and c["lines"] >= c["words"]
    ]
    assert too_wide == [] and squeezed == []
    # Each figure is named by its column once the header row is out of sight.
    named = page.evaluate(
        "() => getComputedStyle(document.querySelector('#owners-caption ~ tbody td'), '::before').content"
    )
    assert ("Political owner: elected office" in named) == (language == "")
    assert axe_problems(page) == []
    context.close()
