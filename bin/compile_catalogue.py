#!/usr/bin/env python3
"""Compile the translation catalogues (locale/<lang>/LC_MESSAGES/django.po) into the django.mo files Django
reads, with polib instead of GNU gettext's msgfmt, so that no machine needs gettext installed: the compiled
catalogue is committed beside its .po, and tests/i18n/test_catalogue.py checks that the two agree.

    python bin/compile_catalogue.py            # every catalogue under locale/
    python bin/compile_catalogue.py --check    # exit 1 if a committed .mo differs from its .po

Only translated entries are compiled (polib leaves out untranslated, fuzzy and obsolete ones), as msgfmt does.
"""

import argparse
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def messages(catalogue):
    """{(context, msgid, msgid_plural): translation} of the translated entries of a polib file; a plural
    entry's translation is the tuple of its forms."""
    found = {}
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            if all(forms):
                found[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = forms
        elif entry.msgstr:
            found[(entry.msgctxt, entry.msgid, "")] = entry.msgstr
    return found


def catalogues(root=LOCALE):
    return sorted(root.glob("*/LC_MESSAGES/django.po"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="Compare each committed .mo with its .po; write nothing.")
    args = parser.parse_args(argv)
    stale = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        po = polib.pofile(str(po_path))
        if args.check:
            if not mo_path.exists() or messages(polib.mofile(str(mo_path))) != messages(po):
                stale.append(mo_path)
            continue
        po.save_as_mofile(str(mo_path))
        print(f"{mo_path.relative_to(LOCALE.parent)}: {len(messages(po))} messages")
    for mo_path in stale:
        print(f"{mo_path.relative_to(LOCALE.parent)} does not match its .po: run `make messages`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
