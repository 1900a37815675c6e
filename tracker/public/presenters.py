"""Words and structured data for public pages: plain-language status explanations and schema.org
JSON-LD. Kept out of templates, which only present."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tracker.models.vocabulary import CommitmentStatus

STATUS_EXPLANATIONS = {
    CommitmentStatus.NOT_STARTED: _("No work on this commitment has been reported yet."),
    CommitmentStatus.IN_PROGRESS: _("Work has begun and is reported to be moving."),
    CommitmentStatus.STALLED: _(
        "Work began but has stopped: no progress has been reported for a while, or it is blocked."
    ),
    CommitmentStatus.PARTIALLY_DELIVERED: _("Some of what was promised was delivered, not all of it. This is final."),
    CommitmentStatus.DELIVERED: _("What was promised has been delivered, according to the sources below."),
    CommitmentStatus.BROKEN: _("The commitment was abandoned or cannot now be met. This is final."),
    CommitmentStatus.WITHDRAWN: _("The government formally withdrew the commitment. This is final."),
}


def years_months_days(start, end):
    """(years, months, days) from `start` to `end` on the calendar: 30 June 2020 to 1 June 2028 is
    (7, 11, 2). A month is counted when its day of the month is reached (31 January to 28 February is
    0 months 28 days)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    if months <= 0:
        return 0, 0, max((end - start).days, 0)
    years, months = divmod(months, 12)
    return years, months, 0


def duration(start, end):
    """How long from `start` to `end` as readers say it: "7 years 11 months", "5 months", "12 days"."""
    years, months, days = years_months_days(start, end)
    if not years and not months:
        return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}
    parts = []
    if years:
        parts.append(ngettext("%(n)s year", "%(n)s years", years) % {"n": years})
    if months:
        parts.append(ngettext("%(n)s month", "%(n)s months", months) % {"n": months})
    return " ".join(parts)


# schema.org Action statuses, for search engines and data reusers.
ACTION_STATUS = {
    CommitmentStatus.NOT_STARTED: "PotentialActionStatus",
    CommitmentStatus.IN_PROGRESS: "ActiveActionStatus",
    CommitmentStatus.STALLED: "ActiveActionStatus",
    CommitmentStatus.PARTIALLY_DELIVERED: "CompletedActionStatus",
    CommitmentStatus.DELIVERED: "CompletedActionStatus",
    CommitmentStatus.BROKEN: "FailedActionStatus",
    CommitmentStatus.WITHDRAWN: "FailedActionStatus",
}


def commitment_jsonld(commitment, url, owners_now):
    data = {
        "@context": "https://schema.org",
        "@type": "Action",
        "name": commitment.title,
        "description": commitment.text,
        "url": url,
        "startTime": commitment.made_on.isoformat(),
        "actionStatus": f"https://schema.org/{ACTION_STATUS[commitment.status]}",
        "agent": [
            {"@type": "GovernmentOrganization", "name": str(o.office), "member": [h.person.name for h in o.holders]}
            for o in owners_now
        ],
    }
    if commitment.jurisdiction:
        data["location"] = {"@type": "AdministrativeArea", "name": commitment.jurisdiction.name}
    if commitment.deadline:
        data["endTime"] = commitment.deadline.isoformat()
    return data


def person_jsonld(person, url, tenures):
    return {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": url,
        "hasOccupation": [
            {
                "@type": "Role",
                "roleName": str(t.office),
                "startDate": t.start_date.isoformat(),
                **({"endDate": t.end_date.isoformat()} if t.end_date else {}),
            }
            for t in tenures
        ],
    }


def place_jsonld(jurisdiction, url):
    data = {"@context": "https://schema.org", "@type": "AdministrativeArea", "name": jurisdiction.name, "url": url}
    if jurisdiction.parent_id:
        data["containedInPlace"] = {"@type": "AdministrativeArea", "name": jurisdiction.parent.name}
    return data


def office_jsonld(office, url):
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": office.title,
        "url": url,
        "parentOrganization": {"@type": "GovernmentOrganization", "name": office.organization.name},
    }


@dataclass
class TallyLine:
    label: str
    count: int
    percent: int | None
    url: str
    parts: list = field(default_factory=list)  # the statuses a line adds up, each a TallyLine


def tally(status_counts):
    """The home page's tally, a line a reader can quote: of the commitments tracked, how many (and what
    share) were delivered, partially delivered, broken, stalled, and are still open (not started or in
    progress, each of the two counted too), each linked to its list. Withdrawn ones are counted in the
    total and said apart. Every status has its count."""
    from django.urls import reverse

    S = CommitmentStatus
    counts = {value: count for value, _label, count in status_counts}
    total = sum(counts.values())
    address = reverse("tracker:commitment_list")

    def line(label, count, query):
        return TallyLine(str(label), count, round(100 * count / total) if total else None, f"{address}?{query}")

    lines = [
        line(S(s).label, counts.get(s, 0), f"status={s}")
        for s in (S.DELIVERED, S.PARTIALLY_DELIVERED, S.BROKEN, S.STALLED)
    ]
    still_open = line(
        _("Still open (not started or in progress)"),
        counts.get(S.NOT_STARTED, 0) + counts.get(S.IN_PROGRESS, 0),
        "open=1",
    )
    still_open.parts = [line(S(s).label, counts.get(s, 0), f"status={s}") for s in (S.NOT_STARTED, S.IN_PROGRESS)]
    lines.append(still_open)
    lines.append(line(S.WITHDRAWN.label, counts.get(S.WITHDRAWN, 0), f"status={S.WITHDRAWN}"))
    return total, lines
