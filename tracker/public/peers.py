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
Within `measured_once()` (the refresh of the stored summaries, which recomputes every page of a peer group
a publish touched) each kind and tier's peers are read and measured once, not once per office or person:
what a page of the group costs is then its own figures only.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
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


# {(what, kind, tier, today): the group's figures} while `measured_once()` is open; None outside it.
_groups_measured = ContextVar("peer_groups_measured", default=None)


@contextmanager
def measured_once():
    """Within this block each peer group (offices or holders of one kind and tier) is read and measured
    once, on its first use. For a computation that sees the data as of its start (the summaries' refresh:
    a change made meanwhile marks the pages it alters stale again, so figures computed from the groups as
    they were are never stored as fresh)."""
    token = _groups_measured.set({})
    try:
        yield
    finally:
        _groups_measured.reset(token)


def _group(what, kind, tier, today, measure):
    """`measure()`, once per group within `measured_once()`, every time outside it."""
    memo = _groups_measured.get()
    if memo is None:
        return measure()
    key = (what, kind, tier, today)
    if key not in memo:
        memo[key] = measure()
    return memo[key]


@dataclass
class OfficePeers:
    count: int  # published offices of the kind and tier
    facts: dict  # {commitment id: delivery.Facts} of every commitment they own
    measures: object  # their pooled delivery.Measures


def _office_peers(kind, tier, today):
    """The offices of one kind and tier, and their pooled figures (five queries)."""
    from tracker.models import Commitment, CommitmentOwner, Office

    offices = list(Office.objects.published().values_list("pk", "kind", "organization__jurisdiction__tier"))
    kinds = {pk: office_kind for pk, office_kind, _tier in offices}
    peer_ids = [pk for pk, office_kind, t in offices if office_kind == kind and t == tier]
    owned = CommitmentOwner.objects.filter(office_id__in=peer_ids).values("commitment_id")
    facts = delivery.load_facts(Commitment.objects.published().filter(pk__in=owned), today, kinds)
    return OfficePeers(len(peer_ids), {f.pk: f for f in facts}, _peers_measures(kind, tier, facts, today))


def office_comparison(office, today):
    """This office's measures and its peers' (six queries; one within `measured_once()` once its group
    was measured)."""
    from tracker.models import CommitmentOwner

    tier = office.organization.jurisdiction.tier
    peers = _group("offices", office.kind, tier, today, lambda: _office_peers(office.kind, tier, today))
    mine = CommitmentOwner.objects.filter(office=office).values_list("commitment_id", flat=True)
    own_facts = [peers.facts[pk] for pk in sorted(set(mine)) if pk in peers.facts]
    return _office_comparison(office.slug, office.kind, tier, peers.count, own_facts, peers.measures, today)


def _peers_measures(kind, tier, facts, today):
    return delivery.measure("peers", peers_label(kind, tier), facts, today, {"office_kind": kind, "owner_tier": tier})


def _office_comparison(slug, kind, tier, peer_count, own_facts, peers, today):
    return OfficeComparison(
        kind_label=OfficeKind(kind).label,
        tier_label=JurisdictionTier(tier).label,
        peer_count=peer_count,
        groups=[delivery.measure("office", _("This office"), own_facts, today, {"owner": slug}), peers],
    )


def every_office_comparison(today):
    """{office id: its `office_comparison`} for every published office, in five queries whatever their
    number: each kind and tier's peers are measured once, not once for each of its offices (the
    accountability page's table of every office)."""
    from tracker.models import Commitment, CommitmentOwner, Office

    offices = list(Office.objects.published().values_list("pk", "slug", "kind", "organization__jurisdiction__tier"))
    kinds = {pk: kind for pk, _slug, kind, _tier in offices}
    published = Commitment.objects.published()
    owners = CommitmentOwner.objects.filter(office__in=Office.objects.published(), commitment__in=published)
    owned = defaultdict(set)
    for office_id, commitment_id in owners.values_list("office_id", "commitment_id"):
        owned[office_id].add(commitment_id)
    facts = {
        f.pk: f for f in delivery.load_facts(published.filter(pk__in=owners.values("commitment_id")), today, kinds)
    }
    groups = defaultdict(list)
    for pk, _slug, kind, tier in offices:
        groups[kind, tier].append(pk)
    peers = {}
    for (kind, tier), members in groups.items():
        pooled = set().union(*(owned[pk] for pk in members))
        peers[kind, tier] = _peers_measures(kind, tier, [facts[c] for c in sorted(pooled) if c in facts], today)
    return {
        pk: _office_comparison(
            slug,
            kind,
            tier,
            len(groups[kind, tier]),
            [facts[c] for c in sorted(owned[pk]) if c in facts],
            peers[kind, tier],
            today,
        )
        for pk, slug, kind, tier in offices
    }


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


