"""The search service as part of the open-data API (/api/v1/search/, routed by config/urls.py): the same
parameters, backends and fallback as the /search/ page (search/forms.py, search/queries.py), answered in JSON
with each hit's identifiers and links. Tracker never imports search, so search brings its own view."""

import html

from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from search import queries
from search.forms import MAX_PAGE, SearchForm
from tracker.api.errors import ErrorSerializer
from tracker.api.freshness import conditional
from tracker.api.links import API_SEGMENTS
from tracker.api.renderers import JSONRenderer
from tracker.models.kinds import SEARCHABLE_KINDS


class SearchOwnerSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    role = serializers.CharField()
    holders = serializers.ListField(child=serializers.CharField(), help_text="Who holds the office today.")


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="commitment, decision, person, office or place.")
    id = serializers.IntegerField(help_text="Permanent id of the record.")
    slug = serializers.CharField()
    title = serializers.CharField()
    title_ur = serializers.CharField()
    snippet = serializers.CharField(help_text="Where the words were found, as plain text.")
    status = serializers.CharField(help_text="A commitment's status value (empty for other kinds).")
    sector = serializers.CharField()
    jurisdiction = serializers.CharField(help_text="The slug of the record's place (empty if none).")
    deadline = serializers.DateField(allow_null=True)
    overdue = serializers.BooleanField()
    owners = SearchOwnerSerializer(many=True)
    api_url = serializers.URLField()
    html_url = serializers.URLField()


class SearchAnswerSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="How many records match.")
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    backend = serializers.CharField(help_text="The backend that answered (database or elasticsearch).")
    notices = serializers.ListField(child=serializers.CharField(), help_text="What the search had to tell.")
    did_you_mean = serializers.CharField(
        help_text="When little was found: the words with a misspelling corrected, to search for next (or empty)."
    )
    results = SearchHitSerializer(many=True)


def _parameters():
    found = []
    for name, field in SearchForm.base_fields.items():
        enum = [value for value, _label in getattr(field, "choices", []) if value] or None
        kind = OpenApiTypes.BOOL if name == "overdue" else OpenApiTypes.STR
        if name == "page":
            kind = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}
        found.append(OpenApiParameter(name, kind, enum=enum, description=str(field.label or name)))
    return found


class SearchAPIView(APIView):
    renderer_classes = [JSONRenderer]

    @extend_schema(
        summary="Search every published record",
        description="The search of /search/: words in `q`, the same filters, 20 results a page.",
        parameters=_parameters(),
        responses={
            200: SearchAnswerSerializer,
            400: OpenApiResponse(ErrorSerializer, description="A parameter is not valid."),
            429: OpenApiResponse(ErrorSerializer, description="Too many requests."),
        },
    )
    def get(self, request):
        form = SearchForm(request.query_params, strict=True)
        if not form.is_valid():
            raise ValidationError({name: [str(error) for error in errors] for name, errors in form.errors.items()})
        results = queries.search(form.search_request(today=timezone.localdate()))
        return Response(
            {
                "total": results.total,
                "page": results.request.page,
                "num_pages": results.num_pages,
                "backend": results.backend,
                "notices": [str(notice) for notice in results.notices],
                "did_you_mean": results.suggestion,
                "results": [self._hit(request, hit) for hit in results.hits],
            }
        )

    @staticmethod
    def _hit(request, hit):
        document = hit.document
        segment = API_SEGMENTS[SEARCHABLE_KINDS[document["kind"]].model]
        return {
            "kind": document["kind"],
            "id": document["object_id"],
            "slug": document["slug"],
            "title": document["title"],
            "title_ur": document.get("title_ur") or "",
            "snippet": html.unescape(strip_tags(str(hit.snippet_html or ""))),
            "status": document.get("status") or "",
            "sector": document.get("sector") or "",
            "jurisdiction": document.get("jurisdiction") or "",
            "deadline": document.get("deadline"),
            "overdue": bool(hit.overdue),
            "owners": [
                {
                    key: owner.get(key, [] if key == "holders" else "")
                    for key in ("slug", "title", "kind", "role", "holders")
                }
                for owner in document.get("owners") or []
            ],
            "api_url": request.build_absolute_uri(reverse(f"api:{segment}-detail", args=[document["slug"]])),
            "html_url": request.build_absolute_uri(document.get("url") or "/"),
        }


search_api = conditional(SearchAPIView.as_view())
