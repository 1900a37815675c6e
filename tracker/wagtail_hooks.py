from wagtail.snippets.models import register_snippet

from .viewsets import TrackerViewSetGroup

register_snippet(TrackerViewSetGroup)
