"""The embedded demo: SQLite, database search, tasks in-process. Never for a public server."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "demo-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["127.0.0.1", "localhost"]
