"""Settings for the LPO portal, read from environment variables.

Production is the default: DEBUG is off and a missing secret key or host list stops the start.
`DJANGO_DEBUG=true` asks for development defaults. `make run` writes a local `.env` (never committed); the
environment wins over it, and `DJANGO_READ_DOT_ENV_FILE=false` ignores it (the tests and scripts that start the
site with an environment of their own).
"""

import datetime
from pathlib import Path

import environ
from csp.constants import NONE, SELF

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if env.bool("DJANGO_READ_DOT_ENV_FILE", default=True):
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it in the environment or in .env "
            "(`make run` creates one), or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "development-only-insecure-key"  # noqa: S105 - only reachable with DEBUG on

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set: give the host names the portal is served on, "
        "separated by commas (for example 'lpo.example.nl')."
    )


INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "reversion",
    "axes",
    "csp",
    "lpo",
    "guidance",
    "interventions",
    "keuzehulp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers sit outside the page cache, so cached pages carry them too.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lpo.page_cache.QualityAwareGZipMiddleware",
    # Before sessions, languages and URL resolving: a cached page skips all of them.
    "lpo.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lpo.urls"
WSGI_APPLICATION = "lpo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "guidance.context_processors.chapters",
                "lpo.context_processors.languages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and DATABASES["default"]["NAME"] != ":memory:":
    # Readers do not wait for an editor's save (and the other way round) with a write-ahead log.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; CACHE_URL=redis://… or pymemcache://… shares the cache between servers.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://lpo")}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 2000)
# Counters that must hold across workers and servers (the functie-vraag's limit): the shared cache when there
# is one, else a table in the database (made by the migrations), which every worker and server shares.
CACHES["shared"] = (
    env.cache("CACHE_URL")
    if env.str("CACHE_URL", default="")
    else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "lpo_shared_cache"}
)
PAGE_CACHE_SECONDS = env.int("LPO_PAGE_CACHE_SECONDS", default=3600)
# Touched on every content change, so that all workers on this machine drop their cached pages.
CONTENT_STAMP_FILE = Path(env.str("LPO_CONTENT_STAMP", default=str(BASE_DIR / "var" / "content-stamp")))

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out user before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute force: five failed logins for one user name from one address lock that combination for an hour.
AXES_FAILURE_LIMIT = env.int("LPO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# How many reverse proxies (load balancer, nginx) stand in front of the app servers: the client's address is
# the LPO_PROXY_COUNT-th from the right in X-Forwarded-For. 0: the peer's address; forwarded headers are ignored.
LPO_PROXY_COUNT = env.int("LPO_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "lpo.client.client_ip"

# After logging in (also when `next` pointed somewhere unsafe), editors land in the admin.
LOGIN_REDIRECT_URL = "/beheer/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("uk", "Українська")]
# Content that is not translated yet shows in Dutch (and is marked so on the page).
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
# The admin's language tabs need jQuery UI; django-modeltranslation reads this name and would otherwise load it
# from a CDN, which the CSP forbids. A static path: served by us (build/jquery-ui, see STATICFILES_DIRS).
JQUERY_UI_URL = "jquery-ui/jquery-ui.min.js"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
# Where collectstatic writes and whitenoise serves from.
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# build/site holds the site's one stylesheet: the NL Design System components from node_modules with our theme and
# layout after them, built by `make` (scripts/build-css.mjs); build/jquery-ui the jQuery UI of the admin's language
# tabs, copied there by `make` from the npm package.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("site", BASE_DIR / "build" / "site"),
    ("jquery-ui", BASE_DIR / "build" / "jquery-ui"),
]
# Files browsers ask for at the root, such as /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
# Hashed, compressed names only in production: the test server cannot serve the manifest's names.
STATIC_MANIFEST = env.bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# The content that editors keep, in an order that loads (what is referred to first): the site machinery (page
# cache, search index, history, export and back-ups) follows every change of these, and of their tags.
LPO_CONTENT_MODELS = [
    "guidance.Source",
    "guidance.Page",
    "guidance.Tool",
    "interventions.Criterion",
    "interventions.Tag",
    "interventions.Intervention",
    "interventions.Fact",
    "interventions.FactSource",
]
LPO_CONTENT_FIXTURES = ["handreiking", "interventions"]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Production is served over HTTPS (behind a load balancer that sets X-Forwarded-Proto): cookies never leave
# over plain HTTP and browsers are told to use HTTPS only. `make run` on 127.0.0.1 sets DJANGO_SECURE_HTTPS=false.
SECURE_HTTPS = env.bool("DJANGO_SECURE_HTTPS", default=not DEBUG)
if SECURE_HTTPS:
    if LPO_PROXY_COUNT > 0:
        # Only a proxy that is really there may say the visitor came over HTTPS.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=True)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# No inline script or style anywhere; the site itself has no script at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "lpo.log.OneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # django-axes reports every successful login at INFO; only lockouts and failures matter.
        "axes": {"level": "WARNING"},
        "django.security.DisallowedHost": {"level": "WARNING", "filters": ["one_line"]},
    },
}


def env_date(name):
    """An ISO date (2026-11-01) from the environment, or None when unset; a malformed one stops the start."""
    value = env.str(name, default="")
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a date written as YYYY-MM-DD, not {value!r}.") from error


# Who publishes this site, and what its accessibility statement says: only the organisation that runs it knows
# this. The statement, colofon and privacy pages show these values, or say plainly that they are not filled in
# yet; the admin warns while they are missing. Never a made-up default.
LPO_ORGANISATION = env.str("LPO_ORGANISATION", default="")
LPO_CONTACT_EMAIL = env.str("LPO_CONTACT_EMAIL", default="")
LPO_CONTACT_URL = env.str("LPO_CONTACT_URL", default="")
LPO_RESPONSE_DAYS = env.int("LPO_RESPONSE_DAYS", default=None)
LPO_STATEMENT_DATE = env_date("LPO_STATEMENT_DATE")
LPO_AUDIT_DATE = env_date("LPO_AUDIT_DATE")
# The status in the sense of the Dutch model statement (digitoegankelijk.nl): A (voldoet volledig) to E.
LPO_ACCESSIBILITY_STATUS = env.str("LPO_ACCESSIBILITY_STATUS", default="").upper()
if LPO_ACCESSIBILITY_STATUS not in ("", "A", "B", "C", "D", "E"):
    raise ImproperlyConfigured("LPO_ACCESSIBILITY_STATUS must be one of A, B, C, D or E (see digitoegankelijk.nl).")
