"""The Urdu catalogue (locale/ur/LC_MESSAGES/django.po) is complete, keeps every placeholder and tag of the
English, agrees with the compiled django.mo committed beside it (so that `make demo` needs no GNU gettext),
and uses the words of the glossary in docs/translation.md."""

import gettext
import importlib.util
import re
from collections import Counter
from pathlib import Path

import django
import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "ur" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
GLOSSARY = ROOT / "docs" / "translation.md"

# What Python's %-formatting reads in a python-format string: %(name)s, %s, %d, %%.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(PO))


def compile_catalogue():
    """bin/compile_catalogue.py, the script `make messages` runs (bin/ is not a package)."""
    spec = importlib.util.spec_from_file_location("compile_catalogue", ROOT / "bin" / "compile_catalogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pairs(entry):
    """(English, Urdu) for each form of an entry: a plural's first form against the singular, the others
    against the plural."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [(entry.msgid if n == 0 else entry.msgid_plural, text) for n, text in sorted(entry.msgstr_plural.items())]


def test_every_entry_is_translated_and_none_is_fuzzy_or_obsolete(catalogue):
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert [e.msgid for e in catalogue.obsolete_entries()] == []
    assert not catalogue.metadata_is_fuzzy
    assert len(catalogue) > 900


def test_the_plural_rule_is_djangos_for_urdu(catalogue):
    # Django merges its own Urdu catalogue with ours; both must count plurals the same way (two forms).
    djangos = Path(django.__file__).parent / "conf" / "locale" / "ur" / "LC_MESSAGES" / "django.mo"
    with djangos.open("rb") as file:
        plural_forms = gettext.GNUTranslations(file)._info["plural-forms"]
    assert catalogue.metadata["Plural-Forms"].replace(" ", "") == plural_forms.replace(" ", "")
    assert catalogue.metadata["Language"] == "ur"
    assert all(len(e.msgstr_plural) == 2 for e in catalogue if e.msgid_plural)


def test_every_translation_keeps_the_placeholders_of_its_english(catalogue):
    changed = [
        (english, urdu)
        for entry in catalogue
        for english, urdu in pairs(entry)
        if Counter(PLACEHOLDER.findall(english)) != Counter(PLACEHOLDER.findall(urdu))
        # A singular may leave out the count ("one day") as long as it keeps the named placeholders.
        and not (entry.msgid_plural and english == entry.msgid and _named(english) == _named(urdu))
    ]
    assert changed == []


def _named(text):
    return Counter(p for p in PLACEHOLDER.findall(text) if p.startswith("%("))


def test_every_translation_keeps_the_html_of_its_english(catalogue):
    changed = [
        (english, urdu)
        for entry in catalogue
        for english, urdu in pairs(entry)
        if sorted(TAG.findall(english)) != sorted(TAG.findall(urdu))
    ]
    assert changed == []


def test_translations_keep_the_english_edges_of_a_line(catalogue):
    """A msgid that ends in a space or a newline is followed by more text; its translation must be too."""
    edges = [
        (english, urdu)
        for entry in catalogue
        for english, urdu in pairs(entry)
        if english[-1:].isspace() != urdu[-1:].isspace() or english[:1].isspace() != urdu[:1].isspace()
    ]
    assert edges == []


def test_the_committed_mo_holds_exactly_the_translations_of_the_po(tmp_path, catalogue):
    """Compile the .po afresh with polib and read both catalogues as Django does (Python's gettext)."""
    fresh = tmp_path / "django.mo"
    catalogue.save_as_mofile(str(fresh))

    def read(path):
        with path.open("rb") as file:
            messages = dict(gettext.GNUTranslations(file)._catalog)
        messages.pop("", None)  # the header: its dates differ from run to run
        return messages

    assert read(MO) == read(fresh)
    assert compile_catalogue().main(["--check"]) == 0


def test_the_glossary_is_the_catalogues_vocabulary(catalogue):
    """Each row of the glossary's table (| English | Urdu | ...) is the translation of that English word
    wherever the catalogue has it as a whole entry, so the terms stay consistent across pages."""
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|", GLOSSARY.read_text(encoding="utf-8"), flags=re.M)
    glossary = {english: urdu for english, urdu in rows if english not in ("English", "---")}
    assert len(glossary) >= 30
    translations = {entry.msgid: entry.msgstr for entry in catalogue if not entry.msgid_plural and not entry.msgctxt}
    differs = {
        english: (urdu, translations[english])
        for english, urdu in glossary.items()
        if english in translations and translations[english] != urdu
    }
    assert differs == {}
    assert sum(english in translations for english in glossary) >= 25
