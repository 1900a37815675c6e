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


def cited_urls(record=None):
    """Querysets of the addresses the published records cite (one per kind of part; they overlap). With
    `record`, (the name of its model, its id), only the addresses that record cites while it is published."""
    found = []
    for part, field, model in CITING_PARTS:
        citing = model.objects.published()
        if record is not None:
            if record[0] != model._meta.model_name:
                continue
            citing = citing.filter(pk=record[1])
        # Parts are ordered by their sort order, which DISTINCT would keep apart: unordered here.
        found.append(
            part.objects.filter(**{f"{field}__in": citing}).exclude(url="").order_by().values_list("url", flat=True)
        )
    return found


def citing_record(name, pk):
    """(the name of a citing record's model, its id) from what a task was given; LookupError for another."""
    if name not in {model._meta.model_name for _part, _field, model in CITING_PARTS}:
        raise LookupError(f"{name} records cite no address")
    return name, int(pk)


def is_cited():
    """A condition on rows with a `url`: a published record cites it. EXISTS per kind of part, which PostgreSQL
    plans as semi-joins whatever the number of addresses."""
    conditions = [
        Exists(part.objects.filter(**{f"{field}__in": model.objects.published()}, url=OuterRef("url")))
        for part, field, model in CITING_PARTS
    ]
    return functools.reduce(operator.or_, conditions)
