"""Settings for cyberregions, read from the environment.

Safe defaults let a fresh clone run with SQLite under ``var/`` for development (``DEBUG`` on,
a development key). ``CYBERREGIONS_PRODUCTION=1`` is the one production switch: ``DEBUG`` off,
secure cookies, HSTS, the https redirect and hashed static files. Whenever ``DEBUG`` is off,
with the switch or without it, the settings refuse to load without a ``SECRET_KEY`` of the
site's own; with the switch on they refuse ``DEBUG`` on.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("CYBERREGIONS_HOME", BASE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("CYBERREGIONS_VAR", PROJECT_DIR / "var"))


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)

PRODUCTION = env_bool("CYBERREGIONS_PRODUCTION", False)
# DEBUG follows the production switch unless set; Django's test runners turn it off anyway.
DEBUG = env_bool("DEBUG", not PRODUCTION)
TESTING = env_bool("CYBERREGIONS_TESTING", False)
_DEV_SECRET = "insecure-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY") or _DEV_SECRET
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when CYBERREGIONS_PRODUCTION is on.")
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    # Sessions, password-reset links and signed values are forged with a published key.
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a secret of the site's own whenever DEBUG is off "
        "(CYBERREGIONS_PRODUCTION=1 turns DEBUG off)."
    )

LOCAL_HOSTS = ["127.0.0.1", "localhost", "testserver", "[::1]"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", LOCAL_HOSTS)
if DEBUG and "DEBUG" not in os.environ and set(ALLOWED_HOSTS) - set(LOCAL_HOSTS):
    # A public host name with DEBUG on only by default: a deployment that forgot the switch
    # would show settings and stack traces to anyone. DEBUG=1 says it is meant.
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS names a public host: set CYBERREGIONS_PRODUCTION=1 (and SECRET_KEY), "
        "or DEBUG=1 if a development server is really meant to answer there."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's assets for /api/docs/, from PyPI, never a CDN
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "cyberregions.core",
    "cyberregions.accounts",
    "cyberregions.geo",
    "cyberregions.taxonomy",
    "cyberregions.organisations",
    "cyberregions.analysis",
    "cyberregions.practices",
    "cyberregions.plans",
    "cyberregions.events",
    "cyberregions.matching",
    "cyberregions.gethelp",
    "cyberregions.home",
    "cyberregions.skills",
    "cyberregions.search",
    "cyberregions.dataio",
    "cyberregions.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (sessions, CSRF): refuses oversized bodies and file
    # parts sent to views that take none.
    "cyberregions.core.security.RequestLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: both tell the person why they were sent elsewhere.
    "cyberregions.accounts.middleware.IdleSessionTimeoutMiddleware",
    "cyberregions.accounts.middleware.RequiredMfaMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cyberregions.core.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "cyberregions.urls"
WSGI_APPLICATION = "cyberregions.wsgi.application"

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
                "cyberregions.core.context_processors.navigation",
            ],
        },
    }
]

DEFAULT_SQLITE_PATH = VAR_DIR / "cyberregions.sqlite3"
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE_PATH}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers continue while a writer works; the busy timeout makes a second
        # writer wait instead of failing at once; IMMEDIATE avoids upgrade deadlocks.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 10,
    }
PG_RANDOM_PAGE_COST = env_str("PG_RANDOM_PAGE_COST", "1.1")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and PG_RANDOM_PAGE_COST:
    # The atlas and analysis queries are written for index access to data that lives in
    # memory or on SSD; PostgreSQL's default random_page_cost (4, for spinning disks) makes the
    # planner merge whole tag indexes instead. Set per session, so no server change is needed;
    # an empty value leaves it to the server (poolers such as PgBouncer refuse the option).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={float(PG_RANDOM_PAGE_COST)}"
    )
if env_str("TEST_DATABASE_NAME"):
    # A name of its own per test run, so that two runs on one server never share a database.
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# Where login lands (unless ?next= says otherwise): the start page of one's roles.
LOGIN_REDIRECT_URL = "home:me"
LOGOUT_REDIRECT_URL = "home"
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]

# Accounts: django-allauth (sign-up, e-mail verification, login, reset, rate limits, MFA).
ACCOUNT_ADAPTER = "cyberregions.accounts.adapter.PlatformAccountAdapter"
ACCOUNT_FORMS = {"login": "cyberregions.accounts.forms.PlatformLoginForm"}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the address in the browser that signed up logs in: sign-up takes three screens.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = None  # the person chooses: "remember me" on the login form
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[cyberregions] "
ACCOUNT_PREVENT_ENUMERATION = True
# Failed logins: per address and per account *from that address*, so that a stranger's
# guesses never lock the owner out where they usually log in; and per account from addresses
# it has never logged in from, so that guesses spread over many addresses still stop.
LOGIN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS = env_int("LOGIN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS", 5)
LOGIN_ATTEMPTS_PER_ADDRESS = env_int("LOGIN_ATTEMPTS_PER_ADDRESS", 20)
LOGIN_ATTEMPTS_PER_ACCOUNT_FROM_NEW_ADDRESSES = env_int(
    "LOGIN_ATTEMPTS_PER_ACCOUNT_FROM_NEW_ADDRESSES", 10
)
LOGIN_ATTEMPTS_WINDOW_SECONDS = env_int("LOGIN_ATTEMPTS_WINDOW_SECONDS", 900)
KNOWN_LOGIN_ADDRESS_DAYS = env_int("KNOWN_LOGIN_ADDRESS_DAYS", 90)
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{LOGIN_ATTEMPTS_PER_ADDRESS}/{LOGIN_ATTEMPTS_WINDOW_SECONDS}s/ip,"
        f"{LOGIN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS}/{LOGIN_ATTEMPTS_WINDOW_SECONDS}s/key"
    ),
    "login_failed_account": (
        f"{LOGIN_ATTEMPTS_PER_ACCOUNT_FROM_NEW_ADDRESSES}/{LOGIN_ATTEMPTS_WINDOW_SECONDS}s/key"
    ),
    "login": "30/m/ip",
    "signup": env_str("RATE_LIMIT_SIGNUP", "10/h/ip"),
    "reset_password": env_str("RATE_LIMIT_PASSWORD_RESET", "10/h/ip,3/h/key"),
    "reset_password_from_key": "20/h/ip",
    "confirm_email": "1/3m/key,10/h/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
# The client's address: the connection's, or the one named by the trusted proxies in front
# (the same NUM_PROXIES the API's rate limits use), or a header the proxy sets.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("NUM_PROXIES", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER") or None
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_ADAPTER = "cyberregions.accounts.mfa_adapter.PlatformMFAAdapter"
MFA_ENCRYPTION_KEY = env_str("MFA_ENCRYPTION_KEY")  # a Fernet key; derived from SECRET_KEY if empty
MFA_TOTP_ISSUER = "cyberregions"
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
# Administrators, programme staff and coordinators must set up a second factor before
# anything else (on in production unless said otherwise; off in the demo).
MFA_REQUIRED_FOR_ROLES = env_bool("MFA_REQUIRED_FOR_ROLES", PRODUCTION)
# Sessions are recorded (address, browser) at login; tracking every request would make each
# page a database write.
USERSESSIONS_TRACK_ACTIVITY = False
# Sessions end after this long without a request; sooner for staff and coordinators.
SESSION_IDLE_TIMEOUT_SECONDS = env_int("SESSION_IDLE_TIMEOUT_SECONDS", 8 * 3600)
SESSION_IDLE_TIMEOUT_PRIVILEGED_SECONDS = env_int("SESSION_IDLE_TIMEOUT_PRIVILEGED_SECONDS", 1800)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 14 * 24 * 3600)  # with "remember me"

LANGUAGE_CODE = "en"
# English and French first; then the languages of the other partner regions.
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("et", _("Estonian")),
    ("it", _("Italian")),
    ("nl", _("Dutch")),
    ("sk", _("Slovak")),
    ("sl", _("Slovenian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# European dates in every language: English in European order (cyberregions/formats/en),
# Estonian and Slovenian completed where Django leaves American defaults (formats/et, sl).
FORMAT_MODULE_PATH = ["cyberregions.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES_DIR = Path(env_str("NODE_MODULES_DIR", str(PROJECT_DIR / "node_modules")))
# Front-end packages are installed from npm and served from node_modules, never copied.
VENDOR_PACKAGES = {
    "bootstrap": "bootstrap/dist",
    "htmx": "htmx.org/dist",
    "echarts": "echarts/dist",
    "world-atlas": "world-atlas",
    "topojson-client": "topojson-client/dist",
}
STATICFILES_DIRS = [BASE_DIR / "static"] + [
    (f"vendor/{name}", NODE_MODULES_DIR / path)
    for name, path in VENDOR_PACKAGES.items()
    if (NODE_MODULES_DIR / path).exists()
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = VAR_DIR / "media"

CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL.startswith("redis://"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks (django-tasks, the backport of Django 6's Tasks API). The database backend
# needs nothing beyond the database the site already has; RQ on Redis is the scale-out.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate" if TESTING else "database")
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
TASK_BACKENDS = {
    # Tests run tasks inside the request that enqueues them, so the existing view tests keep
    # seeing the task's effect without a worker; tests of the worker itself pick "database".
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": env_int("RQ_JOB_TIMEOUT", 1800)}}
# A run still "running" this long after its last sign of life has lost its worker.
TASK_RUN_STALE_SECONDS = env_int("TASK_RUN_STALE_SECONDS", 1800)

# How long personal data is kept (docs/privacy.md), in days; 0 keeps it. The daily periodic job
# (core.privacy.purge_personal_data) applies them.
NOTIFICATION_RETENTION_DAYS = env_int("NOTIFICATION_RETENTION_DAYS", 365)
TASK_RUN_RETENTION_DAYS = env_int("TASK_RUN_RETENTION_DAYS", 90)
# Audit entries keep the fact for ever; their personal values (names, addresses, messages) go.
AUDIT_PERSONAL_RETENTION_DAYS = env_int("AUDIT_PERSONAL_RETENTION_DAYS", 730)
# An account nobody has logged into for this long is erased like on its owner's request.
INACTIVE_ACCOUNT_RETENTION_DAYS = env_int("INACTIVE_ACCOUNT_RETENTION_DAYS", 1095)

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "cyberregions <no-reply@localhost>")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "cyberregions.core.security.csrf_failure"  # JSON under /api/
# Request size limits (see cyberregions.core.security and docs/deployment.md; the reverse
# proxy's client_max_body_size should match REQUEST_MAX_BODY_BYTES). The largest body of all:
# an import file (25 MB) with its form around it.
REQUEST_MAX_BODY_BYTES = env_int("REQUEST_MAX_BODY_BYTES", 30 * 1024 * 1024)
# Form fields and API bodies without their files; also the whole body of a multipart request
# to a view that takes no file.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 2000)
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("DATA_UPLOAD_MAX_NUMBER_FILES", 10)
# An uploaded file larger than this goes to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)

# Requests per period (DRF's notation) for visitors per address and users per account; see
# cyberregions.core.throttles. The test suite sends every request from one address, so it runs
# with generous limits, and the rate-limit tests put the configured ones back.
CONFIGURED_RATE_LIMITS = {
    "anon": env_str("RATE_LIMIT_ANON", "120/minute"),
    "user": env_str("RATE_LIMIT_USER", "1200/minute"),
    "export_anon": env_str("RATE_LIMIT_EXPORT_ANON", "20/hour"),
}
RATE_LIMITS = (
    dict.fromkeys(CONFIGURED_RATE_LIMITS, "100000/minute") if TESTING else CONFIGURED_RATE_LIMITS
)
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "cyberregions.core.openapi.PlatformAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "cyberregions.accounts.api_tokens.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["cyberregions.core.permissions.ApiPermission"],
    "DEFAULT_FILTER_BACKENDS": ["cyberregions.core.filtering.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "cyberregions.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "cyberregions.core.throttles.AnonymousApiRateLimit",
        "cyberregions.core.throttles.UserApiRateLimit",
    ],
    "DEFAULT_THROTTLE_RATES": RATE_LIMITS,
    # Proxies in front of the app servers whose X-Forwarded-For is trusted (0: the address
    # of the connection itself, which a client cannot forge).
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "cyberregions API",
    "DESCRIPTION": "Open API of the cyberregions platform for European cybersecurity ecosystems.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # The refusals (400, 401, 403, 404, 413, 415, 429) every operation may answer.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cyberregions.core.openapi.document_error_responses",
        "cyberregions.core.openapi.document_number_filter_bounds",
        "cyberregions.core.openapi.document_empty_filter_values",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint's font subsetting logs every table it prunes, a hundred lines a PDF.
        "fontTools": {"level": "WARNING"},
    },
}
