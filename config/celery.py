"""The Celery app (`celery -A config worker`), configured from the CELERY_* settings.

Work is split into queues so that each kind scales on workers of its own (deploy/systemd/, docs/scaling.md):
`indexing` (the search index queue's drains and rebuilds), `mail` (anything that sends e-mail),
`downloads` (building data files for download), `webhooks` (rounds of deliveries to newsrooms' receivers,
and of probes of the failing ones), and `celery`, the default, for the rest (signed digests,
the second purge of the caching proxy). A task goes to a queue by its name: search's tasks to `indexing`,
a task whose name says mail, alert or notify to `mail`, one that says download or export to `downloads`.
A worker started without `-Q` listens to the default queue only: start one with `-Q` for every queue
(`QUEUES`), as the tests do, or one per queue, as the service units do.
"""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

DEFAULT_QUEUE = "celery"
QUEUES = (DEFAULT_QUEUE, "indexing", "mail", "downloads", "webhooks", "archives")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.task_default_queue = DEFAULT_QUEUE
# Glob patterns on task names, first match wins.
app.conf.task_routes = [
    {
        "search.*": {"queue": "indexing"},
        # Deliveries and probes of failing receivers run in their own queue, so a slow receiver never holds up
        # alerts or the index.
        "tracker.following.tasks.deliver_webhooks": {"queue": "webhooks"},
        "tracker.following.tasks.probe_webhooks": {"queue": "webhooks"},
        # Fetching cited pages waits on other sites (seconds each, up to the weekly check of every address):
        # in its own queue, it never holds up the refresh of the page summaries after a publish.
        "tracker.archive.tasks.*": {"queue": "archives"},
        "tracker.following.tasks.send_*": {"queue": "mail"},  # alerts and digests
        "*mail*": {"queue": "mail"},
        "*alert*": {"queue": "mail"},
        "*notif*": {"queue": "mail"},
        "*download*": {"queue": "downloads"},
        "*export*": {"queue": "downloads"},
    }
]
app.autodiscover_tasks()


@worker_init.connect
def yield_the_cpu_to_readers(**_signal_arguments):
    """A worker's CPU priority is `WORKER_NICENESS` below the web processes' (its pool's processes inherit
    it): background work runs on the CPU the readers leave, instead of halving theirs while editors
    publish. Raised once, when the worker starts."""
    from django.conf import settings

    if settings.WORKER_NICENESS > 0:
        os.nice(settings.WORKER_NICENESS)
