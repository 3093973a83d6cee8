"""Settings shared by every environment.

Every value an operator may change is read from an environment variable through
`env` (django-environ: typed parsing, clear errors). The table of variables is in
README.md ("Pengaturan produksi").
"""

from pathlib import Path
from typing import Any

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parent.parent.parent  # site/
BASE_DIR = SITE_DIR.parent  # repository root

env = environ.Env()

DATA_DIR = Path(env.str("LONTAR_DATA_DIR", default=str(BASE_DIR / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)  # SQLite, media and the local broker live here

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Lontar
    "lontar",
    "organisasi",
    "publik",
    "ppid",
    "templates_surat",
    "naskah",
    "search",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.api.v2",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django and third parties
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # sitemap.xml template (wagtail.contrib.sitemaps)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lontar.middleware.BahasaMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lontar.middleware.PermintaanMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lontar.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "lontar.wsgi.application"

# --- Database -----------------------------------------------------------------
# DATABASE_URL (e.g. postgres://user:pass@host:5432/lontar); the embedded default
# is SQLite in LONTAR_DATA_DIR.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'lontar.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web + worker write to the same file: WAL, IMMEDIATE transactions and a
    # generous busy timeout keep "database is locked" away.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lontar",
        }
    }
else:
    # No server: a folder every process shares (web workers, Celery), so a publish purges
    # the public page cache everywhere and TTE/PPID limits count across processes.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# --- Authentication ---------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Error reports mask passphrase fields (TTE) besides Django's usual secrets.
DEFAULT_EXCEPTION_REPORTER_FILTER = "lontar.laporan.FilterLaporanGalat"

# --- Internationalisation ----------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("Inggris"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

# --- Static and media files ----------------------------------------------------------
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- E-mail --------------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS", False))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL", False))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Lontar <lontar@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("LONTAR_NAMA_SITUS", default="Lontar")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# No background autosave in the page editor: letters and templates are saved explicitly (each
# save is a revision in their history), and an autosave request racing a manual save was seen
# to store the older form state (a chosen penandatangan lost).
WAGTAIL_AUTOSAVE_INTERVAL = 0

# --- Lontar search (search/) -------------------------------------------------------------
# database: no server (SQLite FTS5 / PostgreSQL full text); elasticsearch: Elasticsearch 8/9
# or OpenSearch at LONTAR_SEARCH_URL through elasticsearch.dsl. The database index is always
# kept too: it answers (with a notice) while the engine is down.
LONTAR_SEARCH_BACKEND = env.str("LONTAR_SEARCH_BACKEND", default="database")
LONTAR_SEARCH_URL = env.str("LONTAR_SEARCH_URL", default="http://127.0.0.1:9200")
LONTAR_SEARCH_PREFIX = env.str("LONTAR_SEARCH_PREFIX", default="lontar")
LONTAR_SEARCH_ANALYZER = env.str("LONTAR_SEARCH_ANALYZER", default="indonesian")
LONTAR_SEARCH_TIMEOUT = env.float("LONTAR_SEARCH_TIMEOUT", default=5.0)
# Dotted path of an elastic_transport node class (tests use one that speaks plain JSON to
# OpenSearch-API servers); empty = the client's default.
LONTAR_SEARCH_NODE_CLASS = env.str("LONTAR_SEARCH_NODE_CLASS", default="")
# Wagtail's own page search (the public site's search box, the admin page explorer) follows
# the same setting.
WAGTAILSEARCH_BACKENDS: dict[str, dict[str, Any]] = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if LONTAR_SEARCH_BACKEND == "elasticsearch":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [LONTAR_SEARCH_URL],
            "INDEX": f"{LONTAR_SEARCH_PREFIX}-wagtail",
            "TIMEOUT": int(LONTAR_SEARCH_TIMEOUT) or 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no calls to outside services from a Pemda server
# A letter whose last approval task is approved is signed (number, final PDF, TTE), not just published.
WAGTAIL_FINISH_WORKFLOW_ACTION = "naskah.alur_selesai.selesai"
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True

