"""The embedded demo: SQLite, database search, tasks in-process. Never for a public server.

`make demo` runs it with DEBUG off so that it looks like the real site: the site's own 404 and 500 pages,
and static files collected (`collectstatic`) and served by WhiteNoise, compressed and with hashed names,
as production serves them. With DEBUG on (plain `manage.py runserver`) they are served from `static/`.
"""

from config.settings.base import *  # noqa: F403
from config.settings.base import MIDDLEWARE, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "demo-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["127.0.0.1", "localhost"]

MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
if not DEBUG:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
