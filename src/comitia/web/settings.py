"""Django settings, all read from the environment so one build serves every deployment.

Safe by default: DEBUG is off unless ``COMITIA_DEBUG`` says otherwise, and a secret key must be
given unless DEBUG is on. ``DATABASE_URL`` selects the database (``sqlite:///PATH`` or
``postgres://...``); without it an SQLite file in the working directory is used. Every
``*_FILE`` variant of a secret is read from that file, for container secrets.
"""

from __future__ import annotations

import os
import secrets
from ipaddress import IPv4Network, IPv6Network
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from comitia.web.access.addresses import parse_networks

BASE_DIR = Path(__file__).resolve().parent


def _env(name: str, default: str | None = None) -> str | None:
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


DEBUG = _env_bool("COMITIA_DEBUG", False)

# Commands that never serve a page (load, dump, tests) need no lasting key; serving does, and
# ``comitia serve`` refuses to start with an ephemeral one unless DEBUG is on.
SECRET_KEY = _env("COMITIA_SECRET_KEY") or ""
SECRET_KEY_IS_EPHEMERAL = not SECRET_KEY
if SECRET_KEY_IS_EPHEMERAL:
    SECRET_KEY = secrets.token_urlsafe(50)

ALLOWED_HOSTS = [h.strip() for h in (_env("COMITIA_ALLOWED_HOSTS") or "").split(",") if h.strip()]
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "comitia.web.levels",
    "comitia.web.documents",
    "comitia.web.plans",
    "comitia.web.home",
    "comitia.web.calendar",
    "comitia.web.checks",
    "comitia.web.budget",
    "comitia.web.access",
    "comitia.web.publication",
    "comitia.web.suggestions",
    "comitia.web.reports",
    "comitia.web.negotiation",
    "comitia.web.api",
    "comitia.web.search",
    "django_tasks",
    "django_tasks_db",
]

# Documents are printed by a worker (``comitia worker``), queued in the database: no broker to
# run, on SQLite as on PostgreSQL. COMITIA_TASKS_BACKEND=immediate prints in the request that
# asks (tests); COMITIA_PRINT_AHEAD=0 prints only what is asked for, not every document of a
# plan when it changes.
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[_env("COMITIA_TASKS_BACKEND") or "database"],
        "QUEUES": ["default", "printing"],
    }
}
COMITIA_PRINT_AHEAD = _env_bool("COMITIA_PRINT_AHEAD", True)

MIDDLEWARE = [
    # The public's kept answers, before the sessions, the language, the term and the access
    # rules are read, and kept with every header the rest adds (security headers included):
    # the WSGI application sends them as they are, in front of Django (see comitia.web.front).
    "comitia.web.responses.PublicAnswerMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "comitia.web.access.tokens.TokenMiddleware",  # before AccessMiddleware asks about the user
    # A hidden term answers 404 before the route's policy is asked about it.
    "comitia.web.publication.middleware.TermMiddleware",
    "comitia.web.access.middleware.AccessMiddleware",
    "comitia.web.responses.ReaderAnswerMiddleware",
    "comitia.web.access.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "comitia.web.urls"
WSGI_APPLICATION = "comitia.web.wsgi.application"

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
                "comitia.web.access.context.abilities",
            ],
        },
    },
]

DATABASE_URL = _env("DATABASE_URL") or f"sqlite:///{Path.cwd() / 'comitia.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The same backend, knowing this SQLite's real limit on query parameters.
    DATABASES["default"]["ENGINE"] = "comitia.web.sqlite"
    # WAL lets readers go on while a plan is being loaded; the transaction mode avoids
    # "database is locked" errors when two writers start at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # Each server thread keeps its connection, as on PostgreSQL: opening one and running the
    # pragmas above cost some 2 ms, more than a page kept for the public costs to send.
    DATABASES["default"]["CONN_MAX_AGE"] = 60
# Tests on SQLite use a database in memory, one per test process (pytest-django names each
# worker's database itself only for Django's own SQLite backend, not for ours).
_IN_MEMORY = ":memory:" if DATABASES["default"]["ENGINE"] == "comitia.web.sqlite" else None
DATABASES["default"]["TEST"] = {"NAME": _env("COMITIA_TEST_DATABASE") or _IN_MEMORY}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first: new and re-entered passwords are hashed with it, older hashes still verify.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pt", "Português"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "America/New_York"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(_env("COMITIA_STATIC_ROOT") or Path.cwd() / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SESSION_COOKIE_SECURE = _env_bool("COMITIA_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


