"""Production settings. Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL.

Without them Lontar refuses to start with a one-line message (no traceback), so a
mistyped deployment fails loudly instead of running with unsafe defaults.
"""

import os

_REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
_missing = [name for name in _REQUIRED if not os.environ.get(name, "").strip()]
if _missing:
    raise SystemExit(
        "Lontar (produksi) tidak dapat dijalankan: variabel lingkungan wajib belum diisi: " + ", ".join(_missing)
    )

from .base import *  # noqa: E402,F403
from .base import REDIS_URL, env  # noqa: E402

DEBUG = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS: TLS ends at the reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its preview views SAMEORIGIN itself

if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
