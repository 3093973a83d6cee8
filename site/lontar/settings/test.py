"""Test settings: DATABASE_URL/REDIS_URL from the environment when set (CI points
them at PostgreSQL and Redis), SQLite and the filesystem broker otherwise."""

import os
import tempfile
from pathlib import Path

# Keep the local broker's folders and any file the tests write out of the checkout.
os.environ.setdefault("LONTAR_DATA_DIR", tempfile.mkdtemp(prefix="lontar-test-"))

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, STATIC_ROOT, env

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105 - test settings only
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lontar-test-media-"))
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # A file, not memory: concurrency tests fork processes that must share the test database.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(os.environ["LONTAR_DATA_DIR"], "test.sqlite3")}
if not REDIS_URL:  # one process: memory is enough and isolated per run
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Letter-flow tests sign with the stamp (no passphrase); tests/tte/ switch to "lokal" / "bsre".
LONTAR_PENANDA = "stempel"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise looks here even when DEBUG serves from finders
