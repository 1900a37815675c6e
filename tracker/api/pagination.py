"""Cursor pagination: every list is read in pages that stay correct while records are published (no page
skips or repeats a record because another one appeared), ordered by the permanent id. `?page_size=` up to
MAX_PAGE_SIZE. The next and previous pages are in the JSON body and, for every format (CSV has no room for
them), in the `Link` header."""

from rest_framework import pagination
from rest_framework.response import Response

MAX_PAGE_SIZE = 500


class CursorPagination(pagination.CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = "id"

    def get_page_size(self, request):
        try:
            return max(1, super().get_page_size(request))
        except (TypeError, ValueError):
            return self.page_size

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
