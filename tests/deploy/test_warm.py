"""Workers start warm (issue 31): the application gunicorn preloads in its master has its URLs, translations
and every template compiled before the first worker is forked (config/warm.py, deploy/gunicorn.conf.py), so a
fresh worker's first reader does not pay for them. The production smoke test checks gunicorn's log says so."""

from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader
from django.utils.translation import trans_real

from config.warm import template_names, warm


def cached_templates():
    engine = engines["django"].engine
    loader = next(loader for loader in engine.template_loaders if isinstance(loader, CachedLoader))
    return loader, {key.split("-")[0] for key in loader.get_template_cache}


def test_warming_compiles_every_template_of_the_project_and_loads_both_catalogues():
    loader, _ = cached_templates()
    loader.reset()
    trans_real._translations.clear()  # noqa: SLF001  (the catalogues loaded so far)
    names = template_names()
    assert {"base.html", "tracker/commitment_detail.html", "search/search.html"} <= set(names)
    assert warm() == len(names)
    _, compiled = cached_templates()
    assert set(names) <= compiled
    assert {"en", "ur"} <= set(trans_real._translations)  # noqa: SLF001
