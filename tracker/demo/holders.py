"""The sample people and offices, published as their facts became known.

A reporter reads the sample history as a record: a revision of an office published in 2015 cannot name
a deputy commissioner posted in 2023. So each office is published when the tracker began with the
tenures that had begun by then (an end not yet known is left open), and again on each later day a holder
was posted, transferred or left: its tenures as they stood that day. Each person is published on the day
of their first posting (or when the tracker began, for those already in post), just before the office
that names them.
"""

import datetime

from django.utils.text import slugify

from tracker import publishing
from tracker.demo import publish_if_missing, sample_moment, stamped
from tracker.demo import urdu as ur
from tracker.demo.people import FICTIONAL, other_names, region_of, tenure_plans
from tracker.demo.places import office_rows, urdu_names
from tracker.models import Office, Person, Tenure
from tracker.models.vocabulary import TenureEnd, TenureStart

DAY = datetime.timedelta(days=1)


def load_people_and_offices(organisations, *, user, today, began, report):
    """Publish the people and the offices, each office first as it stood when the tracker `began` and then
    once for each later day its holders changed. Offices that exist are left as they are (with whatever
    tenures editors have given them), and nobody is invented for them."""
    plans = tenure_plans(today, {slug: region_of(org) for slug, org in organisations.items()})
    rows = office_rows()
    existing = set(Office.objects.filter(slug__in=[row[0] for row in rows]).values_list("slug", flat=True))
    first_day = began.date()
    people, offices = {}, {}
    _names_ur, titles_ur = urdu_names()
    with stamped(began):
        for slug, title, kind, org_slug in rows:
            known = [plan for plan in plans[slug] if plan.start <= first_day] if slug not in existing else []
            _publish_people(known, people, user, report)

            def build(slug=slug, title=title, kind=kind, org_slug=org_slug, known=known):
                office = Office(
                    slug=slug,
                    title=title,
                    title_ur=titles_ur[slug],
                    kind=kind,
                    organization=organisations[org_slug],
                    is_sole=True,
                )
                for plan in known:
                    office.tenures.add(_tenure(plan, people, first_day))
                return office

            offices[slug] = publish_if_missing(
                Office, slug, build, user=user, summary=f"Sample data: add {title} and its holders", report=report
            )
    added = [slug for slug in offices if slug not in existing]
    later = [(day, slug) for slug in added for day in _change_days(plans[slug], first_day, today)]
    for day, slug in sorted(later):
        _publish_people([plan for plan in plans[slug] if plan.start == day], people, user, report, day=day)
        _publish_holders(offices[slug], plans[slug], day, people, user)
    return offices


def _change_days(plans, after, today):
    """The days after `after`, up to `today`, on which an office's holders changed: a posting, or a
    departure not followed the next day by the next posting (which then says both)."""
    starts = {plan.start for plan in plans if after < plan.start <= today}
    ends = {plan.end for plan in plans if plan.end and after < plan.end <= today and plan.end + DAY not in starts}
    return sorted(starts | ends)


def _tenure(plan, people, day):
    """A plan's tenure as it was known on `day`: its end only once it had come."""
    ended = plan.end is not None and plan.end <= day
    return Tenure(
        person=people[plan.person],
        start_date=plan.start,
        end_date=plan.end if ended else None,
        how=plan.how,
        end_reason=plan.end_reason if ended else "",
        notification=plan.notification,
    )


def _publish_people(plans, people, user, report, *, day=None):
    for plan in plans:
        if plan.person in people:
            continue
        people[plan.person] = publish_if_missing(
            Person,
            slugify(plan.person),
            lambda name=plan.person: Person(
                slug=slugify(name),
                name=name,
                name_ur=ur.person_name_ur(name),
                other_names=other_names(name),
                summary=FICTIONAL,
                summary_ur=ur.FICTIONAL_UR,
            ),
            user=user,
            summary=f"Sample data: add {plan.person} (fictional)",
            report=report,
            as_of=sample_moment(day) if day else None,
        )


def _publish_holders(office, plans, day, people, user):
    """A new revision of `office`: its tenures as they stood on `day`, as an editor would enter them the
    day a notification came out."""
    office = Office.objects.get(pk=office.pk)
    saved = {(tenure.person_id, tenure.start_date): tenure for tenure in office.tenures.all()}
    tenures = []
    for plan in (plan for plan in plans if plan.start <= day):
        tenure = _tenure(plan, people, day)
        before = saved.get((tenure.person_id, tenure.start_date))
        if before is not None:
            before.end_date, before.end_reason = tenure.end_date, tenure.end_reason
            tenure = before
        tenures.append(tenure)
    office.tenures = tenures
    # Five minutes after the people it names, in the same hour (one signed digest covers both).
    moment = sample_moment(day) + datetime.timedelta(minutes=5)
    publishing.publish(office, user=user, summary=_summary(plans, day), as_of=moment)


def _summary(plans, day):
    """What changed on `day`, as an editor would say it."""
    said = [f"{plan.person}: {TenureStart(plan.how).label}" for plan in plans if plan.start == day]
    said += [
        f"{plan.person}: {TenureEnd(plan.end_reason).label if plan.end_reason else 'left'}"
        for plan in plans
        if plan.end in (day, day - DAY)
    ]
    return "Sample data: " + "; ".join(said) if said else "Sample data: holders updated"
