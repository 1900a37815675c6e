"""The API's entry points that are not lists of records: its index, the Popolo document, and its OpenAPI
document and documentation pages (Swagger UI and Redoc, served from this site's own static files)."""

from csp.decorators import csp_update
from django.http import JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.api import popolo
from tracker.api.links import API_SEGMENTS
from tracker.api.renderers import JSONRenderer

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


class APIIndex(APIView):
    """What the API offers, with the address of each list."""

    renderer_classes = [JSONRenderer]
    pagination_class = None

    @extend_schema(summary="The API's index", responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        lists = {segment: reverse(f"api:{segment}-list") for segment in API_SEGMENTS.values()}
        lists |= {
            "tenures": reverse("api:tenures-list"),
            "digests": reverse("api:digests-list"),
            "search": reverse("api:search"),
            "popolo": reverse("api:popolo"),
        }
        return Response(
            {
                "lists": {name: request.build_absolute_uri(path) for name, path in lists.items()},
                "schema": request.build_absolute_uri(reverse("api:schema")),
                "documentation": request.build_absolute_uri(reverse("api_docs")),
                "downloads": request.build_absolute_uri(reverse("data:index")),
                "license": LICENCE,
            }
        )


class PopoloView(APIView):
    """People, organisations, posts (offices), memberships (tenures) and areas (jurisdictions) in Popolo."""

    renderer_classes = [JSONRenderer]
    pagination_class = None

    @extend_schema(
        summary="People and offices in Popolo",
        description="Popolo JSON: persons, organizations, posts (offices), memberships (tenures, with start and "
        "end and how they began and ended) and areas (jurisdictions). Extra fields: posts' `office_kind` and "
        "`held_by_one_person`; memberships' `start_reason`, `end_reason`, `acting` and `additional_charge`.",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        return Response(popolo.document(request))


def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/ answers 404 in JSON, as the API's own addresses do, not with the HTML
    page."""
    return JsonResponse({"detail": "Nothing at this address: see /api/v1/ for what the API offers."}, status=404)


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 document, as JSON by default (`?format=yaml` for YAML)."""

    throttle_classes = []
    renderer_classes = [OpenApiJsonRenderer, OpenApiYamlRenderer]


# Swagger UI and Redoc set styles from their scripts, and Redoc starts a worker from a blob: the documentation
# pages alone allow that; their scripts still come only from this site (drf-spectacular-sidecar's copies).
DOCS_POLICY = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})


@method_decorator(DOCS_POLICY, name="dispatch")
class SwaggerView(SpectacularSwaggerSplitView):
    throttle_classes = []
    url_name = "api:schema"


@method_decorator(DOCS_POLICY, name="dispatch")
class RedocView(SpectacularRedocView):
    # drf-spectacular's own page loads fonts from another site; this one loads nothing but this site's files.
    template_name = "api/redoc.html"
    throttle_classes = []
    url_name = "api:schema"
