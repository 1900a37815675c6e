"""Settings shared by every environment. Environment variables are read only through config.env."""

import ipaddress

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from config.cache import shared_cache, site_prefix
from config.env import BASE_DIR, env

SECRET_KEY = env("SECRET_KEY")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "tracker",
    "cms",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    # Editorial pages (the methodology) in each language as Wagtail translations of the English page.
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    # Purges the caching proxy's copies of Wagtail pages when they are published (tracker's records:
    # tracker/public/frontend_cache.py).
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "simple_history",
    "django_celery_beat",
    # Open data (tracker/api/): the read-only API, its OpenAPI document and its offline docs, CORS for GET.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django.contrib.sitemaps",
    # Account security (tracker/accounts/security.py): sign-in rate limit, optional two-factor, CSP.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Before anything that may answer: open data (/api/, /data/) may be read from any site's scripts.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # HTML, feeds and JSON compressed (the changes feed: 54 KB -> about 8 KB); static files are
    # compressed ahead of time by WhiteNoise in production.
    "django.middleware.gzip.GZipMiddleware",
    # Reads of public pages from the replica when DATABASE_REPLICA_URL names one (config/replicas.py).
    "config.replicas.PublicReadsMiddleware",
    # Cache-Control, ETag, Last-Modified and early 304s of the public pages (tracker/public/http_caching.py).
    # Before the session, locale and CSRF middleware, so that it sees the cookies they set.
    "tracker.public.http_caching.PublicCachingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tracker.public.languages.AddressLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Asks for the two-factor code of editors who have set up an authenticator app.
    "django_otp.middleware.OTPMiddleware",
    "tracker.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "tracker.accounts.security.AdminScriptPolicyMiddleware",
    "tracker.accounts.security.PermissionsPolicyMiddleware",
    # Gives simple-history the editor behind every row change made through a request.
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: refuses sign-in after too many failed attempts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "tracker.public.context_processors.canonical_url",
                "tracker.public.languages.language_links",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A PostgreSQL replica (streaming replication) that public pages read from; every write, the admin and
