"""The API's two formats. JSON by default; CSV for every list (`?format=csv` or `Accept: text/csv`), one row
per object in the columns of tracker/api/columns.py.

User text reaches both as typed, made safe for the format: in JSON, bidi control characters are written as
\\uXXXX escapes (the same data, without raw characters that reorder the text around them); in CSV, every
cell is written as the spreadsheet exports write it (tracker/spreadsheets/cells.py `exported`): no control or
bidi control characters, and a quote before a text a spreadsheet program would run as a formula.
"""

import csv
import io

from rest_framework import renderers, serializers

from tracker.api.columns import Column, columns, row
from tracker.models.text import escape_bidi
from tracker.spreadsheets.cells import exported


class JSONRenderer(renderers.JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        body = super().render(data, accepted_media_type, renderer_context)
        return escape_bidi(body.decode("utf-8")).encode("utf-8")


def csv_writer(stream):
    return csv.writer(stream, lineterminator="\r\n")


def write_rows(writer, found, objects):
    for data in objects:
        writer.writerow([exported(value) for value in row(found, data)])


class CSVRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        response = renderer_context.get("response")
        objects = data.get("results") if isinstance(data, dict) and "results" in data else data
        if not isinstance(objects, list):
            objects = [objects]
        found = self._columns(renderer_context.get("view"), response, objects)
        stream = io.StringIO()
        writer = csv_writer(stream)
        writer.writerow([column.name for column in found])
        write_rows(writer, found, objects)
        if response is not None and not response.has_header("Content-Disposition"):
            response["Content-Disposition"] = "inline"
        return stream.getvalue().encode("utf-8")

    @staticmethod
    def _columns(view, response, objects):
        """The serializer's columns for a successful answer; for an error, the keys of the error."""
        if response is not None and response.status_code < 400 and hasattr(view, "get_serializer_class"):
            serializer = view.get_serializer_class()
            if isinstance(serializer, type) and issubclass(serializer, serializers.BaseSerializer):
                return columns(serializer(context={"request": None}))
        keys = []
        for item in objects:
            keys += [key for key in (item if isinstance(item, dict) else {}) if key not in keys]
        return [Column(key, "text", "") for key in keys]
