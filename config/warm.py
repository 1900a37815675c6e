"""What a web worker loads before its first request, so that the first reader after a start or a recycle is
not the one who pays for it (issue 31: a fresh worker's first requests took 0.3-1.7 s).

gunicorn loads the application once in its master process (`preload_app`, deploy/gunicorn.conf.py) and
forks the workers from it, so each starts with:

- every URL pattern resolved, and so every view module and what it imports;
- the translation catalogues of every language of the site;
- every template of the project compiled into the template engine's cache (Django caches compiled templates
  when DEBUG is off), with the template tag libraries they load.

Nothing here opens a database or cache connection: a connection made before the fork would be shared by
every worker by accident.
"""

from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import translation


def template_names():
    """The names of the project's own templates (templates/ and each app's templates/ folder)."""
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    base = Path(settings.BASE_DIR)
    folders += [base / package / "templates" for package in ("tracker", "search", "cms")]
    names = set()
    for folder in folders:
        if folder.is_dir():
            names |= {str(path.relative_to(folder)) for path in folder.rglob("*.html")}
    return sorted(names)


def warm():
    """Load what the first requests would; returns how many templates were compiled."""
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018  (imports every view)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Commitments")  # loads the catalogue of `code`
    engine = engines["django"]
    compiled = 0
    for name in template_names():
        try:
            engine.get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):  # a fragment meant for another engine
            continue
        compiled += 1
    return compiled