# everything after a write in the same request use the primary (config/replicas.py).
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASE_ROUTERS = ["config.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ur", "اردو")]
TIME_ZONE = "Asia/Karachi"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Urdu dates day first with Urdu month names, numbers grouped in lakhs (config/formats/ur/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
# Wagtail's own locales: a page exists once per language, the Urdu a translation of the English, and the
# Urdu pages' addresses serve the Urdu one (cms/methodology.py).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Files citizens attach to tips: kept privately, outside MEDIA_ROOT and every public address; only
# moderators open them, through the admin (tracker/admin/tips.py). At most TIP_EVIDENCE_MAX_BYTES each.
TIP_EVIDENCE_ROOT = BASE_DIR / "var" / "tip-evidence"
TIP_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Tips one client may send in an hour (tracker/public/tips/throttle.py), counted in the shared cache.
TIPS_PER_HOUR = 5

vars().update(env.email_url("EMAIL_URL"))
# The sender of the site's own e-mails (Wagtail's moderation notices, password resets) and of the error
# reports sent to ADMINS; alerts have ALERTS_FROM_EMAIL (below), this one unless it is set.
DEFAULT_FROM_EMAIL = SERVER_EMAIL = env("DEFAULT_FROM_EMAIL")
# The address the public reaches the site at: the one source of the links made without a request, in every
# e-mail (alerts, confirmations and their one-click unsubscribe; Wagtail's moderation notices, through
# WAGTAILADMIN_BASE_URL), webhook payloads and the bulk downloads of /data/ (`manage.py build_downloads`).
SITE_URL = env("SITE_URL").rstrip("/")

WAGTAIL_SITE_NAME = "Accountability Tracker"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Editors give every publish an edit summary; autosave would publish-proof drafts without one
# and adds background writes, so drafts are saved when the editor says so.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# The publishing organisation named on public revisions (never an editor's name).
TRACKER_PUBLISHER = env("TRACKER_PUBLISHER")
# Its name on Urdu pages (the revisions keep the name above, which their hashes cover); the default
# publisher's Urdu name unless set; empty: the name above on Urdu pages too.
TRACKER_PUBLISHER_UR = env("TRACKER_PUBLISHER_UR") or (
    "احتساب ٹریکر کے مدیران" if TRACKER_PUBLISHER == "Accountability Tracker editors" else ""
)
# The Ed25519 key that signs the digests of the public history (tracker/history/signing.py). Production
# sets DIGEST_SIGNING_KEY; elsewhere a key is made on first use and kept in this file.
DIGEST_SIGNING_KEY = env("DIGEST_SIGNING_KEY")
DIGEST_SIGNING_KEY_FILE = BASE_DIR / "var" / "digest-signing-key.pem"
# The transparency log (tracker/history/transparency.py): its name in signed checkpoints (unset: SITE_URL's
# host and path + "/log"), and the note verifier keys of keys that signed checkpoints before the current one
# (a key rotated out stays listed at /log/keys, so the checkpoints it signed stay checkable).
TRANSPARENCY_LOG_ORIGIN = env("TRANSPARENCY_LOG_ORIGIN")
TRANSPARENCY_LOG_PAST_KEYS = env("TRANSPARENCY_LOG_PAST_KEYS")
# The witnesses each new checkpoint is offered to (tracker/history/witnesses.py), each
# "<name> <address> <cosignature verifier key>", and how long an offer waits for one to answer.
TRANSPARENCY_LOG_WITNESSES = env("TRANSPARENCY_LOG_WITNESSES")
TRANSPARENCY_LOG_WITNESS_TIMEOUT = 10
# The RFC 3161 timestamp authorities asked to timestamp each new checkpoint (tracker/history/timestamps.py),
# each "<name> <address> <certificate file>" (the file: the authority's certificate chain, PEM, up to its root),
# and how long a request waits for one to answer.
TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES = env("TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES")
TRANSPARENCY_LOG_TIMESTAMP_TIMEOUT = 10

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")

# Without a broker, tasks run in-process so the demo needs no other service. The in-memory transport is
# named with a host: without one kombu warns "No hostname was supplied" on every task dispatched.
CELERY_BROKER_URL = env("CELERY_BROKER_URL") or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = not env("CELERY_BROKER_URL")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- Search (search/; docs/architecture.md, "The search flow" and "Background work") -------------------
# ELASTICSEARCH_URL picks the backend. The database backend (SQLite FTS5 / PostgreSQL full-text) is
# kept up to date in every configuration: it is the embedded default and the fallback whenever the
# search server does not answer.
SEARCH = {
    "BACKEND": "elasticsearch" if ELASTICSEARCH_URL else "database",
    "ELASTICSEARCH_URL": ELASTICSEARCH_URL,
    "INDEX": "tracker-records",  # an alias: rebuilds fill a new index and swap the alias to it
    "TIMEOUT": 5,  # seconds a request to the search server may take
    "RETRY_AFTER": 15,  # after a failed query, answer from the database this long without asking it
    "BATCH_SIZE": 500,  # index-queue entries per bulk request
    "DRAIN_SECONDS": 50,  # one drain stops after this long; the next one goes on
    "SHARDS": env("ELASTICSEARCH_SHARDS"),  # of each new index (a rebuild applies a change)
    "REPLICAS": env("ELASTICSEARCH_REPLICAS"),  # copies of each shard on other nodes of the cluster
    # The database backend's answers (counts and the entries of each page) cached until the
    # index changes (search/backends/facets.py).
    "CACHE_ANSWERS": True,
    # After a change, an answer due to be counted again is counted in a thread of the process whose
    # reader claimed it, after that reader got the last answer: no reader waits for the counting.
    "RECOUNT_IN_BACKGROUND": True,
}
# A broker that does not answer must not hold up an editor's publish: fail fast, the index queue
# keeps the work and the beat job drains it.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "max_retries": 0,
    # No ack emulation on Redis. With it, Celery 5.7 / kombu 5.7 kill the worker ("Unrecoverable error:
    # AttributeError: 'NoneType' object has no attribute 'hostname'") when Redis goes away while the
    # worker holds a message, such as a drain retry waiting for its countdown. Without it a held message
    # can be lost with the connection, which loses nothing here: the index queue lives in the database
    # and the beat job drains it every minute (tests/search/test_failures.py restarts Redis mid-retry).
    "ack_emulation": False,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = globals().get("CELERY_BEAT_SCHEDULE", {})
CELERY_BEAT_SCHEDULE["search-drain-index-queue"] = {"task": "search.tasks.drain_index_queue", "schedule": 60.0}
# A signed digest of the public history after every hour in which something was published.
CELERY_BEAT_SCHEDULE["tracker-make-digests"] = {"task": "tracker.tasks.make_digests", "schedule": 300.0}
# Witnesses that have not cosigned the latest checkpoint (no answer, a refusal) are offered it again.
CELERY_BEAT_SCHEDULE["tracker-offer-to-witnesses"] = {
    "task": "tracker.history.witnesses.offer_to_witnesses",
    "schedule": 300.0,
}
# Timestamp authorities that have not timestamped the latest checkpoint (down, a bad token) are asked again.
CELERY_BEAT_SCHEDULE["tracker-timestamp-checkpoints"] = {
    "task": "tracker.history.timestamps.timestamp_checkpoint",
    "schedule": 300.0,
}
# The page summaries (tracker/public/summaries.py) are refreshed after every publish; this catches a
# refresh the broker lost, and moves them on to a new day.
CELERY_BEAT_SCHEDULE["tracker-refresh-summaries"] = {
    "task": "tracker.tasks.refresh_public_summaries",
    "schedule": 300.0,
}

# --- Following: e-mail alerts and webhooks (tracker/following/; docs/following.md) ----------------------
# A followed search's alerts read words as the search page does (Urdu letter forms and spellings folded).
FOLLOWED_SEARCH_WORDS = "search.text.search_words"
# The search page, by URL name, for the links and purges tracker's code makes (tracker never imports search).
SEARCH_PAGE = "search:search"
# SITE_URL (above) makes the links in e-mails and webhook payloads.
# The sender of alerts, digests and confirmation e-mails: DEFAULT_FROM_EMAIL unless ALERTS_FROM_EMAIL is set.
ALERTS_FROM_EMAIL = env("ALERTS_FROM_EMAIL") or DEFAULT_FROM_EMAIL
# Asking to follow, counted in the shared cache below: per e-mail address and per client, per hour.
FOLLOWS_PER_ADDRESS_PER_HOUR = 5
FOLLOWS_PER_CLIENT_PER_HOUR = 20
# Webhook deliveries: a POST may take WEBHOOK_TIMEOUT seconds; a failed one is tried again after
# WEBHOOK_RETRY_DELAY seconds, doubled each time up to WEBHOOK_RETRY_MAX_DELAY, and its receiver backs off
# as long (one probe at a time, tracker/following/receivers.py); a URL that has failed for
# WEBHOOK_PAUSE_AFTER seconds is paused and the administrators told.
WEBHOOK_TIMEOUT = 10
WEBHOOK_RETRY_DELAY = 30
WEBHOOK_RETRY_MAX_DELAY = 3600
WEBHOOK_PAUSE_AFTER = 24 * 60 * 60
# Webhook URLs are https:// only (http:// too with DEBUG or WEBHOOK_ALLOW_HTTP) and reach public addresses
# only, checked when registered and after resolving the name at each delivery: WEBHOOK_ALLOW_PRIVATE_ADDRESSES
# lets them reach this machine and its network, for the tests' local receivers; never in production.
WEBHOOK_ALLOW_HTTP = False
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
# Webhook deliveries have a queue of their own: config/celery.py routes every task to its queue.
# At-once alerts and webhook deliveries are dispatched after each publish; beat catches up on any whose
# dispatch was lost. Digests: the last whole day's (or week's) changes, sent once.
CELERY_BEAT_SCHEDULE["tracker-send-alerts"] = {"task": "tracker.following.tasks.send_alerts", "schedule": 60.0}
CELERY_BEAT_SCHEDULE["tracker-queue-webhooks"] = {"task": "tracker.following.tasks.queue_webhooks", "schedule": 60.0}
CELERY_BEAT_SCHEDULE["tracker-send-digests"] = {"task": "tracker.following.tasks.send_digests", "schedule": 3600.0}

# --- The shared cache and the client's address ---------------------------------------------------------
# The tips limit is counted in this cache, so every worker process must see the same one: Redis when
# CACHE_URL names it (production, e.g. redis://host:6379/1), else files under var/cache/ in the project,
# which every process on this computer shares (the demo needs no other service).
CACHE_URL = env("CACHE_URL")
# Redis may be lost without losing the site: while it does not answer the cache is an empty one that keeps
# nothing (pages computed from the database), and it is emptied when it returns (config/cache.py). Every key
# starts with the site's own prefix, so two sites on one Redis (staging beside production, two deployments)
# never answer with each other's search answers, reports or rows, and emptying the cache after an outage
# removes only the site's own keys. CACHE_KEY_PREFIX; by default the database's host and name.
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX") or site_prefix(DATABASES["default"])
CACHES = {"default": shared_cache(CACHE_URL, CACHE_KEY_PREFIX, files=BASE_DIR / "var" / "cache")}
# The accountability report (/accountability/) is cached until the public state changes
# (tracker/public/shared_cache.py); this bounds how long one is cached. 0: computed on every request.
ACCOUNTABILITY_CACHE_SECONDS = 6 * 60 * 60
# Each record's representation in the API's lists is cached until the public state changes
# (tracker/api/cached.py); this bounds how long. 0: serialized on every request.
API_CACHE_SECONDS = 6 * 60 * 60
# The changes feed's daily digests, cached until a revision is added to their day, and the days it lists
# (tracker/history/digest.py `daily_digests`, `recent_digests`). 0: computed on every request.
HISTORY_DIGEST_CACHE_SECONDS = 7 * 24 * 60 * 60
# The rows of the commitment lists (the list, the dashboard, office, person and place pages), cached
# until the public state changes (tracker/templatetags/commitment_rows.py). 0: rendered every time.
PUBLIC_ROWS_CACHE_SECONDS = 6 * 60 * 60
# The dashboard, office, person and place pages and the accountability report read maintained summaries
# (tracker/public/summaries.py); False computes them on every request.
PUBLIC_SUMMARIES = True
# After a change, a summary row it made stale is still served for this many seconds while the refresh that
# follows every change computes it again, so the first readers after a publish do not each wait for the
# figures (seconds at 100,000 commitments). Never after a takedown. 0: computed by the first reader instead.
SUMMARY_STALE_SECONDS = 300
# However often editors publish, a summary is computed again at most once in SUMMARY_COST_RATIO times what its
# last computation took, and at least once in SUMMARY_REFRESH_SECONDS (tracker/public/summaries.py): a row of
# milliseconds after every publish, the accountability report (seconds) once in SUMMARY_REFRESH_SECONDS. So
# the refresh spends at most 1/SUMMARY_COST_RATIO of a CPU on a row: a higher ratio leaves readers more CPU
# and shows costly figures later. SUMMARY_REFRESH_SECONDS is shorter than SUMMARY_STALE_SECONDS, so that
# readers get the last computation meanwhile. 0: after every change.
SUMMARY_COST_RATIO = 60
SUMMARY_REFRESH_SECONDS = 120
# How much lower than the web processes' the Celery workers' CPU priority is (added to their niceness when
# they start, config/celery.py): on a machine they share, the summaries' refresh, the search index and the
# other background work take the CPU the readers leave, so readers keep their speed while editors publish.
# 0: the same priority.
WORKER_NICENESS = env("WORKER_NICENESS")
# The reverse proxies (addresses or networks) in front of the site. Only when a request comes straight
# from one of them is X-Forwarded-For read, for the rightmost address that is not a trusted proxy
# (tracker/accounts/client_address.py); the sign-in, tips, follow and API limits count by it (IPv6 by /64).
try:
    TRUSTED_PROXIES = [str(ipaddress.ip_network(p.strip(), strict=False)) for p in env("TRUSTED_PROXIES") if p.strip()]
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error} (give addresses or networks, comma-separated)") from None

