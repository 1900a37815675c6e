"""Nastaliq's deep descenders need tall lines: on Urdu pages at 375 px, no element holding Urdu text is
set tighter than 1.9 times its font size, where lines of the same paragraph would touch (issue 27), on
every page type a citizen reads."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    "/ur/",
    "/ur/commitments/",
    "/ur/commitments/file-tracking-system-for-the-secretariat/",
    "/ur/commitments/file-tracking-system-for-the-secretariat/history/",
    "/ur/offices/deputy-commissioner-quetta/",
    "/ur/jurisdictions/quetta/",
    "/ur/accountability/",
    "/ur/local-government/",
]
TIGHT = """() => {
    const urdu = /[\\u0600-\\u06ff]/;
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
        const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('');
        if (!urdu.test(own) || !el.getClientRects().length) continue;
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        const line = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
        // Only text that wraps onto several lines can collide with itself.
        const inner = el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
            - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
        if (inner < line * 1.5) continue;
        if (line / size < 1.9) found.push(`${el.tagName.toLowerCase()}.${el.className}: ${(line / size).toFixed(2)}`);
    }
    return found;
}"""


def test_urdu_text_that_wraps_has_room_for_its_descenders(phone, live_site, quetta_in_full):
    tight = {}
    for path in PAGES:
        phone.goto(live_site.url + path)
        found = phone.evaluate(TIGHT)
        if found:
            tight[path] = sorted(set(found))
    assert tight == {}
