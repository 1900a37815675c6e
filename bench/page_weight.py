"""Public pages on a slow connection: each page's HTML, what the browser fetches before its first paint,
and the wall-clock first contentful paint and Nastaliq font arrival, in Debian's Chromium throttled by
DevTools to 400 kbps with 150 ms of latency (issue 27: an Urdu commitment page usable within 3 s).

Against a running site (`make demo`, or any address):

    .venv/bin/python bench/page_weight.py --url http://127.0.0.1:8000

Prints one row per page; asserts nothing (tests/tracker/public/test_page_weight_browser.py holds the
byte budget in the suite).
"""

import argparse

from playwright.sync_api import sync_playwright

PAGES = [
    "/ur/commitments/file-tracking-system-for-the-balochistan-secretariat/",
    "/commitments/file-tracking-system-for-the-balochistan-secretariat/",
    "/ur/",
    "/ur/commitments/",
    "/ur/offices/deputy-commissioner-quetta/",
    "/ur/jurisdictions/balochistan/",
    "/ur/people/",
]
MEASURES = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const res = performance.getEntriesByType('resource');
    const blocking = res.filter(r => r.renderBlockingStatus === 'blocking');
    const fonts = res.filter(r => r.name.endsWith('.woff2'));
    return {
        html: nav.decodedBodySize, wire: nav.transferSize,
        blocking: blocking.reduce((n, r) => n + r.transferSize, 0),
        fcp: paint ? paint.startTime : null,
        fonts: fonts.reduce((n, r) => n + r.transferSize, 0),
        fontsDone: fonts.length ? Math.max(...fonts.map(r => r.responseEnd)) : null,
    };
}"""


def measure(browser, url, kbps, latency):
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    rate = kbps * 1000 / 8
    conditions = {"offline": False, "latency": latency, "downloadThroughput": rate, "uploadThroughput": rate}
    session.send("Network.emulateNetworkConditions", conditions)
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
    found = page.evaluate(MEASURES)
    context.close()
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--kbps", type=int, default=400)
    parser.add_argument("--latency", type=int, default=150, help="milliseconds")
    args = parser.parse_args()
    print(f"{args.kbps} kbps, {args.latency} ms latency, 375 px, Chromium")
    print("| page | HTML KB | page on the wire KB | render-blocking KB | first paint ms | fonts KB | fonts in ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for path in PAGES:
            m = measure(browser, args.url.rstrip("/") + path, args.kbps, args.latency)
            fonts_done = round(m["fontsDone"]) if m["fontsDone"] else "-"
            print(
                f"| `{path}` | {m['html'] / 1024:.0f} | {m['wire'] / 1024:.1f} | {m['blocking'] / 1024:.1f} "
                f"| {round(m['fcp']) if m['fcp'] else '-'} | {m['fonts'] / 1024:.0f} | {fonts_done} |"
            )
        browser.close()


if __name__ == "__main__":
    main()
