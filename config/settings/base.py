"""Settings shared by every environment.

One switch per real service, read from the environment: ``DATABASE_URL`` selects the database (SQLite file in
the project without it), ``ELASTICSEARCH_URL`` switches search to Elasticsearch (Wagtail's database search
without it), ``REDIS_URL`` gives every process one shared cache (each process its own memory without it) and
``FRONTEND_CACHE_PURGE_URL`` tells publishing where the caching proxy takes PURGE requests. The embedded default
needs none of them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "core",
    "home",
    "network",
    "practices",
    "search",
    "exchange",
    "opendata",
    "editorial",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "wagtail.sites",
    "editorial.apps.UsersConfig",  # wagtail.users, with editorial.users' account management
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Wagtail's admin says "een minuut geleden" with humanize's naturaltime; without the app its Dutch is not loaded
    # and the workflow status reads "a minute ago".
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "axes",
]

MIDDLEWARE = [
    # Outermost, so that they see the final response: its status for the log, its cookies for the proxy cache.
    "core.middleware.RequestLogMiddleware",
    "core.middleware.ProxyCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "editorial.middleware.TagSlugRedirectMiddleware",
    "core.security.PasswordResetThrottleMiddleware",
    # After the language and the user are known; answers anonymous readers with a kept page (core/page_cache.py).
    "core.page_cache.PageCacheMiddleware",
    # For every page the cache did not answer: the Site without a query (core/routing.py).
    "core.routing.SiteMiddleware",
    # Last, as Axes asks: it turns a lockout raised during login into the lockout page.
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.platform",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login protection (core/security.py): after AXES_FAILURE_LIMIT wrong passwords for an account, or from an
# address, logins from there are refused for AXES_COOLOFF_TIME, the right password included. Administrators
# unlock in the admin (Geblokkeerde aanmeldingen) or with `manage.py axes_reset_username <name>`.
AUTHENTICATION_BACKENDS = ["core.security.LoginProtectionBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "pages/login_locked.html"
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
AXES_VERBOSE = False
# How many proxies in front of the site add the reader's address to X-Forwarded-For (1 behind deploy/'s nginx):
# login lockouts, reset mails and the exchange form's rate limit count that address, not the proxy's.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
EXCHANGE_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
PASSWORD_RESET_LIMIT_PER_ACCOUNT = 3
PASSWORD_RESET_LIMIT_PER_IP = 10
PASSWORD_RESET_WINDOW = 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch first: the interface and the content are Dutch; English is offered for the interface only.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
# The production stack keeps its state under var/ and its built files apart (make prod-up sets both).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Netwerk Complexe Scheidingen"
# The organisation that runs the platform, named in the header and the colofon (e.g. "Ministerie van
# Volksgezondheid, Welzijn en Sport"). Empty: no owner is named. The study behind the starting content says only
# who commissioned the study (the Directie Jeugd of the Ministry of VWS, §1.1 and §3.4), not who runs this site.
PLATFORM_OWNER = os.environ.get("PLATFORM_OWNER", "")
# Where readers reach the site: links in the sitemap, the API, feeds and e-mails start with it, and the Wagtail
# Site gets its host name and port from it (manage.py configure_site). `make run` serves on PORT.
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", SITE_URL)
WAGTAIL_I18N_ENABLED = False
# Documents are always streamed through Wagtail's serve view (/documenten/...), where editorial.media keeps
# unpublished uploads private; never a redirect to a file under MEDIA_URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# The query log (readers' questions per day) feeds the editors' report of the last 30 days.
WAGTAILSEARCH_HITS_MAX_AGE = 60

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# Rich text in practices is prose, not layout: headings, emphasis, lists and links only.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}
TAGGIT_CASE_INSENSITIVE = True
# The open-data API (/api/v2/): a client may fetch a hundred items at a time, as the search API allows.
WAGTAILAPI_LIMIT_MAX = 100
# Review e-mails (editorial workflow): the editors get "awaiting review", the submitter "approved"/"sent back".
# Superusers manage accounts, not content, so they are left out of the review mail.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
# The admin is the platform's, in Dutch: no avatars from Gravatar (the CSP blocks them, and they would tell a
# third party who works in the admin), no Wagtail release news or update check for coordinators.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.LoginForm"

# A strict Content-Security-Policy for the public site: everything from the site itself, nothing inline.
# The Wagtail admin needs inline styles of its own, so it gets a policy without that restriction.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; frame-ancestors 'self'; object-src 'none'; base-uri 'self'"
)

# One line per request on stdout (core.middleware.RequestLogMiddleware), warnings and errors on stderr.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"request": {"format": "%(asctime)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "requests": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "request"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"netwerk.requests": {"handlers": ["requests"], "level": "INFO", "propagate": False}},
}

# The shared cache: the exchange form's rate limit, cached fragments and the search vocabulary are the same for
# every worker and machine. Without REDIS_URL each process keeps its own (enough for `make run` and the tests).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "netwerk",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The caching proxy in front of the site (nginx with the cache-purge module, deploy/nginx.conf): publishing,
# unpublishing, moving and deleting a page sends it PURGE requests for the page and the pages that list it.
# core.middleware.ProxyCacheMiddleware says which responses the proxy may keep, and for how long.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
WAGTAILFRONTENDCACHE = (
    {"proxy": {"BACKEND": "core.frontend_cache.ProxyPurgeBackend", "LOCATION": FRONTEND_CACHE_PURGE_URL}}
    if FRONTEND_CACHE_PURGE_URL
    else {}
)
# Rendered pages for anonymous readers in the shared cache, until content changes (core/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60 * 24)))
PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", "600"))
PROXY_CACHE_SECONDS_SHORT = int(os.environ.get("PROXY_CACHE_SECONDS_SHORT", "30"))

# Search: Wagtail's database backend always (the admin uses it, and it is the fallback); Elasticsearch in addition
# when ELASTICSEARCH_URL is set. PostgreSQL searches with its Dutch configuration (stemming, stop words).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "netwerk-kennisbank")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "dutch"
