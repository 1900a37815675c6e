"""The API's addresses (docs/api.md), under /api/v1/ (config/urls.py). Every answer is conditional
(ETag, Last-Modified, 304: tracker/api/freshness.py); search is answered by the search app's own view
(search/api.py), which config/urls.py routes to /api/v1/search/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from tracker.api import documents, views
from tracker.api.freshness import conditional

app_name = "api"

router = SimpleRouter()
router.register("commitments", views.CommitmentViewSet, basename="commitments")
router.register("decisions", views.DecisionViewSet, basename="decisions")
router.register("people", views.PersonViewSet, basename="people")
router.register("offices", views.OfficeViewSet, basename="offices")
router.register("organisations", views.OrganisationViewSet, basename="organisations")
router.register("jurisdictions", views.JurisdictionViewSet, basename="jurisdictions")
router.register("tenures", views.TenureViewSet, basename="tenures")
router.register("digests", views.DigestViewSet, basename="digests")

urlpatterns = [
    path("", conditional(documents.APIIndex.as_view()), name="index"),
    path("popolo.json", conditional(documents.PopoloView.as_view()), name="popolo"),
    path("schema/", documents.SchemaView.as_view(), name="schema"),
]
for pattern in router.urls:
    pattern.callback = conditional(pattern.callback)
    urlpatterns.append(pattern)
