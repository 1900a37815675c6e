"""What counts as evidence: the kinds of source ranked by the published method, and what does not prove
delivery.

Written once here and read by every path that publishes a commitment (the admin's form, a publish of any
kind through `Commitment.publication_problems`, the spreadsheet imports), by the public pages, the API and
the methodology page, whose ranking table and worked cases are `RANKING` and `EDGE_CASES` below: the page
renders them and tests run every case through `status_evidence_problem`, so the page and the rule agree.

    method_of("news_report").rank           # 7 of len(RANKING)
    method_of("inauguration").proves_delivery   # False
    delivery_evidence_problems(commitment)  # [(field, message)], empty when the evidence holds
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tracker.models.rules import latest_status_change
from tracker.models.vocabulary import CommitmentStatus, SourceKind

# The statuses that say something was delivered: they need a source that can prove it.
DELIVERY_STATUSES = (CommitmentStatus.DELIVERED, CommitmentStatus.PARTIALLY_DELIVERED)
# The methodology page's section on the ranking, and its part on what does not count.
RANKING_ANCHOR = "source-ranking"
NOT_COUNTING_ANCHOR = "what-does-not-count"


@dataclass(frozen=True)
class Method:
    kind: SourceKind
    rank: int  # 1 is the strongest
    proves_delivery: bool
    # Why a source of this kind alone cannot carry a delivered status (only where it cannot).
    why_not: str = ""

    @property
    def label(self):
        return self.kind.label

    @property
    def total(self):
        """How many kinds the ranking has (the 12 of "rank 2 of 12")."""
        return len(RANKING)


_NOT_PROVING = {
    SourceKind.PLAN_OR_BUDGET: _(
        "A plan, a PC-1 or a budget allocation shows money set aside, not work done or anyone served."
    ),
    SourceKind.PRESS_RELEASE: _("A press release is the government's own claim, with no independent source."),
    SourceKind.ANNOUNCEMENT: _("An announcement or a speech promises again; it does not show delivery."),
    SourceKind.INAUGURATION: _(
        "A foundation stone or an inauguration does not show that water, a school or a road reached anyone."
    ),
}

# The ranking, best first: the order of SourceKind.
RANKING = tuple(
    Method(kind, rank, kind not in _NOT_PROVING, _NOT_PROVING.get(kind, ""))
    for rank, kind in enumerate(SourceKind, start=1)
)
_BY_KIND = {method.kind.value: method for method in RANKING}


def method_of(kind):
    """The ranking of a kind of source (its value), or None for a source not graded (empty)."""
    return _BY_KIND.get(kind or "")


def proves_delivery(kind):
    method = method_of(kind)
    return method is not None and method.proves_delivery


NOT_GRADED_LABEL = _("Not graded")
NOT_GRADED = _("The kind of its source is not given (not graded).")


def status_evidence_problem(status, kinds):
    """Why a commitment may not be published with `status` when the sources behind it are of `kinds`
    (SourceKind values, "" for a source not graded), in plain words; None when it may. Only Delivered and
    Partially delivered need evidence of a kind that can prove delivery; one such source is enough, so a
    press release with a news report of the work done counts, because the news report is independent."""
    if status not in DELIVERY_STATUSES:
        return None
    kinds = list(kinds)
    if any(proves_delivery(kind) for kind in kinds):
        return None
    label = CommitmentStatus(status).label
    advice = _(
        "Cite a source that can prove delivery, such as an audit report, a notification or a news report of "
        "the work done (methodology: what does not count)."
    )
    if not kinds:
        return _("“%(status)s” needs a status change with its source. %(advice)s") % {
            "status": label,
            "advice": advice,
        }
    reasons = []
    for kind in kinds:
        method = method_of(kind)
        reason = str(method.why_not if method else NOT_GRADED)
        if reason not in reasons:
            reasons.append(reason)
    return _("“%(status)s” cannot rest on this evidence. %(reasons)s %(advice)s") % {
        "status": label,
        "reasons": " ".join(reasons),
        "advice": advice,
    }


def evidence_behind_status(status, changes):
    """The status changes behind the current `status`: the latest change, if it moves to `status`, with the
    others of the same day to the same status (an editor cites two sources for one status that way)."""
    latest = latest_status_change(changes)
    if latest is None or latest.to_status != status:
        return []
    return [c for c in changes if c.effective_date == latest.effective_date and c.to_status == status]


QUOTE_WITHOUT_SOURCE = _(
    "The quote of the promise needs its source: add a source below saying where the words were said or "
    "written, or leave the quote out."
)


def _saved_before_kinds(change):
    """Evidence already saved without a kind (recorded before sources were graded, or by an import that left
    the column out): it is not graded, but an editor changing something else of the record is not stopped by
    it. New evidence, and evidence given a kind, is held to the rule."""
    return not (getattr(change, "kind", "") or "") and getattr(change, "pk", None) is not None


def evidence_problems(*, status, status_changes, sources, source_quote):
    """[(field, message)]: what the evidence of a commitment lacks. `status_changes` and `sources` are the
    kept parts (model instances, or the admin form's rows), with their `kind`s."""
    problems = []
    if (source_quote or "").strip() and not list(sources):
        problems.append(("source_quote", str(QUOTE_WITHOUT_SOURCE)))
    behind = evidence_behind_status(status, list(status_changes))
    if behind and all(_saved_before_kinds(change) for change in behind):
        return problems
    problem = status_evidence_problem(status, [getattr(change, "kind", "") or "" for change in behind])
    if problem:
        problems.append(("status", str(problem)))
    return problems


def delivery_evidence_problems(commitment):
    """[(field, message)] for a commitment as it is in memory, with its parts."""
    return evidence_problems(
        status=commitment.status,
        status_changes=commitment.status_changes.all(),
        sources=commitment.sources.all(),
        source_quote=commitment.source_quote,
    )


@dataclass(frozen=True)
class EdgeCase:
    """A worked case of the methodology page: what happened, the kinds of source behind the status an
    editor would record, that status, whether the rule lets it be published (`counts`), and why."""

    situation: str
    kinds: tuple[str, ...]
    status: str
    counts: bool
    why: str

    @property
    def kind_labels(self):
        """The kinds in words, "Not graded" for a source without one."""
        return [method_of(kind).label if method_of(kind) else NOT_GRADED_LABEL for kind in self.kinds]

    @property
    def status_label(self):
        return CommitmentStatus(self.status).label


S, C = SourceKind, CommitmentStatus
EDGE_CASES = (
    EdgeCase(
        _("A minister inaugurates a water filtration plant, and the papers carry photographs of the ribbon."),
        (S.INAUGURATION,),
        C.DELIVERED,
        False,
        _("Not delivered on that alone: an inauguration does not show that clean water reached anyone."),
    ),
    EdgeCase(
        _("The chief minister lays the foundation stone of a hospital."),
        (S.INAUGURATION,),
        C.PARTIALLY_DELIVERED,
        False,
        _("Not even partly delivered: a foundation stone marks a start at most. Record it as In progress."),
    ),
    EdgeCase(
        _("A PC-1 is approved and the funds are released."),
        (S.PLAN_OR_BUDGET,),
        C.DELIVERED,
        False,
        _("Not delivered: money approved and released is not work done."),
    ),
    EdgeCase(
        _("The budget book allocates funds for the scheme, and the department's release says work has begun."),
        (S.PLAN_OR_BUDGET, S.PRESS_RELEASE),
        C.IN_PROGRESS,
        True,
        _("In progress may rest on them: only Delivered and Partially delivered need proof of delivery."),
    ),
    EdgeCase(
        _("The Auditor-General reports the scheme complete."),
        (S.AUDIT_REPORT,),
        C.DELIVERED,
        True,
        _("Delivered: an audit report is the strongest independent evidence there is."),
    ),
    EdgeCase(
        _("A department dashboard shows four schools in five with toilets."),
        (S.DEPARTMENT_WEBSITE,),
        C.PARTIALLY_DELIVERED,
        True,
        _("Partially delivered can rest on it: the department's own figures, published where anyone can check."),
    ),
    EdgeCase(
        _("A press release says the road is open, and a news report describes the work done."),
        (S.PRESS_RELEASE, S.NEWS_REPORT),
        C.DELIVERED,
        True,
        _("Counts, because the news report is independent of the government's own claim."),
    ),
    EdgeCase(
        _("A press release says the road is open, and nothing else does."),
        (S.PRESS_RELEASE,),
        C.DELIVERED,
        False,
        _("Does not count: a press release with no independent source is the government marking its own work."),
    ),
    EdgeCase(
        _("The minister announces in the assembly that every union council now has a plant."),
        (S.ANNOUNCEMENT,),
        C.DELIVERED,
        False,
        _("Does not count: a speech is a claim. Look for the notification, the accounts or a report of the work."),
    ),
    EdgeCase(
        _("A court orders the department to build the plants within six months."),
        (S.COURT_ORDER,),
        C.IN_PROGRESS,
        True,
        _(
            "An order to do the work does not show delivery: record In progress at most. A court's own "
            "finding that the work is done (a compliance report it accepts) can show delivery."
        ),
    ),
    EdgeCase(
        _("The High Court accepts the department's compliance report that the plants are running."),
        (S.COURT_ORDER,),
        C.DELIVERED,
        True,
        _("Delivered: the court has examined the work and recorded it as done."),
    ),
    EdgeCase(
        _("The finance accounts show the whole cost spent and the asset handed over."),
        (S.FINANCE_ACCOUNTS,),
        C.DELIVERED,
        True,
        _("Delivered: the accounts record the work paid for and handed over."),
    ),
    EdgeCase(
        _("A reply under the right-to-information law lists the 40 schools rebuilt of the 60 promised."),
        (S.RTI_REPLY,),
        C.PARTIALLY_DELIVERED,
        True,
        _("Partially delivered: the department's own answer on the record, in numbers."),
    ),
    EdgeCase(
        _("A citizen sends photographs of the finished plant, and an editor visits and confirms it works."),
        (S.CITIZEN_TIP,),
        C.DELIVERED,
        True,
        _("Delivered: a verified tip is evidence of the work itself."),
    ),
    EdgeCase(
        _("An old status change says Delivered, but its source was entered before sources had kinds."),
        ("",),
        C.DELIVERED,
        False,
        _("Cannot be published again until the source is graded: give its kind."),
    ),
)
del S, C
