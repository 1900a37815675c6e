"""What the archive tells the layers above it: `copies_changed` (sender=None), sent after a run kept new
copies or checked addresses, so that pages showing "archived copy (date)", "last checked" or a dead link are
not answered from a cache made before (tracker/public/public_state.py moves the public state's version on)."""

from django.dispatch import Signal

copies_changed = Signal()