# --- Celery ------------------------------------------------------------------------------
# A broker is optional: without CELERY_BROKER_URL/REDIS_URL, Celery uses kombu's
# filesystem transport in LONTAR_DATA_DIR (no server to run).
CELERY_DATA_DIR = DATA_DIR / "celery"
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or REDIS_URL or "filesystem://"
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = CELERY_DATA_DIR / "queue"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(CELERY_DATA_DIR / "processed"),
        "control_folder": str(CELERY_DATA_DIR / "control"),
        "store_processed": False,
        "polling_interval": 0.1,
    }
CELERY_RESULT_BACKEND = env.str(
    "CELERY_RESULT_BACKEND",
    default=REDIS_URL or f"file://{CELERY_DATA_DIR / 'results'}",
)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True  # a worker killed mid-task leaves the message queued
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(CELERY_DATA_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "terbitkan-halaman-terjadwal": {
        "task": "publik.tasks.terbitkan_terjadwal",
        "schedule": 60.0,
    },
    "antrean-tte": {
        "task": "naskah.tasks.proses_antrian_tte",
        "schedule": 60.0,
    },
    # Disposition reminders (due next working day) and overdue notices: hourly in office hours
    # (TIME_ZONE), so e-mails do not go out at night; idempotent, later runs of a day only catch
    # dispositions given since the last run.
    "pengingat-disposisi": {
        "task": "naskah.tasks.ingatkan_disposisi",
        "schedule": crontab(minute=0, hour="7-17"),
    },
    # PPID confirmation e-mails whose first attempt failed (SMTP or broker down).
    "ppid-email-tertunda": {
        "task": "ppid.tasks.kirim_email_tertunda",
        "schedule": 600.0,
    },
}

# --- REST API (/api/v1/) ----------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: a request without credentials gets 401 + WWW-Authenticate, not 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lontar API",
    "DESCRIPTION": "API naskah dinas keluar: template, jabatan, konsep, persetujuan, unduhan.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["lontar.api.hanya_api_v1"],  # not Wagtail's /admin/api/
    # Swagger UI assets served from our own static files (no CDN).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Lontar ------------------------------------------------------------------------------
LONTAR_DEMO_PASSWORD = env.str("LONTAR_DEMO_PASSWORD", default="lontar-demo-2026")
# Public page cache (publik.cache): seconds a page is kept (purged on publish anyway), and
# the max-age sent to browsers and reverse proxies (not purged, so short).
LONTAR_CACHE_PUBLIK_DETIK = env.int("LONTAR_CACHE_PUBLIK_DETIK", default=600)
LONTAR_CACHE_PUBLIK_PROKSI_DETIK = env.int("LONTAR_CACHE_PUBLIK_PROKSI_DETIK", default=60)

