"""Validation rules shared by the admin forms (which see unsaved inline parts) and the models (which
see parts in memory when a service publishes). Each returns the plain-language problems it finds."""

from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.models.vocabulary import JurisdictionTier, TenureStart

TIER_ORDER = list(JurisdictionTier.values)


def tenure_dates_problem(start, end):
    if start and end and end < start:
        return _("The tenure cannot end (%(end)s) before it starts (%(start)s).") % {"end": end, "start": start}
    return None


def overlapping_tenures(tenures):
    """Pairs of full-charge tenures of one sole office whose dates overlap.

    `tenures` are objects with person, start_date, end_date and how. Acting and additional-charge
    tenures may overlap a substantive holder, as they do when an officer is away.
    """
    full = [t for t in tenures if t.start_date and t.how not in TenureStart.temporary()]
    full.sort(key=lambda t: t.start_date)
    clashes = []
    for i, first in enumerate(full):
        for second in full[i + 1 :]:
            if first.end_date is None or second.start_date <= first.end_date:
                clashes.append((first, second))
    return clashes


def overlap_message(first, second):
    def describe(t):
        end = t.end_date.isoformat() if t.end_date else _("now")
        return _("%(person)s (%(start)s to %(end)s)") % {
            "person": t.person,
            "start": t.start_date.isoformat(),
            "end": end,
        }

    return _(
        "Two people cannot hold this office at once: %(first)s overlaps %(second)s. "
        "Set an end date, or record one of them as acting or additional charge."
    ) % {"first": describe(first), "second": describe(second)}


def deadline_problem(made_on, deadline):
    if made_on and deadline and deadline < made_on:
        return _("The deadline (%(deadline)s) cannot be before the commitment was made (%(made_on)s).") % {
            "deadline": deadline,
            "made_on": made_on,
        }
    return None


def future_date_problem(day, what):
    if day and day > timezone.localdate():
        return _("The %(what)s cannot be in the future.") % {"what": what}
    return None


def latest_status_change(changes):
    """The status change that sets the current status: the latest effective date; on a tie, the later in
    the list (its place, `sort_order`, then the order given: parts not yet numbered have none)."""
    dated = [c for c in changes if c.effective_date]
    if not dated:
        return None

    def place(pair):
        index, change = pair
        order = getattr(change, "sort_order", None)
        return (change.effective_date, -1 if order is None else order, index)

    return max(enumerate(dated), key=place)[1]


def status_mismatch_message(status_label, change_label):
    return _(
        "The status is “%(status)s” but the latest status change moves it to “%(change)s”. "
        "To change the status, add a status change with its source and effective date."
    ) % {"status": status_label, "change": change_label}


def tier_problem(tier, parent):
    if parent is None:
        return None
    if TIER_ORDER.index(parent.tier) >= TIER_ORDER.index(tier):
        return _("A %(tier)s cannot be inside a %(parent_tier)s (%(parent)s).") % {
            "tier": JurisdictionTier(tier).label.lower(),
            "parent_tier": JurisdictionTier(parent.tier).label.lower(),
            "parent": parent,
        }
    return None


def reference_problems(references, kept=()):
    """What stops a record from pointing at other records: each one must be visible to the public
    (published, and not taken down), or the record would show, and freeze into its public revision,
    a name the public may not see.

    `kept` are the (model, id) pairs its published version already points at: one of them taken down since
    stays (its public revisions withhold it, tracker/models/withheld.py), so the record's other changes can
    still be published and an export's round trip does not remove it; it cannot be newly chosen.

    `references` are (model, id) pairs, ids of unsaved or unset references as None. One query per kind
    of record referenced, and one more for the names when some are not public."""
    wanted = {}
    for model, pk in references:
        if pk is not None:
            wanted.setdefault(model, []).append(pk)
    problems = []
    for model, ids in wanted.items():
        public = set(model._default_manager.published().filter(pk__in=ids).values_list("pk", flat=True))
        kept_here = [pk for kept_model, pk in kept if kept_model is model and pk in ids]
        public |= set(model._default_manager.taken_down().filter(pk__in=kept_here).values_list("pk", flat=True))
        hidden = [pk for pk in dict.fromkeys(ids) if pk not in public]
        if not hidden:
            continue
        found = model._default_manager.in_bulk(hidden)
        for pk in hidden:
            problems.append(reference_problem(model, found.get(pk)))
    return problems


def reference_problem(model, record):
    """Why `record`, a `model` the public may not see (or None: gone), cannot be pointed at."""
    kind = str(model._meta.verbose_name)
    if record is None:
        return _("The %(kind)s chosen no longer exists: choose a published %(kind)s.") % {"kind": kind}
    values = {"kind": kind, "name": record}
    if record.live and record.taken_down_at:
        return _("The %(kind)s “%(name)s” has been taken down: choose a published %(kind)s.") % values
    if record.first_published_at:
        return (
            _("The %(kind)s “%(name)s” has been unpublished: publish it again, or choose a published %(kind)s.")
            % values
        )
    return _("The %(kind)s “%(name)s” is not published yet: publish it first, or choose a published %(kind)s.") % values
