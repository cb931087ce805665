"""Binc settings: one module, every difference between environments read from the environment.

Every variable is listed in docs/configuration.md and .env.example. Development defaults are
safe; with DEBUG off the site refuses to start without its secrets and its database.
"""

import datetime
import tempfile
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is verplicht wanneer DEBUG uit staat.")
    SECRET_KEY = "development-only-insecure-key"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.postgres",
    "django_htmx",
    "mozilla_django_oidc",
    "binc",
    "dossiers",
    "registratie",
    "kwartaal",
    "groeipakket",
    "bezetting",
    "rapporten",
    "documenten",
    "api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "oauth2_provider",
    "csp",
    "binc.axes_app.AxesConfig",
]
if DEBUG:
    # The Flanders-sized dataset and the benchmarks (`make bench`): never in production.
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "lib.verzoek.VerzoekIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "binc.sessies.SessieMiddleware",
    "lib.headers.BeveiligingsheadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "binc.access.VoorzieningMiddleware",
    "lib.invoer.OngeldigeInvoerMiddleware",
    "lib.errors.ConflictMiddleware",
    # Last, as django-axes asks: it turns a lockout into the Dutch page.
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
                "binc.context_processors.binc",
                "documenten.context_processors.documenten",
            ],
        },
    },
]
FORM_RENDERER = "binc.forms.BincFormRenderer"

# --- Database -----------------------------------------------------------------------------------
if "DATABASE_URL" in env:
    DATABASES = {"default": env.db_url("DATABASE_URL")}
elif DEBUG or env.bool("BINC_EMBEDDED_DB", default=False):
    from lib.embedded_db import embedded_database_url

    embedded_dir = env.path("BINC_EMBEDDED_DB_DIR", default=BASE_DIR / ".var" / "postgres")
    DATABASES = {"default": env.db_url_config(embedded_database_url(Path(embedded_dir)))}
    # The socket directory as HOST, where libpq's tools and every process a test starts look.
    DATABASES["default"]["HOST"] = DATABASES["default"]["OPTIONS"].pop("host")
else:
    raise ImproperlyConfigured("DATABASE_URL is verplicht wanneer DEBUG uit staat.")
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A connection per worker kept for a minute: opening one per request costs PostgreSQL a backend
# process and the request a few milliseconds (measured under load, docs/performance.md); a dropped
# connection is noticed before the request uses it.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Binc's queries are short; PostgreSQL's JIT costs more to compile them than it saves (measured
# on the reports: 80 ms of a 600 ms query).
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "binc.Gebruiker"
# django-axes first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "binc:login"
LOGIN_REDIRECT_URL = "binc:kies_voorziening"
LOGOUT_REDIRECT_URL = "binc:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# OpenID Connect stands in for eHealth/itsme in production; it is on only when configured.
OIDC_ENABLED = "OIDC_RP_CLIENT_ID" in env
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.insert(1, "binc.oidc.RijksregisternummerOIDCBackend")
    OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
    OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid profile")
    OIDC_RIJKSREGISTERNUMMER_CLAIM = env.str("OIDC_RIJKSREGISTERNUMMER_CLAIM", default="rrn")
    # Accounts are provisioned by gebruikersbeheer; a login never creates one.
    OIDC_CREATE_USER = False
    # A refused login (unknown number, bad or expired token) lands on the login page again.
    LOGIN_REDIRECT_URL_FAILURE = "/aanmelden/"

