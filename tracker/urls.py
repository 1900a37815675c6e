from django.urls import include, path

from . import views

app_name = "tracker"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("commitments/", views.commitment_list, name="commitment_list"),
    path("commitments/<str:slug>/", views.commitment_detail, name="commitment"),
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/<str:slug>/", views.decision_detail, name="decision"),
    path("people/<str:slug>/", views.person_detail, name="person"),
    path("offices/<str:slug>/", views.office_detail, name="office"),
    path("jurisdictions/<str:slug>/", views.jurisdiction_detail, name="jurisdiction"),
    # Public history (revisions, compares, citations, feeds) lives in its own package.
    path("", include("tracker.history.urls")),
]
