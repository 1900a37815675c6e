from cms.models.pages import MethodologyPage
from cms.models.settings import TrackerSettings

__all__ = ["MethodologyPage", "TrackerSettings"]
