"""Rows written once and kept as they are forever: the log's nodes, its checkpoints with their witnesses'
cosignatures and authorities' timestamps, and the signed digests. What they say was signed or proved to
readers outside, so changing one would break a promise made in public: saving one again, or deleting it,
raises the model's `immutable_error` (a bulk queryset `update` or `delete` is never used on them)."""

from django.db import models


class WrittenOnce(models.Model):
    immutable_error = Exception  # each model names its own
    what = "This row"  # "A checkpoint": how the error names the row

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise self.immutable_error(f"{self.what} can never be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise self.immutable_error(f"{self.what} can never be deleted.")
