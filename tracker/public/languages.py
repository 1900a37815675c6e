"""The two languages of the public site: English at the addresses of docs/reference.md, Urdu at the same
addresses under /ur/ (`i18n_patterns` in config/urls.py).

The address decides the language, so a permanent link (a citation, a shared record) reads the same for
everyone. A browser's Accept-Language may only *suggest* Urdu, on the front page, with a link; it never
switches a page by itself. That keeps every other page's cache one copy per address.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import translate_url
from django.utils import translation

FRONT_PAGE = "/"


def _other_languages():
    current = translation.get_language()
    return [(code, name) for code, name in settings.LANGUAGES if code != current]


def page_in(request, language):
    """The address of this page in `language` (query string kept), or None when the page has no such
    address (the API, the admin, a page that does not exist)."""
    here = request.get_full_path()
    there = translate_url(here, language)
    return there if there != here or translation.get_language() == language else None


def language_links(request):
    """For base.html: the switcher's links, the `hreflang` alternates, and on the English front page a
    suggestion to read in Urdu for a browser that asks for it first. Worked out once per request: a feed
    renders a template, with this context processor, for each of its entries."""
    key = (translation.get_language(), request.get_full_path())
    kept = getattr(request, "_tracker_language_links", None)
    if kept is None or kept[0] != key:
        kept = (key, _links(request))
        request._tracker_language_links = kept
    return kept[1]


def _links(request):
    switcher = []
    for code, name in _other_languages():
        address = page_in(request, code)
        if address:
            switcher.append(
                {"code": code, "name": name, "url": address, "bidi": translation.get_language_info(code)["bidi"]}
            )
    alternates = []
    if switcher:
        for code, _name in settings.LANGUAGES:
            address = page_in(request, code)
            if address:
                alternates.append({"code": code, "url": request.build_absolute_uri(_without_query(address))})
    return {
        "language_switcher": switcher,
        "language_alternates": alternates,
        "language_default_url": alternates[0]["url"] if alternates else "",
        "language_suggestion": _suggestion(request),
    }


def _without_query(address):
    return address.split("?", 1)[0]


def _suggestion(request):
    if request.path_info != FRONT_PAGE or translation.get_language() != settings.LANGUAGE_CODE:
        return None
    asked = translation.get_language_from_request(request, check_path=False)
    if asked == settings.LANGUAGE_CODE:
        return None
    with translation.override(asked):
        text = translation.gettext("Read this site in Urdu")
    return {"code": asked, "url": translate_url(FRONT_PAGE, asked), "text": text}


class AddressLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that only the front page varies with Accept-Language: every other
    page's language is in its address, so a shared cache keeps one copy of it, not one per browser."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if request.path_info != FRONT_PAGE and response.has_header("Vary"):
            kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
