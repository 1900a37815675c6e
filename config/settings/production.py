"""Production (docs/deploy.md): refuses to start half-configured (no SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL, CACHE_URL or DIGEST_SIGNING_KEY, DEBUG on, or a timestamp authority whose certificates are not
there) rather than guess; `check --deploy` is clean."""

from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from config.env import is_set
from config.settings.base import *  # noqa: F403
from config.settings.base import env


def _same_redis_database(cache_url, broker_url):
    def where(url):
        parts = urlsplit(url)
        return (parts.hostname, parts.port or 6379, parts.path.strip("/") or "0")

    redis = ("redis", "rediss")
    return (
        urlsplit(cache_url).scheme in redis
        and urlsplit(broker_url).scheme in redis
        and where(cache_url) == where(broker_url)
    )


if env("DEBUG"):
    raise ImproperlyConfigured(
        "DEBUG=true is refused by the production settings: it shows code, settings and data in error pages. "
        "Unset DEBUG (or set DEBUG=false); use config.settings.dev on your own computer."
    )
DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
if not is_set("DATABASE_URL"):
    raise ImproperlyConfigured(
        "Set DATABASE_URL to the PostgreSQL database, e.g. postgres://tracker:password@127.0.0.1:5432/tracker "
        "(production never falls back to an SQLite file)."
    )
if not is_set("CACHE_URL"):
    raise ImproperlyConfigured(
        "Set CACHE_URL to the shared cache, e.g. redis://127.0.0.1:6379/1: every worker process must count "
        "the tips limit and keep reports and sessions in the same place."
    )
if _same_redis_database(CACHE_URL, CELERY_BROKER_URL):  # noqa: F405
    raise ImproperlyConfigured(
        "CACHE_URL and CELERY_BROKER_URL name the same Redis database: give the cache its own (e.g. "
        "redis://127.0.0.1:6379/1, the broker /0). The cache is emptied when Redis returns after an outage "
        "(config/cache.py), which must never empty the broker's queues."
    )
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names this site answers to, comma-separated.")
if not DIGEST_SIGNING_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "Set DIGEST_SIGNING_KEY to the Ed25519 private key that signs the history's digests (PEM, or the "
        "32-byte seed in base64): readers verify every digest ever published with its public key."
    )

# A timestamp authority whose certificates cannot be read would have every token refused, silently but for the
# log: say so at start-up instead (tracker/history/timestamps.py).
for _authority in TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES:  # noqa: F405
    _parts = _authority.split()
    if len(_parts) != 3 or not _parts[1].startswith(("http://", "https://")) or not Path(_parts[2]).is_file():
        raise ImproperlyConfigured(
            f"TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES: {_authority!r} is not '<name> <http(s) address> <certificate "
            "file>' with a certificate file (the authority's chain, PEM) that exists."
        )

# Each gunicorn worker and Celery process keeps its database connection for a minute instead of opening
# one per request (a PostgreSQL connection costs a new server process: several milliseconds of every
# page), and checks it is still alive before reusing it after an error or a database restart.
for _alias in DATABASES:  # noqa: F405
    DATABASES[_alias]["CONN_MAX_AGE"] = env("DATABASE_CONN_MAX_AGE")  # noqa: F405
    DATABASES[_alias]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Behind the HTTPS proxy, set TRUSTED_PROXIES to its address, or every visitor counts as the proxy in the
# sign-in and tips limits (docs/reference.md).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The Wagtail admin shows an editor's preview in a same-origin frame; other sites still cannot frame
# any page (this and the CSP's frame-ancestors 'self'). Django's deploy check wants DENY, so it is
# silenced here on purpose.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Behind HTTPS every sub-resource is fetched over HTTPS too.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Static files served by the application itself, compressed and with far-future cache headers.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
# Sessions in the shared cache (Redis), written through to the database so that editors stay signed in
# across a cache restart.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
