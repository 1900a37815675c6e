"""The open data's settings (tracker/api/; docs/api.md): Django REST framework, drf-spectacular's OpenAPI
document and CORS for reading the API and the downloads from other sites. Read by base.py."""

from config.env import env

# Anonymous API requests per client address, counted in the shared cache (CACHES), e.g. "600/minute"; over it
# the API answers 429 with Retry-After. Empty: not limited.
API_THROTTLE_RATE = env("API_THROTTLE_RATE")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["tracker.api.renderers.JSONRenderer", "tracker.api.renderers.CSVRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["tracker.api.throttling.AnonymousRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "tracker.api.pagination.CursorPagination",
    "URL_FORMAT_OVERRIDE": "format",
    "EXCEPTION_HANDLER": "tracker.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Accountability Tracker API",
    "DESCRIPTION": (
        "Read-only open data: the published commitments and decisions of Pakistan's local government, the "
        "elected and appointed offices that own them and who held each office on any date, with each record's "
        "hash-chained public history. JSON by default, CSV for every list (`?format=csv`). Licence: CC BY 4.0."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["tracker.api.schema.only_open_data"],
    "ENUM_NAME_OVERRIDES": {
        "CommitmentStatus": "tracker.models.vocabulary.CommitmentStatus",
        "OfficeKind": "tracker.models.vocabulary.OfficeKind",
        "DecisionKind": "tracker.models.vocabulary.DecisionKind",
        "OwnershipRole": "tracker.models.vocabulary.OwnershipRole",
        "JurisdictionTier": "tracker.models.vocabulary.JurisdictionTier",
        "OrganisationKind": "tracker.models.vocabulary.OrganizationKind",
        "TenureStart": "tracker.models.vocabulary.TenureStart",
        "TenureEnd": "tracker.models.vocabulary.TenureEnd",
        "Sector": "tracker.models.vocabulary.Sector",
    },
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
}
CORS_URLS_REGEX = r"^/(ur/)?(api|data)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "Retry-After"]