# --- Electronic signature (TTE) ---------------------------------------------------------
# Signer: "lokal" (PAdES with the CA Lontar creates: `manage.py buat_ca`), "bsre" (remote
# BSrE-style service at LONTAR_BSRE_URL), "stempel" (visible approval stamp only, no
# cryptography), or a dotted path to a naskah.penanda.Penanda. An administrator can switch
# to "lokal" at run time (Pengaturan → Pengaturan TTE).
LONTAR_PENANDA = env.str("LONTAR_PENANDA", default="lokal")
# Base URL of the public site, printed in the QR code of every signed letter.
LONTAR_URL_PUBLIK = env.str("LONTAR_URL_PUBLIK", default=WAGTAILADMIN_BASE_URL).rstrip("/")
# Encrypts the local CA's private key; derived from SECRET_KEY when empty.
LONTAR_TTE_KUNCI_CA = env.str("LONTAR_TTE_KUNCI_CA", default="")
# RFC 3161 timestamp server: signatures become PAdES B-T when set (B-B otherwise).
LONTAR_TTE_TSA_URL = env.str("LONTAR_TTE_TSA_URL", default="")
# Minutes the passphrase is held (encrypted) while a letter waits for its signature.
LONTAR_TTE_TITIPAN_MENIT = env.int("LONTAR_TTE_TITIPAN_MENIT", default=30)
# Wrong passphrases allowed per official in 15 minutes before signing is paused.
LONTAR_TTE_BATAS_PERCOBAAN = env.int("LONTAR_TTE_BATAS_PERCOBAAN", default=5)
# Largest PDF accepted by the public verification upload.
LONTAR_TTE_BATAS_UNGGAH_MB = env.int("LONTAR_TTE_BATAS_UNGGAH_MB", default=20)
# Extra trusted root certificates for the public verification page (PEM file paths,
# comma-separated, e.g. the BSrE root); Lontar's own CA certificates are always trusted.
LONTAR_TTE_AKAR_TEPERCAYA = env.list("LONTAR_TTE_AKAR_TEPERCAYA", default=[])
# Remote signer (BSrE-style API, see docs/tte-bsre.md).
LONTAR_BSRE_URL = env.str("LONTAR_BSRE_URL", default="http://127.0.0.1:8310").rstrip("/")
LONTAR_BSRE_USER = env.str("LONTAR_BSRE_USER", default="lontar")
LONTAR_BSRE_PASSWORD = env.str("LONTAR_BSRE_PASSWORD", default="")
LONTAR_BSRE_TIMEOUT = env.float("LONTAR_BSRE_TIMEOUT", default=30.0)
# Circuit breaker: after this many failures in a row, calls stop for LONTAR_BSRE_JEDA seconds.
LONTAR_BSRE_BATAS_GAGAL = env.int("LONTAR_BSRE_BATAS_GAGAL", default=5)
LONTAR_BSRE_JEDA = env.int("LONTAR_BSRE_JEDA", default=60)
# Non-working days besides Saturday and Sunday, as ISO dates (organisasi.hari_kerja): national
# holidays and cuti bersama. The default is 2026 per SKB Menteri Agama, Menaker and MenPANRB
# No. 1497, 2 and 5 Tahun 2025 (17 libur nasional, 8 cuti bersama). Each year — and for regional
# holidays — set LONTAR_HARI_LIBUR (comma-separated, e.g. "2027-01-01,2027-03-20"); the variable
# replaces this list, so include every date still needed. Used by disposition reminders and
# PPID deadlines.
LONTAR_HARI_LIBUR = env.list(
    "LONTAR_HARI_LIBUR",
    default=[
        "2026-01-01",  # Tahun Baru Masehi
        "2026-01-16",  # Isra Mikraj
        "2026-02-16",  # cuti bersama Imlek
        "2026-02-17",  # Tahun Baru Imlek 2577
        "2026-03-18",  # cuti bersama Nyepi
        "2026-03-19",  # Nyepi, Tahun Baru Saka 1948
        "2026-03-20",  # cuti bersama Idulfitri
        "2026-03-21",  # Idulfitri 1447 H
        "2026-03-22",  # Idulfitri 1447 H
        "2026-03-23",  # cuti bersama Idulfitri
        "2026-03-24",  # cuti bersama Idulfitri
        "2026-04-03",  # Wafat Yesus Kristus
        "2026-04-05",  # Paskah
        "2026-05-01",  # Hari Buruh
        "2026-05-14",  # Kenaikan Yesus Kristus
        "2026-05-15",  # cuti bersama Kenaikan Yesus Kristus
        "2026-05-27",  # Iduladha 1447 H
        "2026-05-28",  # cuti bersama Iduladha
        "2026-05-31",  # Waisak 2570 BE
        "2026-06-01",  # Hari Lahir Pancasila
        "2026-06-16",  # Tahun Baru Islam 1448 H
        "2026-08-17",  # Hari Kemerdekaan
        "2026-08-25",  # Maulid Nabi Muhammad
        "2026-12-24",  # cuti bersama Natal
        "2026-12-25",  # Natal
    ],
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
