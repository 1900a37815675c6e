"""The moments the public state of records changes without a Wagtail `published` or `unpublished`
signal. Each is sent by its action (tracker/publishing/), inside the action's transaction, after the
rows are written, so that a receiver's own writes (search's index queue) commit or roll back with it.

Receivers that must follow every change of the public state listen to these and to Wagtail's
`published` and `unpublished` (search/subscriptions.py does).
"""

from django.dispatch import Signal

# sender=<record model>, record=<the record>
record_taken_down = Signal()
record_restored = Signal()

# sender=<record model>, records=[the new records just published, parts attached in memory]
records_published_in_bulk = Signal()