# --- Account security (issue 6) --------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username/address before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 6  # five failed sign-ins in a row are answered as usual; the 6th is refused
AXES_COOLOFF_TIME = 1  # hours until a locked-out sign-in may try again
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # one guessed account does not lock out its owner elsewhere
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "tracker/account_locked.html"
# Attempts are kept in the database (django-axes' database handler), which every worker shares, and
# counted per user name and client address: the address of the connection, or behind a trusted proxy
# the client's address it forwards (TRUSTED_PROXIES above), an IPv6 client by its /64; a client-sent
# X-Forwarded-For is ignored.
AXES_CLIENT_IP_CALLABLE = "tracker.accounts.client_address.client_network"
# Two-factor is optional: django-otp's TOTP devices, set up and checked by tracker/accounts/two_factor.py.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Content-Security-Policy: scripts, styles and everything else only from this site. The JSON-LD in
# public pages and Wagtail's JSON configuration are data blocks (type="application/ld+json" or
# "application/json"), which browsers never execute, so no script exception is needed for them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],  # the admin's live preview
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Editors' avatars are not fetched from an outside service (it would learn who uses the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- HTTP caching and the caching proxy (tracker/public/http_caching.py, frontend_cache.py) -----------
# How long a shared cache (the proxy) may serve a public page without asking again: changes purge it
# at once, this bounds anything a purge could miss (a change written behind the tracker's back).
HTTP_CACHE_SHARED_SECONDS = 60
# The purge after a change is repeated this much later, by a worker. Purges are kept in the database with
# the change (tracker/public/purges.py): one still waiting this long after it was due is sent by beat.
HTTP_CACHE_REPURGE_SECONDS = 5
CELERY_BEAT_SCHEDULE["tracker-send-left-purges"] = {"task": "tracker.public.purges.send_left_purges", "schedule": 60.0}
# FRONTEND_CACHE_URL names the caching proxy (Varnish, deploy/varnish/tracker.vcl) that accepts PURGE and
# BAN from this site; unset: no proxy is told anything.
if env("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "tracker.public.frontend_cache.VarnishBackend", "LOCATION": env("FRONTEND_CACHE_URL")}
    }
