"""gunicorn's configuration for the tracker (docs/deploy.md): `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.

Sync workers: every page is a few database queries and a template, with no long-held connections, so
a worker per request in flight is the simplest model that uses the cores. Behind Varnish and nginx,
which buffer slow clients, the workers only ever talk to the proxy on this machine.

Environment (set by deploy/systemd/tracker-web.service; defaults in brackets):
GUNICORN_BIND [127.0.0.1:8000], GUNICORN_WORKERS [2 x cores + 1], GUNICORN_TIMEOUT [30 seconds].
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer is a bug or an attack; the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Workers are recycled now and then, bounding any slow leak: rarely, and each after a number of requests drawn
# from a wide range, so workers that share the traffic evenly are never replaced at the same moment.
max_requests = 10000
max_requests_jitter = 5000
# The application is loaded once, in the master, with its URLs, translations and templates (config/warm.py),
# and every worker is forked warm: a fresh worker's first requests cost what any other does. Nothing opens a
# connection before the fork; `post_fork` closes any that did, so no two workers ever share one.
preload_app = True


def when_ready(server):
    """In the master, after the application is loaded and before the first worker is forked."""
    from config.warm import warm

    server.log.info("Warmed: %d templates compiled before the first request.", warm())


def post_fork(server, worker):
    from django.db import connections

    connections.close_all()


# Logs to the journal (systemd) through standard error; the access log in the combined format.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Only the local proxy talks to gunicorn; the client's address arrives in X-Forwarded-For, read by the
# application only from TRUSTED_PROXIES (tracker/accounts/client_address.py).
forwarded_allow_ips = "127.0.0.1,::1"
proc_name = "tracker-web"
# gunicorn's runtime control socket (one path per user by default, which two instances on one machine
# would share): not used; systemd sends the signals (reload: HUP).
control_socket_disable = True
