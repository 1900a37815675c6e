"""How kept figures are written and read (the PublicSummary rows of summaries.py).

Figures hold lazy strings: labels (gettext_lazy) and list addresses made in the reader's language. Pickle
writes a lazy string as its recipe, and Python's own unpickling calls `lazy()` again for each one, which
builds a new proxy class every time: the accountability report holds about 300 of them, and reading
them back cost more than the rest of its page. Here a lazy string is written as the same recipe, and
read back through one proxy class per function, made once per process."""

import functools
import io
import pickle

from django.utils.functional import Promise, lazy

LAZY = "lazy"


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Promise):
            _unpickle, (func, args, kwargs, *resultclasses) = obj.__reduce__()
            return (LAZY, func, args, kwargs, tuple(resultclasses))
        return None


@functools.cache
def _maker(func, resultclasses):
    return lazy(func, *resultclasses)


class _Unpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        tag, func, args, kwargs, resultclasses = pid
        if tag != LAZY:
            raise pickle.UnpicklingError(f"Unknown stored reference {tag!r}.")
        return _maker(func, resultclasses)(*args, **kwargs)


def dumps(figures):
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(figures)
    return out.getvalue()


def loads(data):
    return _Unpickler(io.BytesIO(data)).load()  # noqa: S301 (written by dumps() only, in our own database)
