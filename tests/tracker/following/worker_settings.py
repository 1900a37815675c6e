"""Settings of the Celery worker the following tests start: the test settings, with mail sent to the test's
SMTP server (its port in FOLLOWING_TEST_SMTP_PORT), webhook retries after one second instead of thirty, a POST
given FOLLOWING_TEST_WEBHOOK_TIMEOUT seconds when the test names it, webhooks delivered over http:// to the
test's receivers on this machine, and the caching proxy's second purge (FRONTEND_CACHE_URL, when the test
names one) a second after the first."""

import os

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST, EMAIL_PORT = "127.0.0.1", int(os.environ["FOLLOWING_TEST_SMTP_PORT"])
EMAIL_USE_TLS = EMAIL_USE_SSL = False
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""  # noqa: S105
WEBHOOK_RETRY_DELAY = 1
WEBHOOK_RETRY_MAX_DELAY = 2
WEBHOOK_TIMEOUT = float(os.environ.get("FOLLOWING_TEST_WEBHOOK_TIMEOUT", WEBHOOK_TIMEOUT))  # noqa: F405
WEBHOOK_ALLOW_HTTP = WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
HTTP_CACHE_REPURGE_SECONDS = 1
