"""The one place settings read the environment (the variables of docs/reference.md, defaults in .env.example)."""

import os
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
    CACHE_KEY_PREFIX=(str, ""),
    TRUSTED_PROXIES=(list, []),
    EMAIL_URL=(str, "consolemail://"),
    TRACKER_PUBLISHER=(str, "Accountability Tracker editors"),
    TRACKER_PUBLISHER_UR=(str, ""),
    DIGEST_SIGNING_KEY=(str, ""),
    TRANSPARENCY_LOG_ORIGIN=(str, ""),
    TRANSPARENCY_LOG_PAST_KEYS=(list, []),
    TRANSPARENCY_LOG_WITNESSES=(list, []),
    TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES=(list, []),
    DATABASE_REPLICA_URL=(str, ""),
    DATABASE_CONN_MAX_AGE=(int, 60),
    FRONTEND_CACHE_URL=(str, ""),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    ELASTICSEARCH_SHARDS=(int, 1),
    ELASTICSEARCH_REPLICAS=(int, 0),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    DEFAULT_FROM_EMAIL=(str, "Accountability Tracker <tracker@localhost>"),
    ALERTS_FROM_EMAIL=(str, ""),
    API_THROTTLE_RATE=(str, "600/minute"),
    ARCHIVE_SOURCES=(str, ""),
    SOURCE_STALE_DAYS=(int, 90),
    WORKER_NICENESS=(int, 10),
)


def is_set(name):
    """Whether the environment names `name` itself (not a default): production refuses to guess."""
    return bool(os.environ.get(name, "").strip())
