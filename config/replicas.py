"""Reads of public pages from a PostgreSQL replica (`DATABASE_REPLICA_URL`), everything else from the primary.

A visitor's GET or HEAD of a public page (anything but the admin) reads from the database alias
`replica`, which streaming replication keeps a moment behind the primary. Writes always go to the
primary, and once a request has written anything (a signing key made on first use, a tip), or runs
inside a transaction, the rest of it reads from the primary too, so it never misses its own write.
Editors (the admin), Celery tasks, management commands and every POST read the primary.

The lag is the replica's: a publish is visible on the primary at once and on public pages as soon as
the replica has replayed it (usually well under a second; docs/scaling.md says what to watch).
"""

from contextvars import ContextVar

from django.db import connections

_request = ContextVar("public_read_request", default=None)

# Addresses whose GETs still read the primary: editors must see what they just saved.
PRIMARY_ONLY = ("/admin/",)


class PublicReadsMiddleware:
    """Marks a public page's GET or HEAD as one the router may send to the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = (
            "replica" in connections
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith(PRIMARY_ONLY)
        )
        if not public:
            return self.get_response(request)
        token = _request.set({"wrote": False})
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


class ReplicaRouter:
    """Sends a public page's reads to `replica`, every write (and what follows it) to `default`."""

    def db_for_read(self, model, **hints):
        state = _request.get()
        if state is None or state["wrote"] or connections["default"].in_atomic_block:
            return "default"
        return "replica"

    def db_for_write(self, model, **hints):
        state = _request.get()
        if state is not None:
            state["wrote"] = True
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary's schema through replication
