"""The accountability page's finding in words: what its figures say about the question it exists for, written
by fixed rules from the same figures, so a reader gets the answer before the tables (issue 26).

The comparison it speaks of is the one that can answer "does it matter who runs the council": commitments
that fell due while their local council was elected against those that fell due while an administrator ran
it (`Report.council_groups`), by the share delivered. The rules, which the methodology page states
(templates/pages/methodology_page.html, "The finding in words"):

1. Nothing fell due in the selection under either: it says there is nothing to compare.
2. Fewer than MIN_COUNT counted commitments on either side: it names that side and its number, and says
   there are too few to compare.
3. Both shares with their 95% ranges and counts; when the ranges overlap, that these records cannot tell
   the two apart.
4. When they do not overlap, which side's share is lower, and that the records do not say why.

It never names a cause, and it follows the page's filters (it reads the report they made).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tracker.public import council_periods as cp
from tracker.public.delivery import MIN_COUNT

NOTHING, TOO_FEW, OVERLAP, APART = "nothing", "too-few", "overlap", "apart"


@dataclass(frozen=True)
class Finding:
    rule: str  # which of the rules above said it
    sentences: list  # of str, in the page's language

    def __str__(self):
        return " ".join(self.sentences)


def _side(measures):
    """What one side's delivered share says: "12 of 40 (30%, range 18–45%)"."""
    share = measures.outcome("delivered")
    low, high = share.interval_percent
    return _("%(count)s of %(total)s (%(percent)s%%, range %(low)s–%(high)s%%)") % {
        "count": share.count,
        "total": share.total,
        "percent": share.percent,
        "low": low,
        "high": high,
    }


def _too_few(n, when):
    values = {"n": n, "when": when, "min": MIN_COUNT}
    if not n:
        return _("No commitment in this selection fell due %(when)s: there is nothing to compare.") % values
    return (
        ngettext(
            "Only %(n)s commitment in this selection fell due %(when)s: too few (at least %(min)s) to compare.",
            "Only %(n)s commitments in this selection fell due %(when)s: too few (at least %(min)s) to compare.",
            n,
        )
        % values
    )


def finding(report):
    """The Finding of `report` (an accountability Report), or None without one."""
    if report is None:
        return None
    groups = {m.key: m for m in report.council_groups}
    elected, administrator = groups.get(cp.ELECTED), groups.get(cp.ADMINISTRATOR)
    if elected is None or administrator is None:
        return None
    counted = {cp.ELECTED: elected.counted.total, cp.ADMINISTRATOR: administrator.counted.total}
    if not any(counted.values()):
        return Finding(
            NOTHING,
            [
                _(
                    "No commitment in this selection fell due while its local council was elected or run by an "
                    "administrator, so there is nothing to compare."
                )
            ],
        )
    too_few = [key for key, total in counted.items() if total < MIN_COUNT]
    if too_few:
        names = {
            cp.ELECTED: _("while the council was elected"),
            cp.ADMINISTRATOR: _("while an administrator ran the council"),
        }
        said = [_too_few(counted[key], names[key]) for key in too_few]
        return Finding(TOO_FEW, said)
    figures = _(
        "Of the commitments that fell due while the local council was elected, %(elected)s were delivered; of "
        "those that fell due while an administrator ran it, %(administrator)s."
    ) % {"elected": _side(elected), "administrator": _side(administrator)}
    (e_low, e_high), (a_low, a_high) = (
        elected.outcome("delivered").interval,
        administrator.outcome("delivered").interval,
    )
    if e_low <= a_high and a_low <= e_high:
        return Finding(OVERLAP, [figures, _("The ranges overlap: these records cannot tell the two apart.")])
    if a_high < e_low:
        lower = _("Fewer were delivered under administrators than under elected councils in these records.")
    else:
        lower = _("Fewer were delivered under elected councils than under administrators in these records.")
    return Finding(APART, [figures, lower, _("The records show the difference; they do not say what caused it.")])