# --- Language, time -----------------------------------------------------------------------------
LANGUAGE_CODE = "nl-be"
# Dutch for what Django's admin and django-axes ship untranslated (Opgroeien's screens).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("nl-be", "Nederlands")]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static files -------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / ".var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Every file Binc keeps (shared documents, reports, Groeipakket batches and answers) lives where
# every process on every host sees it: PostgreSQL by default (binc.opslag), an S3-compatible
# store through django-storages by settings (docs/production.md "Files", docs/decisions.md).
BESTANDEN_STORAGE = {
    "BACKEND": env.str("BESTANDEN_STORAGE_BACKEND", default="binc.opslag.DatabankOpslag"),
    "OPTIONS": env.json("BESTANDEN_STORAGE_OPTIONS", default={}),
}
STORAGES = {
    "default": BESTANDEN_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
    # Shared documents (000 ch. 18) are outside any URL: only the download view that checks who
    # may see them serves them. Their own alias, so they may go to a store of their own.
    "documenten": {
        "BACKEND": env.str("DOCUMENTEN_STORAGE_BACKEND", default=BESTANDEN_STORAGE["BACKEND"]),
        "OPTIONS": env.json("DOCUMENTEN_STORAGE_OPTIONS", default=BESTANDEN_STORAGE["OPTIONS"]),
    },
}
# 000 §18.1: at most 10 MB per file, enforced while the upload streams in (lib.uploads).
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "lib.uploads.BegrensdeUpload",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Security -----------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# ASVS V7: an idle limit and an absolute lifetime, checked by binc.sessies on every request.
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_SECONDS", default=SESSION_COOKIE_AGE)
# The browser warns this long before the idle limit.
SESSION_WARN_SECONDS = env.int("SESSION_WARN_SECONDS", default=5 * 60)

# ASVS V6: password guessing is throttled per account and per address (django-axes), each with
# its own limit (binc.wachtwoordpogingen): an address may be a whole organisation behind one
# gateway, so it locks only after far more failures than one account.
AXES_HANDLER = "binc.wachtwoordpogingen.AxesPerAccountEnAdres"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ADRES_LIMIT = env.int("AXES_ADRES_LIMIT", default=50)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "binc/geblokkeerd.html"
AXES_VERBOSE = False
# Behind N trusted proxies the client is read from X-Forwarded-For; otherwise it cannot be forged.
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# ASVS V3: scripts, styles and everything else from this site only; no inline code.
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
        "manifest-src": [SELF],
    }
}
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "lib.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Off only for the load test on plain http at 127.0.0.1 (bin/loadtest).
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)

# --- Mail ---------------------------------------------------------------------------------------
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@binc.example")
# Where users report problems (the accessibility statement names it).
HELPDESK_EMAIL = env.str("HELPDESK_EMAIL", default="helpdesk@binc.example")
# Where mails point users to (000 §18.1: 'via de link Ontvangen documenten op de startpagina').
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Background work ----------------------------------------------------------------------------
# Without a broker every task runs eagerly in the calling process, so `make run` needs no Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=env.str("REDIS_URL", default=""))
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
# A task whose worker process died goes back to the queue, to be done once by another.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# After this many seconds unacknowledged, Redis hands a task to another worker: a whole worker
# killed (a host lost) does not lose its task. Longer than any task runs.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
# Separate queues, so that a large report never delays the daily D227 batch or a mail; the
# compose worker serves them all, a larger installation runs a worker per queue
# (docs/production.md).
CELERY_TASK_DEFAULT_QUEUE = "binc"
# A worker started without -Q serves them all.
CELERY_TASK_QUEUES = [Queue(naam) for naam in ("binc", "rapporten", "groeipakket", "mails")]
CELERY_TASK_ROUTES = {
    "rapporten.tasks.rapport_genereren": {"queue": "rapporten"},
    "groeipakket.tasks.groeipakket_*": {"queue": "groeipakket"},
    "documenten.tasks.*mail*": {"queue": "mails"},
}
# Beat's own bookkeeping (when each job last ran) is a temporary file: the schedule itself is
# in these settings, so a new beat host starts from nothing and loses nothing.
CELERY_BEAT_SCHEDULE_FILENAME = env.str(
    "CELERY_BEAT_SCHEDULE_FILENAME",
    default=str(Path(tempfile.gettempdir()) / "binc-celerybeat-schedule"),
)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "api-webhooks": {
        "task": "api.tasks.webhooks_afleveren",
        # The change feed pushed to the subscribed endpoints; a failure waits for its backoff.
        "schedule": crontab(minute="*"),
    },
    "api-opruimen": {
        "task": "api.tasks.opruimen",
        # Kept answers (Idempotency-Key) live a day, request counts a minute.
        "schedule": crontab(minute=20),
    },
    "moduledatabank-sync": {
        "task": "binc.tasks.sync_moduledatabank",
        # 000 §4.2: changes in the moduledatabank reach Binc the next day.
        "schedule": crontab(hour=2, minute=30),
    },
    "groeipakket": {
        "task": "groeipakket.tasks.groeipakket_dagelijks",
        # 000 §4.2: Binc tells the funds every day.
        "schedule": crontab(hour=env.int("GROEIPAKKET_UUR", default=1), minute=0),
    },
    "groeipakket-herhalen": {
        "task": "groeipakket.tasks.groeipakket_afleveren",
        # Messages whose delivery failed for a moment are tried again through the day.
        "schedule": crontab(minute="*/15"),
    },
    "rapporten-opruimen": {
        "task": "rapporten.tasks.verlopen_verwijderen",
        # 000 §17.1: requested reports stay in the list for 7 days; checked hourly.
        "schedule": crontab(minute=5),
    },
    "documenten-mails": {
        "task": "documenten.tasks.openstaande_mails_verzenden",
        # A notification that failed is tried again; the share itself never waits for it.
        "schedule": crontab(minute="*/15"),
    },
    "documenten-opruimen": {
        "task": "documenten.tasks.verlopen_opruimen",
        # 000 §18: shared documents are available at most 30 days; checked hourly.
        "schedule": crontab(minute=10),
    },
    "kwartaalstaten": {
        "task": "kwartaal.tasks.kwartaalstaten_bijwerken",
        # 000 §12: a new quarter's kwartaalstaat exists from its first day.
        "schedule": crontab(hour=0, minute=15),
    },
}