def held_commitments(column, today, kind=None, tier=None, person=None):
    """The ids behind one figure of a person's comparison (what the commitment list's `held_*` filters
    select): `column` is "owned" (counted), "withdrawn", or one of COLUMNS."""
    tenures = list(held_tenures(kind, tier, person))
    score, withdrawn = TenureScores(tenures, today).over(tenures)
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
    """[PersonGroupRow], one for each kind and tier of office the person held (four queries; within
    `measured_once()`, one, and three more for each group not yet measured)."""
    mine = list(held_tenures(person=person))
    groups = sorted({(t.office_kind, t.office_tier) for t in mine})
    if not groups:
        return []
    if _groups_measured.get() is not None:

        def scores_of(kind, tier):
            return _group("holders", kind, tier, today, lambda: TenureScores(list(held_tenures(kind, tier)), today))

        return _person_rows(person.slug, mine, scores_of)
    match = Q()
    for kind, tier in groups:
        match |= Q(office__kind=kind, office__organization__jurisdiction__tier=tier)
    scores = TenureScores(list(held_tenures().filter(match)), today)
    return _person_rows(person.slug, mine, lambda _kind, _tier: scores)


class TenureScores:
    """The scores of `everyone`'s tenures, each tenure scored once however many figures count it (its
    holder's and its kind and tier's), and each kind and tier's figures computed once when first asked."""

    def __init__(self, everyone, today):
        self.today = today
        self.tenures = defaultdict(list)
        for tenure in everyone:
            self.tenures[tenure.office_kind, tenure.office_tier].append(tenure)
        self.facts = facts_by_office({t.office_id for t in everyone})
        self.scored, self.withdrawn, self.figures = {}, {}, {}

    def over(self, tenures):
        """(Score over the tenures, ids of the withdrawn commitments in it)."""
        total, withdrawn = Score(), set()
        for tenure in tenures:
            facts = self.facts.get(tenure.office_id, [])
            if tenure.pk not in self.scored:
                self.scored[tenure.pk] = score_tenure(tenure, facts, self.today)
            if tenure.office_id not in self.withdrawn:
                self.withdrawn[tenure.office_id] = {
                    f.commitment.pk for f in facts if f.commitment.status == CommitmentStatus.WITHDRAWN
                }
            total.add(self.scored[tenure.pk])
            withdrawn |= self.withdrawn[tenure.office_id]
        return total, withdrawn & total.owned

    def peers(self, kind, tier):
        """The figures over every tenure of offices of this kind and tier."""
        if (kind, tier) not in self.figures:
            score, withdrawn = self.over(self.tenures[kind, tier])
            self.figures[kind, tier] = _figures(score, withdrawn, {"held_kind": kind, "held_tier": tier})
        return self.figures[kind, tier]


def _person_rows(slug, mine, scores_of):
    """The rows of a person's comparison; `scores_of(kind, tier)` is a TenureScores holding that group."""
    rows = []
    for kind, tier in sorted({(t.office_kind, t.office_tier) for t in mine}):
        scores = scores_of(kind, tier)
        own, own_withdrawn = scores.over([t for t in mine if (t.office_kind, t.office_tier) == (kind, tier)])
        rows.append(
            PersonGroupRow(
                kind=kind,
                tier=tier,
                kind_label=OfficeKind(kind).label,
                tier_label=JurisdictionTier(tier).label,
                person=_figures(own, own_withdrawn, {"held_by": slug, "held_kind": kind, "held_tier": tier}),
                peers=scores.peers(kind, tier),
            )
        )
    return rows


def every_person_comparison(people, today):
    """{person id: their `person_comparison`} for each of `people` (published) who held a published office,
    in three queries whatever their number: each kind and tier's figures are computed once, not once for
    each of its holders (the accountability page's table of every person)."""
    slugs = {person.pk: person.slug for person in people}
    everyone = list(held_tenures())
    scores = TenureScores(everyone, today)
    mine = defaultdict(list)
    for tenure in everyone:
        mine[tenure.person_id].append(tenure)

    def scores_of(_kind, _tier):
        return scores

    return {pk: _person_rows(slugs[pk], tenures, scores_of) for pk, tenures in mine.items() if pk in slugs}
