"""User text made safe for plain-text outputs (citations, feeds, exports, page titles).

Whatever an editor typed reaches the public in many formats. HTML escapes it and isolates it with
<bdi> or dir="auto"; formats without markup get it through `plain()`: no control characters (NUL,
escapes, the C1 block), no bidirectional embedding, override or isolate characters (which could
reorder what follows them: "Trojan source" text), and with `single_line=True` no line breaks
either, for fields that must stay on one line (RIS, BibTeX, titles). Arabic-script text such as
Urdu needs none of the removed characters to display correctly.

This module is at the bottom of the layers (in `tracker.models`), so every output can use it.
"""

import re

# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO), isolates (LRI, RLI, FSI, PDI) and the marks
# (LRM, RLM, ALM).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# C0 controls but tab and line feed, DEL, and the C1 block.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})
# Everything that breaks a line, and the tab, for single-line fields.
_BREAKS = re.compile("[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")


def plain(value, *, single_line=False):
    """`value` as text without control or bidi control characters; with `single_line`, line breaks
    (and tabs) become single spaces. Carriage returns and the Unicode line and paragraph separators
    become line feeds."""
    if value is None:
        return ""
    value = str(value).replace("\r\n", "\n").translate(_NEWLINES)
    if single_line:
        value = _BREAKS.sub(" ", value).strip()
    return _CONTROLS.sub("", _BIDI.sub("", value))


def escape_bidi(text):
    """`text` (JSON) with every bidi control character written as a \\uXXXX escape: the same data,
    without raw characters that reorder the text around them. Only for JSON, where these characters
    can only occur inside strings."""
    return _BIDI.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def has_bidi_controls(value):
    return bool(_BIDI.search(str(value)))