# --- Open data (tracker/api/; docs/api.md) ---------------------------------------------------------------
# SITE_URL (above) starts the links of what is made without a request: the bulk downloads of /data/
# (`manage.py build_downloads`, the nightly task), alert e-mails, webhook payloads.
# The API's framework, its OpenAPI document and CORS: config/settings/open_data.py.
from config.settings.open_data import *  # noqa: E402, F403

# Where the bulk downloads are built and kept (served at /data/).
DOWNLOADS_ROOT = BASE_DIR / "var" / "downloads"
CELERY_BEAT_SCHEDULE["tracker-build-downloads"] = {
    "task": "tracker.tasks.build_downloads",
    "schedule": crontab(hour=2, minute=30),
}

# --- Archived copies of cited pages and the weekly check (tracker/archive/; issue 29) -----------------------
# After a publish commits, every newly cited address is fetched and kept as a WARC file in the default
# storage. ARCHIVE_SOURCES (environment: "true"/"false"; unset = on when a broker is set, so the demo and the
# tests, which run tasks in-process, fetch nothing unless asked).
ARCHIVE_SOURCES = env.bool("ARCHIVE_SOURCES") if env("ARCHIVE_SOURCES") else bool(env("CELERY_BROKER_URL"))
# Each fetch: connect and read timeouts (seconds), a deadline for the whole fetch, a cap on the page's size
# (bytes) and on redirects. Private, loopback and link-local addresses are refused, at every hop, unless
# ARCHIVE_ALLOW_PRIVATE_ADDRESSES (the tests' local servers; never production).
ARCHIVE_CONNECT_TIMEOUT = 5
ARCHIVE_READ_TIMEOUT = 10
ARCHIVE_TOTAL_SECONDS = 30
ARCHIVE_MAX_BYTES = 20 * 1024 * 1024
ARCHIVE_MAX_REDIRECTS = 5
ARCHIVE_ALLOW_PRIVATE_ADDRESSES = False
# A failed fetch is tried again after ARCHIVE_RETRY_DELAY seconds, doubled each time up to
# ARCHIVE_RETRY_MAX_DELAY, at most ARCHIVE_MAX_ATTEMPTS times; each run fetches at most ARCHIVE_BATCH pages.
ARCHIVE_RETRY_DELAY = 300
ARCHIVE_RETRY_MAX_DELAY = 2 * 24 * 60 * 60
ARCHIVE_MAX_ATTEMPTS = 10
ARCHIVE_BATCH = 50
CELERY_BEAT_SCHEDULE["tracker-archive-sources"] = {"task": "tracker.archive.tasks.archive_sources", "schedule": 300.0}
# The weekly check of every cited address (`manage.py check_sources` does the same). A record's status is
# stale when nobody has published it, and no check has found its sources as cited, for SOURCE_STALE_DAYS days.
SOURCE_STALE_DAYS = env("SOURCE_STALE_DAYS")
ARCHIVE_CHECK_WORKERS = 8  # fetches the weekly check makes at a time
CELERY_BEAT_SCHEDULE["tracker-check-sources"] = {
    "task": "tracker.archive.tasks.check_sources",
    "schedule": crontab(day_of_week="sunday", hour=3, minute=15),
}