# The Groeipakket feed (D227, docs/groeipakket.md): "lokaal" writes batch files and reads answer
# files; "ksz" posts each message to the funds' endpoint with a client certificate.
GROEIPAKKET_BACKEND = env.str("GROEIPAKKET_BACKEND", default="lokaal")
if GROEIPAKKET_BACKEND not in {"lokaal", "ksz"}:
    raise ImproperlyConfigured("GROEIPAKKET_BACKEND is 'lokaal' of 'ksz'.")
GROEIPAKKET_URL = env.str("GROEIPAKKET_URL", default="")
if GROEIPAKKET_BACKEND == "ksz" and not GROEIPAKKET_URL:
    raise ImproperlyConfigured("GROEIPAKKET_URL is verplicht met GROEIPAKKET_BACKEND=ksz.")
GROEIPAKKET_CERT_FILE = env.str("GROEIPAKKET_CERT_FILE", default="")
GROEIPAKKET_KEY_FILE = env.str("GROEIPAKKET_KEY_FILE", default="")
GROEIPAKKET_UITGAAND = env.str(
    "GROEIPAKKET_UITGAAND", default=str(BASE_DIR / ".var" / "groeipakket" / "uitgaand")
)
GROEIPAKKET_ANTWOORDEN = env.str(
    "GROEIPAKKET_ANTWOORDEN", default=str(BASE_DIR / ".var" / "groeipakket" / "antwoorden")
)
# Transient failures are retried with a doubling pause, at most this many times.
GROEIPAKKET_MAX_POGINGEN = env.int("GROEIPAKKET_MAX_POGINGEN", default=8)

# The moduledatabank drops its nightly export here (an XML file, see docs/moduledatabank.md).
MODULEDATABANK_FEED_PATH = env.str("MODULEDATABANK_FEED_PATH", default="")

# The national register: "lokaal" (the local stand-in table) or "ksz" (the real service).
RIJKSREGISTER_BACKEND = env.str("RIJKSREGISTER_BACKEND", default="lokaal")
if RIJKSREGISTER_BACKEND not in {"lokaal", "ksz"}:
    raise ImproperlyConfigured("RIJKSREGISTER_BACKEND is 'lokaal' of 'ksz'.")
KSZ_URL = env.str("KSZ_URL", default="")
KSZ_CERT_FILE = env.str("KSZ_CERT_FILE", default="")
KSZ_KEY_FILE = env.str("KSZ_KEY_FILE", default="")
if RIJKSREGISTER_BACKEND == "ksz" and not KSZ_URL:
    raise ImproperlyConfigured("KSZ_URL is verplicht met RIJKSREGISTER_BACKEND=ksz.")

# The registration API's settings (REST framework, OAuth2, OpenAPI, rate limit) and the log
# (one line per event, with the request's id).
from config.settings.api import *  # noqa: E402, F403
from config.settings.logboek import *  # noqa: E402, F403
