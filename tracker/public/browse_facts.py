"""What an index page (browse.py) says of each of its records: who holds an office now, the offices a
person holds now (or the last one held), a place's parent; read in a query or two whatever the page's
number of records."""


def fill(kind, entries, today):
    """Read the entries' records, and what the page says of each, in a query or two whatever their number."""
    from tracker.models import Jurisdiction, Office, Person, Tenure
    from tracker.public.ownership import covering_filter, holders_on, is_public

    pks = [e.row.pk for e in entries]
    if kind.key == "places":
        records = Jurisdiction.objects.published().filter(pk__in=pks).select_related("parent").in_bulk()
        for e in entries:
            e.record = records.get(e.row.pk)
            parent = e.record.parent if e.record else None
            e.facts = {"parent": parent if is_public(parent) else None}
    elif kind.key == "offices":
        records = Office.objects.published().filter(pk__in=pks).in_bulk()
        holding = {}
        tenures = Tenure.objects.filter(office_id__in=pks, person__in=Person.objects.published())
        for t in tenures.filter(covering_filter(today)).select_related("person").order_by("start_date"):
            holding.setdefault(t.office_id, []).append(t)
        for e in entries:
            e.record = records.get(e.row.pk)
            e.facts = {"holders": holders_on(holding.get(e.row.pk, []), today)}
    else:
        records = Person.objects.published().filter(pk__in=pks).in_bulk()
        held = {}
        tenures = Tenure.objects.filter(person_id__in=pks, office__in=Office.objects.published())
        for t in tenures.select_related("office").order_by("start_date", "sort_order"):
            held.setdefault(t.person_id, []).append(t)
        for e in entries:
            e.record = records.get(e.row.pk)
            mine = held.get(e.row.pk, [])
            now = holders_on(mine, today)
            past = [t for t in mine if t.end_date and t.end_date < today]
            e.facts = {"now": now, "last": None if now or not past else max(past, key=lambda t: t.end_date)}
    found, previous = [e for e in entries if e.record is not None], None
    for e in found:  # each group's heading above its first entry on the page
        e.heading = e.group if e.group is not previous else None
        previous = e.group
    return found
