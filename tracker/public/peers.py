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
Each side is computed apart: the office's or person's own figures (`office_own`, `person_own`), and the
group's (`office_peers`, `holder_peers`). The summaries keep them in rows of their own, so that a publish
makes stale the rows of the offices that own the commitment and of the people who held them, and one row
per group, not the row of every office and holder in the group (tracker/public/compared.py).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F
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


@dataclass
class OfficePeers:
    count: int  # published offices of the kind and tier
    measures: object  # their pooled delivery.Measures


def office_peers(kind, tier, today):
    """The offices of one kind and tier, and their pooled figures (three queries): kept in a summary row of
    their own (`office-peers:<kind>:<tier>`), so that a publish makes one row of the group stale, not the
    row of each of its offices."""
    from tracker.models import Commitment, CommitmentOwner, Office

    offices = list(Office.objects.published().values_list("pk", "kind", "organization__jurisdiction__tier"))
    peer_ids = [pk for pk, office_kind, t in offices if office_kind == kind and t == tier]
    owned = CommitmentOwner.objects.filter(office_id__in=peer_ids).values("commitment_id")
    facts = delivery.load_facts(Commitment.objects.published().filter(pk__in=owned), today, measured_only=True)
    return OfficePeers(len(peer_ids), _peers_measures(kind, tier, facts, today))


@dataclass
class OfficeOwn:
    """An office's side of its comparison: what its own commitments say, without its peers."""

    kind: str
    tier: str
    measures: object  # delivery.Measures of the commitments it owns


def office_own(office, today):
    """This office's own measures (two queries), to be set beside its group's (`office_peers`)."""
    from tracker.models import Commitment, CommitmentOwner

    owned = CommitmentOwner.objects.filter(office=office).values("commitment_id")
    facts = delivery.load_facts(Commitment.objects.published().filter(pk__in=owned), today, measured_only=True)
    facts.sort(key=_by_pk)
    return _office_own(office.slug, office.kind, office.organization.jurisdiction.tier, facts, today)


def _office_own(slug, kind, tier, facts, today):
    return OfficeOwn(kind, tier, delivery.measure("office", _("This office"), facts, today, {"owner": slug}))


def _by_pk(facts):
    return facts.pk


def compare_office(own, peers):
    """The comparison an office page shows: its `OfficeOwn` beside its group's `OfficePeers`."""
    return OfficeComparison(
        kind_label=OfficeKind(own.kind).label,
        tier_label=JurisdictionTier(own.tier).label,
        peer_count=peers.count,
        groups=[own.measures, peers.measures],
    )


def office_comparison(office, today):
    """This office's measures and its peers' (five queries), computed whole."""
    own = office_own(office, today)
    return compare_office(own, office_peers(own.kind, own.tier, today))


def _peers_measures(kind, tier, facts, today):
    return delivery.measure("peers", peers_label(kind, tier), facts, today, {"office_kind": kind, "owner_tier": tier})


def _office_comparison(slug, kind, tier, peer_count, own_facts, peers, today):
    return compare_office(_office_own(slug, kind, tier, own_facts, today), OfficePeers(peer_count, peers))


def every_office_comparison(today):
    """{office id: its `office_comparison`} for every published office, in four queries whatever their
    number: each kind and tier's peers are measured once, not once for each of its offices (the
    accountability page's table of every office)."""
    from tracker.models import Commitment, CommitmentOwner, Office

    offices = list(Office.objects.published().values_list("pk", "slug", "kind", "organization__jurisdiction__tier"))
    published = Commitment.objects.published()
    owners = CommitmentOwner.objects.filter(office__in=Office.objects.published(), commitment__in=published)
    owned = defaultdict(set)
    for office_id, commitment_id in owners.values_list("office_id", "commitment_id"):
        owned[office_id].add(commitment_id)
    facts = {
        f.pk: f
        for f in delivery.load_facts(published.filter(pk__in=owners.values("commitment_id")), today, measured_only=True)
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


@dataclass
class PersonOwnRow:
    """A person's figures over the offices of one kind and tier they held, without the group's."""

    kind: str
    tier: str
    person: HeldFigures


def person_own(person, today):
    """[PersonOwnRow], one for each kind and tier of office the person held (four queries), to be set
    beside each group's figures (`holder_peers`)."""
    mine = list(held_tenures(person=person))
    return _own_rows(person.slug, mine, TenureScores(mine, today))


def holder_peers(kind, tier, today):
    """The figures over every tenure of a published office of this kind and tier (four queries): kept in a
    summary row of their own (`holder-peers:<kind>:<tier>`), like `office_peers`."""
    return TenureScores(list(held_tenures(kind, tier)), today).peers(kind, tier)


def compare_person(own_rows, peers_of):
    """The comparison a person page shows: [PersonGroupRow], each `PersonOwnRow` beside its group's
    figures, `peers_of(kind, tier)`."""
    return [
        PersonGroupRow(
            kind=row.kind,
            tier=row.tier,
            kind_label=OfficeKind(row.kind).label,
            tier_label=JurisdictionTier(row.tier).label,
            person=row.person,
            peers=peers_of(row.kind, row.tier),
        )
        for row in own_rows
    ]


def person_comparison(person, today):
    """[PersonGroupRow], one for each kind and tier of office the person held, computed whole."""
    return compare_person(person_own(person, today), lambda kind, tier: holder_peers(kind, tier, today))


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


def _own_rows(slug, mine, scores):
    """[PersonOwnRow] of a person's tenures `mine`, scored by `scores` (a TenureScores holding them)."""
    rows = []
    for kind, tier in sorted({(t.office_kind, t.office_tier) for t in mine}):
        own, own_withdrawn = scores.over([t for t in mine if (t.office_kind, t.office_tier) == (kind, tier)])
        query = {"held_by": slug, "held_kind": kind, "held_tier": tier}
        rows.append(PersonOwnRow(kind=kind, tier=tier, person=_figures(own, own_withdrawn, query)))
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

    return {
        pk: compare_person(_own_rows(slugs[pk], tenures, scores), scores.peers)
        for pk, tenures in mine.items()
        if pk in slugs
    }
