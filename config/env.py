"""The one place settings read the environment (the variables of docs/reference.md, defaults in .env.example)."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    ELASTICSEARCH_URL=(str, ""),
    CELERY_BROKER_URL=(str, ""),
    CACHE_URL=(str, ""),
    TRUSTED_PROXIES=(list, []),
    EMAIL_URL=(str, "consolemail://"),
    TRACKER_PUBLISHER=(str, "Accountability Tracker editors"),
    DIGEST_SIGNING_KEY=(str, ""),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    API_THROTTLE_RATE=(str, "600/minute"),
)
