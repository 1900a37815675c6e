"""The transparency log over HTTP, under /log/ (docs/reference.md, "The transparency log"): the latest and any
signed checkpoint (with its witnesses' cosignatures), its RFC 3161 timestamp tokens, the key history, inclusion
and consistency proofs (JSON, hashes in hex), and the C2SP tlog-tiles (hash tiles and entry bundles) a mirror
copies.
tracker/history/transparency.py says what each one is."""

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from tracker.history import timestamps, transparency, witnesses
from tracker.models import Checkpoint, LogNode

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=60"


def _text(body, cache_control):
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = cache_control
    return response


def _json(data, cache_control=SHORT):
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 1})
    response["Cache-Control"] = cache_control
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _not_found(message):
    raise Http404(message)


@require_GET
def checkpoint(request):
    """The latest signed checkpoint, as C2SP clients fetch it (text/plain)."""
    found = transparency.latest_checkpoint() or _not_found("The log has no checkpoint yet.")
    return _text(witnesses.cosigned_note(found), SHORT)


@require_GET
def checkpoint_of_size(request, size):
    """That checkpoint with the cosignatures it has so far (more may come: not cached for long)."""
    found = Checkpoint.objects.filter(size=size).first() or _not_found(f"No checkpoint of size {size}.")
    return _text(witnesses.cosigned_note(found), SHORT)


@require_GET
def timestamps_of_size(request, size):
    """The RFC 3161 timestamp tokens of that checkpoint (tracker/history/timestamps.py), JSON; more may come."""
    found = Checkpoint.objects.filter(size=size).first() or _not_found(f"No checkpoint of size {size}.")
    return _json(timestamps.of_checkpoint(found))


@require_GET
def keys(request):
    return _json({"origin": transparency.origin(), "keys": transparency.key_history()})


def _size_of(request):
    """?size=N (a tree size the log has reached), else the latest checkpoint's."""
    if "size" in request.GET:
        try:
            return int(request.GET["size"])
        except ValueError:
            _not_found("size must be a whole number.")
    found = transparency.latest_checkpoint() or _not_found("The log has no checkpoint yet.")
    return found.size


@require_GET
def inclusion_proof(request, index):
    size, stored = _size_of(request), LogNode.objects.size()
    if not 0 <= index < size <= stored:
        _not_found(f"Leaf {index} is not in a tree of {size} (the log has {stored} entries).")
    return _json(transparency.inclusion(index, size), IMMUTABLE if "size" in request.GET else SHORT)


@require_GET
def consistency_proof(request, old, new):
    stored = LogNode.objects.size()
    if not 0 < old <= new <= stored:
        _not_found(f"No consistency proof from {old} to {new} (the log has {stored} entries).")
    return _json(transparency.consistency(old, new), IMMUTABLE)


def _tile_response(data, width):
    if data is None:
        _not_found("The log does not have this tile yet.")
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Cache-Control"] = IMMUTABLE if width == transparency.TILE_WIDTH else SHORT
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _tile_address(index, width):
    try:
        number = transparency.decode_index(index)
    except ValueError:
        _not_found("Not a tile index.")
    width = transparency.TILE_WIDTH if width is None else int(width)
    if not 0 < width <= transparency.TILE_WIDTH:
        _not_found("A partial tile has 1 to 255 entries.")
    return number, width


@require_GET
def hash_tile(request, level, index, width=None):
    number, width = _tile_address(index, width)
    return _tile_response(transparency.tile(int(level), number, width), width)


@require_GET
def entry_bundle(request, index, width=None):
    number, width = _tile_address(index, width)
    return _tile_response(transparency.entry_bundle(number, width), width)


@require_GET
def entry(request, index):
    """One leaf's revision as hashed (or its tombstone): transparency.entries says what it holds."""
    found = transparency.entries(index, 1) or _not_found(f"The log has no leaf {index}.")
    return _json(found[0])


@require_GET
def content_bundle(request, index, width=None):
    """The entries of one entry bundle's leaves, as JSON: {"first": leaf index, "entries": [...]}. Not
    immutable: a takedown (or a restore) changes what is withheld."""
    number, width = _tile_address(index, width)
    found = transparency.entries(number * transparency.TILE_WIDTH, width)
    if len(found) != width:
        _not_found("The log does not have these entries yet.")
    return _json({"first": number * transparency.TILE_WIDTH, "entries": found})
