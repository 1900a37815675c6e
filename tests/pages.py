"""Reading a response as a reader does."""

import re


def page_text(response):
    """The response's HTML with runs of whitespace collapsed, for asserting what a reader sees. The
    <bdi> elements that isolate user text from the page's direction show nothing, and are left out
    (tests/tracker/test_hostile_input.py checks that they are there)."""
    return re.sub(r"\s+", " ", re.sub(r"</?bdi>", "", response.content.decode()))
