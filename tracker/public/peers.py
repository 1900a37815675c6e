"""Per office and per person: their own numbers against offices of the same kind and tier.

An office's **peers** are the published offices of the same kind (elected, appointed, administrator)
whose organisation's jurisdiction has the same tier (district, province...), the office itself
included. The peers' figures are pooled: every commitment any of them owns, counted once, with the
same rules as the accountability page (`delivery.py`): withdrawn ones beside the others, Wilson
intervals, "too few to say" under MIN_COUNT.

A person's numbers are the scorecard's (`scorecards.py`): the commitments the offices they held owned,
counted only for the days they held them, each commitment once however many tenures it spans. They
are grouped by the kind and tier of the offices held, and set against the same figures over every
tenure of every published office of that kind and tier (the person's own included). Withdrawn
commitments are left out of every denominator and shown beside them.

Both are read in a fixed number of queries, whatever the number of commitments, offices and tenures.
"""

from dataclasses import dataclass

from django.db.models import F, Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.models.vocabulary import CommitmentStatus, JurisdictionTier, OfficeKind
from tracker.public import delivery
from tracker.public.scorecards import Score, facts_by_office, score_tenure

# --- Offices ----------------------------------------------------------------------------------------


@dataclass
class OfficeComparison:
    kind_label: str
    tier_label: str
    peer_count: int  # published offices of the same kind and tier, this one included
    groups: list  # [Measures]: this office, its peers


def _peers_label(kind, tier):
    return gettext("All %(kind)s offices at %(tier)s level") % {
        "kind": OfficeKind(kind).label.lower(),
        "tier": JurisdictionTier(tier).label.lower(),
    }


# Comparisons are kept and read by pages in both languages: the label is written in the reader's.
peers_label = lazy(_peers_label, str)


def office_comparison(office, today):
    """This office's measures and its peers' (six queries)."""
    from tracker.models import Commitment, CommitmentOwner, Office

    offices = list(Office.objects.published().values_list("pk", "kind", "organization__jurisdiction__tier"))
    kinds = {pk: kind for pk, kind, _tier in offices}
    tier = office.organization.jurisdiction.tier
    peer_ids = [pk for pk, kind, t in offices if kind == office.kind and t == tier]
    owned = CommitmentOwner.objects.filter(office_id__in=peer_ids).values("commitment_id")
    facts = delivery.load_facts(Commitment.objects.published().filter(pk__in=owned), today, kinds)
    mine = set(CommitmentOwner.objects.filter(office=office).values_list("commitment_id", flat=True))
    kind_label, tier_label = OfficeKind(office.kind).label, JurisdictionTier(tier).label
    return OfficeComparison(
        kind_label=kind_label,
        tier_label=tier_label,
        peer_count=len(peer_ids),
        groups=[
            delivery.measure(
                "office", _("This office"), [f for f in facts if f.pk in mine], today, {"owner": office.slug}
            ),
            delivery.measure(
                "peers",
                peers_label(office.kind, tier),
                facts,
                today,
                {"office_kind": office.kind, "owner_tier": tier},
            ),
        ],
    )


# --- People -----------------------------------------------------------------------------------------

COLUMNS = ("delivered", "broken", "overdue")


@dataclass
class HeldFigures:
    """A scorecard's columns as shares of the commitments counted (owned, withdrawn left out)."""

    counted: delivery.Share
    withdrawn: delivery.Share
    shares: list  # [(column, label, Share)]


@dataclass
class PersonGroupRow:
    kind: str
    tier: str
    kind_label: str
    tier_label: str
    person: HeldFigures
    peers: HeldFigures


def held_tenures(kind=None, tier=None, person=None):
    """Tenures of published people in published offices, annotated with the office's kind and tier."""
    from tracker.models import Office, Person, Tenure

    tenures = Tenure.objects.filter(
        office__in=Office.objects.published(), person__in=Person.objects.published()
    ).annotate(office_kind=F("office__kind"), office_tier=F("office__organization__jurisdiction__tier"))
    if kind:
        tenures = tenures.filter(office__kind=kind)
    if tier:
        tenures = tenures.filter(office__organization__jurisdiction__tier=tier)
    if person is not None:
        tenures = tenures.filter(person=person)
    return tenures.order_by("start_date", "pk")


def _scores(tenures, grouped, today):
    """(Score over the tenures, ids of the withdrawn commitments in it)."""
    total = Score()
    withdrawn = set()
    for tenure in tenures:
        facts = grouped.get(tenure.office_id, [])
        total.add(score_tenure(tenure, facts, today))
        withdrawn.update(f.commitment.pk for f in facts if f.commitment.status == CommitmentStatus.WITHDRAWN)
    return total, withdrawn & total.owned


def held_commitments(column, today, kind=None, tier=None, person=None):
    """The ids behind one figure of a person's comparison (what the commitment list's `held_*` filters
    select): `column` is "owned" (counted), "withdrawn", or one of COLUMNS."""
    tenures = list(held_tenures(kind, tier, person))
    score, withdrawn = _scores(tenures, facts_by_office({t.office_id for t in tenures}), today)
    if column == "withdrawn":
        return withdrawn
    return getattr(score, column) - withdrawn


def _figures(score, withdrawn, query):
    counted = score.owned - withdrawn
    labels = {"delivered": _("Delivered"), "broken": _("Broken"), "overdue": _("Overdue")}
    return HeldFigures(
        counted=delivery.Share(len(counted), len(counted), delivery.list_url(query, during="owned")),
        withdrawn=delivery.Share(len(withdrawn), len(score.owned), delivery.list_url(query, during="withdrawn")),
        shares=[
            (
                column,
                labels[column],
                delivery.Share(
                    len(getattr(score, column) - withdrawn), len(counted), delivery.list_url(query, during=column)
                ),
            )
            for column in COLUMNS
        ],
    )


def person_comparison(person, today):
    """[PersonGroupRow], one for each kind and tier of office the person held (four queries)."""
    mine = list(held_tenures(person=person))
    groups = sorted({(t.office_kind, t.office_tier) for t in mine})
    if not groups:
        return []
    match = Q()
    for kind, tier in groups:
        match |= Q(office__kind=kind, office__organization__jurisdiction__tier=tier)
    everyone = list(held_tenures().filter(match))
    grouped = facts_by_office({t.office_id for t in everyone})
    rows = []
    for kind, tier in groups:
        query = {"held_kind": kind, "held_tier": tier}
        own, own_withdrawn = _scores(
            [t for t in mine if (t.office_kind, t.office_tier) == (kind, tier)], grouped, today
        )
        all_, all_withdrawn = _scores(
            [t for t in everyone if (t.office_kind, t.office_tier) == (kind, tier)], grouped, today
        )
        rows.append(
            PersonGroupRow(
                kind=kind,
                tier=tier,
                kind_label=OfficeKind(kind).label,
                tier_label=JurisdictionTier(tier).label,
                person=_figures(own, own_withdrawn, {"held_by": person.slug, **query}),
                peers=_figures(all_, all_withdrawn, query),
            )
        )
    return rows
