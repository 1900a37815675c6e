from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search.api import search_api
from tracker.api import documents as api_documents
from tracker.api import urls as api_urls
from tracker.public import urls as tracker_urls
from tracker.public.sitemaps import SITEMAPS
from tracker.public.views.favicon import favicon

# The open-data API (tracker/api/, docs/api.md); search answers its part from its own app.
api_patterns = [
    path("search/", search_api, name="search"),
    *api_urls.urlpatterns,
    re_path(r"^[\s\S]*$", api_documents.not_found),  # any character: a path may hold a newline (%0A)
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include((api_patterns, "api"))),
    # The transparency log (tracker/history/log_urls.py): checkpoints, proofs and tiles, in no language.
    path("log/", include("tracker.history.log_urls")),
    path("api/docs/", api_documents.SwaggerView.as_view(), name="api_docs"),
    path("api/docs/redoc/", api_documents.RedocView.as_view(), name="api_redoc"),
    # Browsers ask every site for /favicon.ico, whatever its pages link to.
    path("favicon.ico", favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The public pages in both languages: English at the addresses of docs/reference.md, Urdu at the same
# addresses under /ur/. The address alone decides the language (a permanent link never changes language
# with the reader's browser); Wagtail serves the editorial pages (methodology, about) last.
urlpatterns += i18n_patterns(
    # The bulk downloads' page reads in Urdu too (/ur/data/); the files are the same at both addresses.
    path("data/", include("tracker.api.downloads.urls")),
    path("search/", include("search.urls")),
    path("", include(tracker_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
