"""The transparency log's addresses, under /log/ in every language (docs/reference.md):

/log/checkpoint                          the latest signed checkpoint (C2SP signed note, text/plain)
/log/checkpoints/<size>                  the checkpoint of that tree size, if one was signed
/log/timestamps/<size>                  that checkpoint's RFC 3161 timestamp tokens (JSON)
/log/keys                                every key that signed checkpoints (JSON)
/log/proof/inclusion/<leaf>?size=N       inclusion proof of leaf (0-based) in the tree of N (JSON)
/log/proof/consistency/<m>/<n>           consistency proof from the tree of m to the tree of n (JSON)
/log/tile/<L>/<N>[.p/<W>]                C2SP tlog-tiles hash tile (N as x001/x234/067)
/log/tile/entries/<N>[.p/<W>]            C2SP entry bundle: each revision's 32-byte hash
/log/entries/<leaf>                      that leaf's revision as hashed, or its tombstone (JSON)
/log/content/<N>[.p/<W>]                 the same for the leaves of entry bundle N (JSON)
"""

from django.urls import path, re_path

from tracker.history import log_views
from tracker.history.transparency import TILE_INDEX

app_name = "log"

urlpatterns = [
    path("checkpoint", log_views.checkpoint, name="checkpoint"),
    path("checkpoints/<int:size>", log_views.checkpoint_of_size, name="checkpoint_of_size"),
    path("timestamps/<int:size>", log_views.timestamps_of_size, name="timestamps"),
    path("keys", log_views.keys, name="keys"),
    path("proof/inclusion/<int:index>", log_views.inclusion_proof, name="inclusion_proof"),
    path("proof/consistency/<int:old>/<int:new>", log_views.consistency_proof, name="consistency_proof"),
    path("entries/<int:index>", log_views.entry, name="entry"),
    re_path(rf"^content/(?P<index>{TILE_INDEX})(?:\.p/(?P<width>\d+))?$", log_views.content_bundle, name="content"),
    re_path(rf"^tile/entries/(?P<index>{TILE_INDEX})(?:\.p/(?P<width>\d+))?$", log_views.entry_bundle, name="entries"),
    re_path(rf"^tile/(?P<level>\d+)/(?P<index>{TILE_INDEX})(?:\.p/(?P<width>\d+))?$", log_views.hash_tile, name="tile"),
]
