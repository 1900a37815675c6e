"""One line saying what a revision changed, as in the history list and the feeds:
"Status: In progress → Stalled; owner added: Deputy Commissioner Quetta (Administrative owner); source added: …"."""

from tracker.history.diffs import compare

FIRST = "First published"
NOTHING = "No change to what the page says"
UNKNOWN = "The revision before it is missing"


def _field_phrase(change):
    if change.kind == "added":
        return f"{change.label} added" if change.new.is_long else f"{change.label} added: {change.new.text}"
    if change.kind == "removed":
        return f"{change.label} removed"
    if change.is_choice or not (change.old.is_long or change.new.is_long):
        return f"{change.label}: {change.old.text} → {change.new.text}"
    return f"{change.label} edited"


def _part_phrase(change):
    said = f"{change.singular} {change.kind}"
    return f"{said}: {change.description}" if change.description else said


def phrases(diff):
    return [_field_phrase(change) for change in diff.fields] + [_part_phrase(change) for change in diff.parts]


def summarize(old_content, new_content, limit=6):
    """What changed from `old_content` to `new_content` (None: the first revision), in one line."""
    if old_content is None:
        return FIRST
    said = phrases(compare(old_content, new_content))
    if not said:
        return NOTHING
    if len(said) > limit:
        more = len(said) - limit
        said = [*said[:limit], f"and {more} more change{'' if more == 1 else 's'}"]
    return "; ".join(said)


def what_changed(revision, previous):
    """What `revision` changed from `previous` (the revision numbered one lower, or None)."""
    if revision.number == 1:
        return FIRST
    if previous is None or previous.number != revision.number - 1:
        return UNKNOWN
    return summarize(previous.content, revision.content)
