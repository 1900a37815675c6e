"""/favicon.ico: browsers ask for it on every first visit, whatever the page links to; it answers with the
site's icon (static/favicon.ico), never a 404. Pages link the SVG and this one with <link rel="icon">."""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse
from django.views.decorators.http import require_safe

ICON = Path(settings.BASE_DIR) / "static" / "favicon.ico"
A_DAY = 24 * 60 * 60


@require_safe
def favicon(request):
    response = FileResponse(ICON.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = f"public, max-age={A_DAY}"
    return response