# Uploaded files (member states' reports): kept by the default storage in this folder, which
# no URL serves; only the views that check who may see a file hand it out.
MEDIA_ROOT = Path(_env("COMITIA_MEDIA_ROOT") or Path.cwd() / "comitia-media")
COMITIA_MAX_REPORT_BYTES = _env_int("COMITIA_MAX_REPORT_BYTES", 10 * 1024 * 1024)
# The files of the documents an agenda item discusses (PDF, DOCX), kept in the same folder.
COMITIA_MAX_AGENDA_FILE_BYTES = _env_int("COMITIA_MAX_AGENDA_FILE_BYTES", 20 * 1024 * 1024)

# HTTPS: HSTS for a year unless told otherwise (0 turns it off); redirect to HTTPS when the
# proxy in front does not; trust the proxy's X-Forwarded-Proto only when told to.
SECURE_HSTS_SECONDS = 0 if DEBUG else _env_int("COMITIA_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("COMITIA_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _env_bool("COMITIA_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = _env_bool("COMITIA_SSL_REDIRECT", False)
if _env_bool("COMITIA_BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in (_env("COMITIA_CSRF_TRUSTED_ORIGINS") or "").split(",") if o.strip()
]
# Sessions end after COMITIA_SESSION_SECONDS (8 hours) and when the browser closes.
SESSION_COOKIE_AGE = _env_int("COMITIA_SESSION_SECONDS", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
# Pages use their own stylesheets and no script of their own; inline styles are the printed
# document's stylesheet and the agenda editor's indentation.
COMITIA_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Sign-in: this many failures for one user name from one address lock it for the window.
COMITIA_LOGIN_FAILURES = _env_int("COMITIA_LOGIN_FAILURES", 5)
COMITIA_LOGIN_WINDOW = _env_int("COMITIA_LOGIN_WINDOW", 900)


def _env_networks(name: str) -> tuple[IPv4Network | IPv6Network, ...]:
    try:
        return parse_networks(_env(name) or "")
    except ValueError as error:
        raise ImproperlyConfigured(
            f"{name} must list IP addresses and networks such as 10.0.0.5, 10.0.0.0/8 or "
            f"2001:db8::/32, separated by commas: {error}"
        ) from None


# Behind a reverse proxy: the header in which it passes the client's address (such as
# X-Forwarded-For), believed only on connections from the proxies listed (addresses and
# networks); both or neither, off by default (see access/addresses.py and throttle.py).
COMITIA_CLIENT_ADDRESS_HEADER = (_env("COMITIA_CLIENT_ADDRESS_HEADER") or "").strip()
COMITIA_TRUSTED_PROXIES = _env_networks("COMITIA_TRUSTED_PROXIES")
if COMITIA_CLIENT_ADDRESS_HEADER and not COMITIA_TRUSTED_PROXIES:
    raise ImproperlyConfigured(
        "COMITIA_CLIENT_ADDRESS_HEADER is set but COMITIA_TRUSTED_PROXIES is not: list the "
        "addresses of the proxies that set the header (it is believed from no one else)"
    )
if COMITIA_TRUSTED_PROXIES and not COMITIA_CLIENT_ADDRESS_HEADER:
    raise ImproperlyConfigured(
        "COMITIA_TRUSTED_PROXIES is set but COMITIA_CLIENT_ADDRESS_HEADER is not: name the "
        "header in which the proxies pass the client's address, such as X-Forwarded-For"
    )


def cache_settings(url: str, database: dict[str, object]) -> dict[str, dict[str, object]]:
    """Django's cache from ``COMITIA_CACHE_URL``: ``redis://HOST:PORT/DB`` (or ``rediss://``)
    for Django's Redis backend (``comitia.web.rediscache``), ``file:///PATH`` for a folder of
    files; unset, a folder beside an SQLite database (``comitia-cache``), or in the working
    directory.

    The default is a file cache because it must be shared by every process on the machine
    (the sign-in counters, the feeds, the pages): a process's own memory is not, and a
    database cache on SQLite would make every cached answer a write competing with the real
    writes for SQLite's single writer lock.
    """
    if url.startswith(("redis://", "rediss://")):
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018 (raises for a port that is not a number)
        except ValueError:
            raise ImproperlyConfigured(f"COMITIA_CACHE_URL has a bad port: {url!r}") from None
        if not parts.hostname or (parts.path.strip("/") and not parts.path.strip("/").isdigit()):
            raise ImproperlyConfigured(
                f"COMITIA_CACHE_URL must be redis://HOST:PORT/DB (DB a number), not {url!r}"
            )
        # Django's Redis backend, keeping one redis-py client per pool (see rediscache).
        backend = "comitia.web.rediscache.RedisCache"
        return {"default": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "comitia"}}
    if url.startswith("file://"):
        folder = Path(url.removeprefix("file://"))
        if not folder.is_absolute():
            raise ImproperlyConfigured(
                f"COMITIA_CACHE_URL must name an absolute folder: file:///PATH, not {url!r}"
            )
    elif url:
        raise ImproperlyConfigured(
            f"COMITIA_CACHE_URL must start with redis://, rediss:// or file:///, not {url!r}"
        )
    else:
        name = str(database.get("NAME") or "")
        sqlite = str(database.get("ENGINE")) == "comitia.web.sqlite" and name != ":memory:"
        folder = (Path(name).resolve().parent if sqlite else Path.cwd()) / "comitia-cache"
    backend = "django.core.cache.backends.filebased.FileBasedCache"
    # Django's file cache culls a third of its files past MAX_ENTRIES; feeds and articles of a
    # few terms in four languages and three levels stay well under it.
    return {
        "default": {"BACKEND": backend, "LOCATION": str(folder), "OPTIONS": {"MAX_ENTRIES": 5000}}
    }


CACHES = cache_settings((_env("COMITIA_CACHE_URL") or "").strip(), DATABASES["default"])


def email_settings(url: str, *, debug: bool) -> dict[str, object]:
    """Django's e-mail settings from ``COMITIA_EMAIL_URL``:
    ``smtp://USER:PASSWORD@HOST:PORT?tls=true`` (STARTTLS), ``smtps://...`` (TLS from the
    start), ``console://`` (printed, for trials); user, password and port are optional (port
    25, 465 for smtps), user and password percent-encoded. Unset: the console when debugging,
    else nothing configured (``COMITIA_EMAIL_CONFIGURED`` false: sending refuses to start).
    ImproperlyConfigured for anything else."""
    from urllib.parse import parse_qs, unquote, urlsplit

    if not url:
        backend = "console" if debug else "smtp"
        return {
            "EMAIL_BACKEND": f"django.core.mail.backends.{backend}.EmailBackend",
            "COMITIA_EMAIL_CONFIGURED": debug,
        }
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise ImproperlyConfigured(f"COMITIA_EMAIL_URL is not a URL: {error}") from None
    if parts.scheme == "console":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "COMITIA_EMAIL_CONFIGURED": True,
        }
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"COMITIA_EMAIL_URL must start with smtp://, smtps:// or console://, not {url!r}"
        )
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured("COMITIA_EMAIL_URL has a bad port") from None
    if not parts.hostname:
        raise ImproperlyConfigured("COMITIA_EMAIL_URL names no host: smtp://HOST:PORT")
    query = parse_qs(parts.query, keep_blank_values=True)
    unknown = sorted(set(query) - {"tls", "timeout"})
    if unknown:
        raise ImproperlyConfigured(
            f"COMITIA_EMAIL_URL has unknown options {', '.join(unknown)}: use tls, timeout"
        )
    tls = (query.get("tls") or ["false"])[-1].lower()
    if tls not in {"true", "false", "1", "0", "yes", "no"}:
        raise ImproperlyConfigured(f"COMITIA_EMAIL_URL: tls must be true or false, not {tls!r}")
    timeout = (query.get("timeout") or ["30"])[-1]
    if not timeout.isdecimal() or not timeout.isascii() or int(timeout) == 0:
        raise ImproperlyConfigured(
            f"COMITIA_EMAIL_URL: timeout must be a number of seconds, not {timeout!r}"
        )
    ssl = parts.scheme == "smtps"
    if ssl and tls in {"true", "1", "yes"}:
        raise ImproperlyConfigured("COMITIA_EMAIL_URL: smtps:// is TLS already; drop tls=true")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if ssl else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": tls in {"true", "1", "yes"},
        "EMAIL_USE_SSL": ssl,
        "EMAIL_TIMEOUT": int(timeout),
        "COMITIA_EMAIL_CONFIGURED": True,
    }


# The names vary with the URL (no host for the console), so they are set from the mapping.
globals().update(email_settings((_env("COMITIA_EMAIL_URL") or "").strip(), debug=DEBUG))
DEFAULT_FROM_EMAIL = _env("COMITIA_EMAIL_FROM") or "comitia@localhost"

# Uploads: small forms only; files over 5 MB go to disk, requests over 10 MB are refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = _env_int("COMITIA_MAX_REQUEST_BYTES", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _env("COMITIA_LOG_LEVEL") or "WARNING"},
}
