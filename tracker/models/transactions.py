"""Work that follows a commit, asked for once however many rows a transaction changes."""

from django.db import transaction


def on_commit_once(func):
    """Run `func` when the current transaction commits, unless it is already waiting to (a bulk publish or a
    deletion sends a signal for each of thousands of rows; one run after the commit serves them all)."""
    connection = transaction.get_connection()
    if not any(waiting is func for _savepoints, waiting, *_robust in connection.run_on_commit):
        transaction.on_commit(func, robust=True)
