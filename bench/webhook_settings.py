"""Settings of bench/webhooks.py and of the worker it starts: the test settings (the database and broker
from DATABASE_URL and CELERY_BROKER_URL), production's webhook settings (WEBHOOK_TIMEOUT, the retries),
and deliveries over http:// to this machine, where the bench's receivers listen."""

from config.settings.test import *  # noqa: F403

WEBHOOK_ALLOW_HTTP = WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
