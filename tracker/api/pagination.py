"""Cursor pagination: every list is read in pages that stay correct while records are published (no page
skips or repeats a record because another one appeared), ordered by the permanent id. `?page_size=` up to
MAX_PAGE_SIZE: a whole number from 1 to MAX_PAGE_SIZE, as the OpenAPI document says; anything else answers
400. The next and previous pages are in the JSON body and, for every format (CSV has no room for them), in
the `Link` header."""

from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from tracker.api.parameters import WHOLE

MAX_PAGE_SIZE = 500


class CursorPagination(pagination.CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = "id"

    def get_page_size(self, request):
        values = request.query_params.getlist(self.page_size_query_param)
        if not values:
            return self.page_size
        if not all(WHOLE.match(value) and 1 <= int(value) <= self.max_page_size for value in values):
            problem = f"Give a whole number from 1 to {self.max_page_size} (leave it out for {self.page_size})."
            raise ValidationError({self.page_size_query_param: [problem]})
        return int(values[-1])

    def get_schema_operation_parameters(self, view):
        found = super().get_schema_operation_parameters(view)
        for parameter in found:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
                parameter["description"] = f"Records a page: 1 to {self.max_page_size} (default {self.page_size})."
        return found

    def get_paginated_response(self, data):
        response = Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})
        link = ", ".join(
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        )
        if link:
            response["Link"] = link
        return response

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "format": "uri", "nullable": True, "description": "The next page."},
                "previous": {"type": "string", "format": "uri", "nullable": True, "description": "The page before."},
                "results": schema,
            },
        }
