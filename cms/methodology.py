"""The first version of the methodology page, created once after migrate; editors own it afterwards."""

INTRO = (
    "The tracker follows promises made by governments in Pakistan and names who must answer for each one: "
    "the elected office that made it and the appointed office that must carry it out."
)
STATUSES = (
    "<p>Every commitment has one status. A status changes only with a status change that names its source and "
    "the date it took effect. Delivered, Partially delivered, Broken and Withdrawn are final. A commitment is "
    "<b>overdue</b> when its deadline has passed and its status is not final.</p>"
)
OWNERSHIP = (
    "<p>Owners are offices, not people: a Chief Minister, a Deputy Commissioner, a Mayor. An office's "
    "<b>political</b> owner is elected and answers to voters; its <b>administrative</b> owner is a civil servant "
    "who must implement it; an <b>administrator</b> is an official appointed to run an elected body whose term "
    "lapsed. Who owned a commitment on a date is found from the tenures of its owning offices on that date, "
    "acting and additional charges included. An office nobody held that day is shown as vacant.</p>"
)
SCORECARDS = (
    "<p>A person's scorecard counts the commitments owned by the offices they held, and only for the days they "
    "held them. A commitment counts as <b>owned</b> if it was open on any day of the tenure; as <b>delivered</b> or "
    "<b>broken</b> if its status changed to Delivered or Broken during the tenure; as <b>overdue</b> if it was "
    "overdue on any day of the tenure. Across several tenures each commitment is counted once per column.</p>"
)
SOURCES = (
    "<p>Every status change cites a source: a government notification, an official statement, a budget document "
    "or a news report. We quote the words that support the change and keep an archived copy where we can. Every "
    "published change is kept in the record's public history, which shows exactly what the tracker said on any "
    "day.</p>"
)


def ensure_methodology_page(**kwargs):
    from wagtail.models import Site

    from cms.models import MethodologyPage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or MethodologyPage.objects.exists():
        return
    site.root_page.add_child(
        instance=MethodologyPage(
            title="How we track commitments",
            slug="methodology",
            intro=INTRO,
            statuses=STATUSES,
            ownership=OWNERSHIP,
            scorecards=SCORECARDS,
            sources_policy=SOURCES,
        )
    )
