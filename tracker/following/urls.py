"""Following's addresses (docs/reference.md): the follow form, the signed links of its e-mails, and the
feeds of what one can follow. Included by tracker/public/urls.py."""

from django.urls import path

from tracker.following import feeds, views

urlpatterns = [
    path("follow/", views.follow, name="follow"),
    path("follow/confirm/<str:token>/", views.confirm, name="follow_confirm"),
    path("follow/manage/<str:token>/", views.manage, name="follow_manage"),
    path("follow/manage/<str:token>/export/", views.export, name="follow_export"),
    path("follow/unsubscribe/<str:token>/", views.unsubscribe, name="follow_unsubscribe"),
    path("follow/search/feed/", feeds.get_search_feed, name="search_follow_feed"),
    path("people/<str:slug>/follow/feed/", feeds.get_follow_feed, {"kind": "people"}, name="person_follow_feed"),
    path("offices/<str:slug>/follow/feed/", feeds.get_follow_feed, {"kind": "offices"}, name="office_follow_feed"),
    path(
        "jurisdictions/<str:slug>/follow/feed/",
        feeds.get_follow_feed,
        {"kind": "jurisdictions"},
        name="jurisdiction_follow_feed",
    ),
]
