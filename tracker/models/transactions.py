"""Work that follows a commit, asked for once however many rows a transaction changes."""

from django.db import transaction


def waiting_for_commit(func):
    """Whether `func` is to run when the current transaction commits (asked for in it, not rolled back)."""
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(
        waiting is func for _savepoints, waiting, *_robust in connection.run_on_commit
    )


def on_commit_once(func):
    """Run `func` when the current transaction commits, unless it is already waiting to (a bulk publish or a
    deletion sends a signal for each of thousands of rows; one run after the commit serves them all)."""
    if not waiting_for_commit(func):
        transaction.on_commit(func, robust=True)
