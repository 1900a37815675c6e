"""The keys of the summary rows (tracker/public/summaries.py): what the pages read them by, and what the
publishes that adjust them in place write (dashboard_tally.py, holder_tally.py)."""


def key_of(kind, subject=None):
    """ "dashboard", or `<kind>:<subject>`: "person:12", "office:7", "place:3"."""
    return kind if subject is None else f"{kind}:{subject}"


def group_key(what, kind, tier):
    """The key of a peer group's row: `what` is "office-peers" or "holder-peers" (summaries.py's `_group`
    reads the kind and tier back)."""
    return key_of(what, f"{kind}:{tier}")
