"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS; `check --deploy` is clean."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names this site answers to, comma-separated.")
if not DIGEST_SIGNING_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "Set DIGEST_SIGNING_KEY to the Ed25519 private key that signs the history's digests (PEM, or the "
        "32-byte seed in base64): readers verify every digest ever published with its public key."
    )

# Behind the HTTPS proxy, set TRUSTED_PROXIES to its address, or every visitor counts as the proxy in the
# sign-in and tips limits; and CACHE_URL to Redis when several servers share the site (docs/reference.md).
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
