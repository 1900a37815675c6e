"""Which addresses published records cite: the sources of commitments and decisions and the evidence of
status changes (the status changes' and sources' `url`). Parts' rows hold the live version of a record, so
the parts of published records are what the public reads."""

import functools
import operator

from django.db.models import Exists, OuterRef

from tracker.models import Commitment, CommitmentSource, Decision, DecisionSource, StatusChange

# Each part that cites an address, with the record it belongs to.
CITING_PARTS = (
    (CommitmentSource, "commitment", Commitment),
    (StatusChange, "commitment", Commitment),
    (DecisionSource, "decision", Decision),
)


def cited_urls():
    """Querysets of the addresses the published records cite (one per kind of part; they overlap)."""
    # Parts are ordered by their sort order, which DISTINCT would keep apart: unordered here.
    return [
        part.objects.filter(**{f"{field}__in": model.objects.published()})
        .exclude(url="")
        .order_by()
        .values_list("url", flat=True)
        for part, field, model in CITING_PARTS
    ]


def is_cited():
    """A condition on rows with a `url`: a published record cites it. EXISTS per kind of part, which PostgreSQL
    plans as semi-joins whatever the number of addresses."""
    conditions = [
        Exists(part.objects.filter(**{f"{field}__in": model.objects.published()}, url=OuterRef("url")))
        for part, field, model in CITING_PARTS
    ]
    return functools.reduce(operator.or_, conditions)
