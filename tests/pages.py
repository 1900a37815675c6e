"""Reading a response as a reader does."""

import re


def page_text(response):
    """The response's HTML with runs of whitespace collapsed, for asserting what a reader sees. The
    <bdi> elements that isolate user text from the page's direction show nothing, and are left out
    (tests/tracker/test_hostile_input.py checks that they are there)."""
    return re.sub(r"\s+", " ", re.sub(r"</?bdi>", "", response.content.decode()))


def english_address(path):
    """A page's English address: records name their addresses in the language of the page that asked."""
    return re.sub(r"^/ur(?=/)", "", path)


def in_urdu(client, path, **extra):
    """The page as an Urdu reader gets it: at the same address under /ur/."""
    return client.get(f"/ur{english_address(path)}", **extra)


def in_english(client, path, **extra):
    """The page as an English reader gets it, at its own address."""
    return client.get(english_address(path), **extra)


def parsed(client, path):
    """The page at `path`, which must answer 200, parsed for reading its elements."""
    from bs4 import BeautifulSoup

    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def words(node):
    """What an element says: its text with runs of whitespace as one space."""
    return " ".join(node.get_text(" ").split())
