from django.urls import include, path

from . import views

app_name = "tracker"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # Public history (revisions, compares, citations, feeds) lives in its own package.
    path("", include("tracker.history.urls")),
]
