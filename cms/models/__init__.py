from .pages import MethodologyPage
from .settings import TrackerSettings

__all__ = ["MethodologyPage", "TrackerSettings"]
