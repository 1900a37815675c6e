"""Citable public history (docs/reference.md): for each kind of record with a public page,

    /<kind>/<slug>/history/                         every published revision, newest first
    /<kind>/<slug>/history/<n>/                     revision n exactly as published (permanent)
    /<kind>/<slug>/history/compare/<a>/<b>/         what changed from revision a to revision b
    /<kind>/<slug>/cite/                            redirects to how to cite the latest revision
    /<kind>/<slug>/cite/<n>/?format=apa|chicago|mla|harvard|bibtex|ris|csl-json
    /<kind>/<slug>/feed/                            Atom feed of the record's revisions

and site-wide /feeds/changes/ (Atom, with the daily digests) and /history/digests/<YYYY-MM-DD>/.
URL names: tracker:<record>_history, _revision, _compare, _cite, _cite_latest, _feed (e.g. tracker:commitment_cite).
"""

from django.urls import path

from tracker.history import digest_views, feeds, views
from tracker.models.kinds import KINDS_WITH_PAGES

urlpatterns = [
    path("feeds/changes/", feeds.get_changes_feed, name="changes_feed"),
    path("history/digests/", digest_views.digest_index, name="digests"),
    path("history/digests/public-key.pem", digest_views.public_key, name="digest_public_key"),
    path("history/digests/signed/<str:stamp>/", digest_views.signed_digest_listing, name="signed_digest"),
    path(
        "history/digests/signed/<str:stamp>/signature",
        digest_views.signed_digest_signature,
        name="signed_digest_signature",
    ),
    path("history/digests/<str:day>/", views.digest_listing, name="digest"),
]

for kind, record_kind in KINDS_WITH_PAGES.items():
    name, extra = record_kind.url_name, {"kind": kind}
    urlpatterns += [
        path(f"{kind}/<str:slug>/history/", views.history, extra, name=f"{name}_history"),
        path(f"{kind}/<str:slug>/history/<int:number>/", views.revision, extra, name=f"{name}_revision"),
        path(f"{kind}/<str:slug>/history/compare/", views.choose_compare, extra, name=f"{name}_choose_compare"),
        path(f"{kind}/<str:slug>/history/compare/<int:a>/<int:b>/", views.compare, extra, name=f"{name}_compare"),
        path(f"{kind}/<str:slug>/cite/", views.cite_latest, extra, name=f"{name}_cite_latest"),
        path(f"{kind}/<str:slug>/cite/<int:number>/", views.cite, extra, name=f"{name}_cite"),
        path(f"{kind}/<str:slug>/feed/", feeds.get_record_feed, extra, name=f"{name}_feed"),
    ]
