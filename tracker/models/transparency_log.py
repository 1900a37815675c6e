"""The site-wide log as a Merkle tree (RFC 9162), stored so that any proof reads O(log n) rows.

Leaf i is the revision with sequence i + 1, its data the 32 bytes of its `hash` (tracker/merkle.py has
the tree's hashing). `LogNode` keeps the hash of every complete subtree: (level, index) is the root of
leaves index * 2**level .. (index + 1) * 2**level - 1, and its key is level << 56 | index, so the nodes of
one level are consecutive keys and a C2SP tile (256 nodes of a level that is a multiple of 8) is one
range read of the primary key. An append writes the new leaf and the subtrees it completes (one read of
the left siblings, one insert), in the transaction of the publish and under its lock (`lock_site_log`).
Migration 0018 built the nodes of the log there was.

`Checkpoint` is a signed checkpoint (tracker/history/checkpoints.py): the tree's size and root, signed
in the C2SP signed-note format. Nodes and checkpoints are never changed nor deleted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker import merkle
from tracker.models.written_once import WrittenOnce

LEVEL_SHIFT = 56


class ImmutableLogError(Exception):
    pass


def node_key(level, index):
    return (level << LEVEL_SHIFT) | index


class LogNodeQuerySet(models.QuerySet):
    def size(self):
        """How many leaves the stored tree has."""
        last = self.filter(key__lt=1 << LEVEL_SHIFT).order_by("-key").values_list("key", flat=True).first()
        return 0 if last is None else last + 1

    def hashes(self, nodes):
        """{(level, index): hash} of these complete subtrees (one query)."""
        keys = {node_key(level, index): (level, index) for level, index in nodes}
        if not keys:
            return {}
        rows = self.filter(key__in=list(keys)).values_list("key", "hash")
        return {keys[key]: bytes(value) for key, value in rows}

    def level(self, level, first, count):
        """The hashes of nodes first .. first + count - 1 of a level, in order (fewer if the level is shorter)."""
        rows = self.filter(key__gte=node_key(level, first), key__lt=node_key(level, first + count))
        return [bytes(value) for value in rows.order_by("key").values_list("hash", flat=True)]

    def append_leaves(self, size, leaves):
        """Append leaves (their data, bytes) to a tree of `size` leaves: writes each leaf's hash and every
        subtree it completes. Call it under `lock_site_log`, in the transaction that adds the revisions."""
        # The siblings every append of the batch needs, not only the first: appending leaf 3 after leaf 2 needs
        # the subtree of leaves 0-1 as well as leaf 2 (those made within the batch are added as they are made).
        needed = {node for n in range(size, size + len(leaves)) for node in merkle.append_siblings(n)}
        known = self.hashes(needed)
        made = []
        for leaf in leaves:
            for level, index, digest in merkle.append_leaf(size, leaf, known):
                known[(level, index)] = digest
                made.append(self.model(key=node_key(level, index), hash=digest))
            size += 1
        self.bulk_create(made, batch_size=5000)
        return size

    def _answer(self, groups):
        return merkle.answer(groups, self.hashes(merkle.needed(groups)))

    def root(self, size):
        if size == 0:
            return merkle.EMPTY_ROOT
        return merkle.fold([self.hashes(merkle.root_nodes(size))[node] for node in merkle.root_nodes(size)])

    def inclusion_proof(self, index, size):
        return self._answer(merkle.inclusion_nodes(index, size))

    def consistency_proof(self, old, new):
        return self._answer(merkle.consistency_nodes(old, new)) if old != new else []


class LogNode(WrittenOnce):
    key = models.BigIntegerField(primary_key=True)  # level << 56 | index
    hash = models.BinaryField(max_length=32)

    objects = LogNodeQuerySet.as_manager()

    immutable_error = ImmutableLogError
    what = "A node of the log"

    class Meta:
        verbose_name = _("log node")

    def __str__(self):
        return f"Node {self.level}/{self.index}: {bytes(self.hash).hex()}"

    @property
    def level(self):
        return self.key >> LEVEL_SHIFT

    @property
    def index(self):
        return self.key & ((1 << LEVEL_SHIFT) - 1)


class Checkpoint(WrittenOnce):
    size = models.PositiveBigIntegerField(_("tree size"), unique=True)
    root = models.CharField(_("root hash, hex"), max_length=64)
    origin = models.CharField(_("origin"), max_length=255)
    note = models.TextField(_("signed note"))
    key_id = models.CharField(_("signing key id, hex"), max_length=8)
    made_at = models.DateTimeField(_("made at"))

    immutable_error = ImmutableLogError
    what = "A checkpoint"

    class Meta:
        ordering = ["-size"]
        verbose_name = _("checkpoint")

    def __str__(self):
        return f"Checkpoint {self.size}: {self.root}"


class WitnessCosignature(WrittenOnce):
    """A witness's cosignature of a checkpoint (C2SP tlog-cosignature), as the witness returned it and the
    site verified it (tracker/history/witnesses.py): the signature line that /log/checkpoint appends to the
    checkpoint. Never changed nor deleted."""

    checkpoint = models.ForeignKey(Checkpoint, on_delete=models.PROTECT, related_name="cosignatures")
    witness = models.CharField(_("witness"), max_length=255)
    key_id = models.CharField(_("witness key id, hex"), max_length=8)
    line = models.TextField(_("cosignature line"))
    cosigned_at = models.DateTimeField(_("cosigned at"))
    received_at = models.DateTimeField(_("received at"))

    immutable_error = ImmutableLogError
    what = "A cosignature"

    class Meta:
        ordering = ["checkpoint", "witness"]
        constraints = [models.UniqueConstraint(fields=["checkpoint", "witness"], name="one_cosignature_per_witness")]
        verbose_name = _("witness cosignature")

    def __str__(self):
        return f"{self.witness} cosigned checkpoint {self.checkpoint_id}"


class WitnessState(models.Model):
    """What the site knows of one configured witness: the tree size it last cosigned (or said it had, in a
    409 answer), the checkpoint last offered to it and how that went. The offer's bookkeeping, changed at
    each offer."""

    witness = models.CharField(_("witness"), max_length=255, unique=True)
    size = models.PositiveBigIntegerField(_("tree size it last cosigned"), default=0)
    offered_size = models.PositiveBigIntegerField(_("tree size last offered"), null=True, blank=True)
    offered_at = models.DateTimeField(_("last offered at"), null=True, blank=True)
    error = models.TextField(_("last refusal or error"), blank=True)
    failures = models.PositiveIntegerField(_("offers in a row that failed"), default=0)

    class Meta:
        verbose_name = _("witness state")

    def __str__(self):
        return f"{self.witness}: {self.size}"


class CheckpointTimestamp(WrittenOnce):
    """An RFC 3161 timestamp token of a checkpoint, as a configured timestamp authority returned it and the site
    verified it (tracker/history/timestamps.py): the authority's signed word that the checkpoint's body existed
    at `attested_at`, a time that is not the site's own clock. `token` is the whole TimeStampResp (DER), what
    `openssl ts -verify -in` and the verifier read. Never changed nor deleted."""

    checkpoint = models.ForeignKey(Checkpoint, on_delete=models.PROTECT, related_name="timestamps")
    authority = models.CharField(_("timestamp authority"), max_length=255)
    token = models.BinaryField(_("timestamp response, DER"))
    attested_at = models.DateTimeField(_("time the authority attests"))
    received_at = models.DateTimeField(_("received at"))

    immutable_error = ImmutableLogError
    what = "A timestamp"

    class Meta:
        ordering = ["checkpoint", "authority"]
        constraints = [models.UniqueConstraint(fields=["checkpoint", "authority"], name="one_timestamp_per_authority")]
        verbose_name = _("checkpoint timestamp")

    def __str__(self):
        return f"{self.authority} timestamped checkpoint {self.checkpoint_id}"


class TimestampAuthorityState(models.Model):
    """What the site knows of one configured timestamp authority: the checkpoint it was last asked to
    timestamp, when, and how that went (the error of a failed request or a token that did not verify)."""

    authority = models.CharField(_("timestamp authority"), max_length=255, unique=True)
    asked_size = models.PositiveBigIntegerField(_("tree size last asked for"), null=True, blank=True)
    asked_at = models.DateTimeField(_("last asked at"), null=True, blank=True)
    error = models.TextField(_("last error"), blank=True)
    failures = models.PositiveIntegerField(_("requests in a row that failed"), default=0)

    class Meta:
        verbose_name = _("timestamp authority state")

    def __str__(self):
        return f"{self.authority}: {self.error or 'ok'}"
