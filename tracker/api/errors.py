"""How the API answers what it cannot give: a JSON (or CSV) body with `detail`, and for a record taken down
for legal reasons 410 Gone with the public notice and its date, never the record (as tracker/history/gone.py
answers on the pages)."""

from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

from tracker.models.vocabulary import TakedownReason
from tracker.models.withheld import reason_label


class Gone(exceptions.APIException):
    status_code = 410
    default_detail = "This record was taken down for legal reasons."
    default_code = "gone"

    def __init__(self, record):
        super().__init__()
        self.record = record


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if isinstance(exc, Gone) and response is not None:
        response.data = {
            "detail": str(exc.detail),
            "taken_down_at": exc.record.taken_down_at.isoformat(),
            "notice": exc.record.takedown_notice,
            "reason": exc.record.takedown_reason,
            "reason_label": reason_label(exc.record.takedown_reason),
        }
    elif response is not None and not isinstance(response.data, dict):
        response.data = {"detail": response.data}
    return response


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(required=False, help_text="What went wrong.")


class GoneSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Says that the record was taken down.")
    taken_down_at = serializers.DateTimeField(help_text="When it was taken down.")
    notice = serializers.CharField(help_text="The public notice: why, and on whose order.")
    reason = serializers.ChoiceField(
        choices=[*TakedownReason.choices, ("", "none given")],
        help_text="The category of the takedown's reason (empty for takedowns made before categories).",
    )
    reason_label = serializers.CharField(help_text="That category in the reader's language.")
