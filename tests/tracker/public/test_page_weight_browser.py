"""Fast on a slow connection (issue 27): an Urdu commitment page, fonts included, is usable within 3
seconds on a 400 kbps connection, and its HTML is at most 100 KB.

Measured in Chromium with the browser's own network throttling (DevTools' Network.emulateNetworkConditions),
by what the page makes the browser fetch rather than by a clock, so a busy test machine cannot fail it:
what blocks the first paint (the page and its stylesheets, in the bytes they took on the wire, and the
round trips they need) must fit in 3 seconds at 400 kbps with 150 ms of latency. The Nastaliq font comes
after: its @font-face says `font-display: swap`, so the text shows in a fallback face at once and the
font replaces it when it arrives; the page must not wait for it, and it must arrive. The wall-clock figures
on the same throttled connection are bench/page_weight.py's."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FILES = "/ur/commitments/file-tracking-system-for-the-secretariat/"
KBPS = 400
LATENCY_MS = 150
BUDGET_MS = 3000
HTML_LIMIT = 100 * 1024


def throttled(chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": LATENCY_MS,
            "downloadThroughput": KBPS * 1000 / 8,
            "uploadThroughput": KBPS * 1000 / 8,
        },
    )
    return context, page


def entries(page):
    return page.evaluate(
        """() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource').map(r => ({
                name: r.name, type: r.initiatorType, bytes: r.transferSize, blocking: r.renderBlockingStatus,
            }));
            return {page: {bytes: nav.transferSize, html: nav.decodedBodySize}, resources};
        }"""
    )


def test_an_urdu_commitment_page_is_usable_within_3_seconds_at_400_kbps(chromium, live_site, quetta_in_full):
    context, page = throttled(chromium)
    try:
        page.goto(live_site.url + FILES, wait_until="load")
        page.evaluate("document.fonts.ready")
        found = entries(page)
        fonts_loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    finally:
        context.close()
    assert found["page"]["html"] <= HTML_LIMIT, found["page"]
    blocking = [r for r in found["resources"] if r["blocking"] == "blocking"]
    assert blocking and all(r["type"] == "link" for r in blocking), blocking  # stylesheets only, no script
    fonts = [r for r in found["resources"] if r["name"].endswith(".woff2")]
    assert fonts and not any(r["blocking"] == "blocking" for r in fonts)  # swap: text first, font after
    assert "Noto Nastaliq Urdu" in fonts_loaded
    # Before the first paint: a connection (one round trip), the page (one), then its stylesheets together
    # (one more), and their bytes at 400 kbps.
    first_paint_bytes = found["page"]["bytes"] + sum(r["bytes"] for r in blocking)
    first_paint_ms = 3 * LATENCY_MS + first_paint_bytes * 8 / KBPS
    assert first_paint_ms <= BUDGET_MS, (first_paint_bytes, blocking)
