"""Reading a response as a reader does."""

import re


def page_text(response):
    """The response's HTML with runs of whitespace collapsed, for asserting what a reader sees."""
    return re.sub(r"\s+", " ", response.content.decode())
