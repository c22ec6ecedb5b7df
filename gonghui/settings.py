"""Settings for Gonghui, read from environment variables.

DATABASE_URL   postgres://… for PostgreSQL; default is the embedded SQLite file var/gonghui.sqlite3
SECRET_KEY     Django secret; a development default is used only when DEBUG is on
GONGHUI_FIELD_KEY  key for PII field encryption and blind indexes
ALLOWED_HOSTS  comma-separated host names
"""

import os
from decimal import Decimal
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or ("dev-only-insecure-key" if DEBUG else None)
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
GONGHUI_FIELD_KEY = os.environ.get("GONGHUI_FIELD_KEY") or ("dev-only-field-key" if DEBUG else None)
if not GONGHUI_FIELD_KEY:
    raise RuntimeError("GONGHUI_FIELD_KEY must be set when DEBUG is off")

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "treebeard",
    "axes",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "core",
    "orgs",
    "members",
    "dues",
    "reports",
    "activities",
    "portal",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.middleware.RequestIdMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gonghui.urls"
WSGI_APPLICATION = "gonghui.wsgi.application"

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
                "core.context_processors.shell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'gonghui.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the demo server read while a background task writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"

# Background work (imports, report drafting) goes through the Tasks API. The database queue
# is worked by `manage.py db_worker` (started by `make demo`); GONGHUI_TASKS=immediate runs
# tasks inline, which the tests use.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("GONGHUI_TASKS") == "immediate"
        else "django_tasks_db.backend.DatabaseBackend"
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    # Public endpoints (core/throttles.py), per client address.
    "DEFAULT_THROTTLE_RATES": {
        "join_code": os.environ.get("GH_JOIN_CODE_RATE", "10/hour"),
        "join_submit": os.environ.get("GH_JOIN_SUBMIT_RATE", "20/hour"),
        "login_code": os.environ.get("GH_LOGIN_CODE_RATE", "10/hour"),
        "login_submit": os.environ.get("GH_LOGIN_SUBMIT_RATE", "30/hour"),
    },
}
FILTERS_EMPTY_CHOICE_LABEL = _("All")
FILTERS_NULL_CHOICE_LABEL = _("Not set")

SPECTACULAR_SETTINGS = {
    "TITLE": "Gonghui API",
    "DESCRIPTION": "智慧工会 REST API. Token auth: `Authorization: Token <key>`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "JoinStatusEnum": "members.choices.JoinStatus",
        "DuesStatusEnum": "dues.choices.DuesStatus",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Gonghui settings: local rules differ by city, so they are settings, not constants. ---
GONGHUI = {
    # Union Law art. 11: an employer with this many members must have its own committee.
    "SEPARATE_UNION_EMPLOYEE_THRESHOLD": int(os.environ.get("GH_SEPARATE_THRESHOLD", "25")),
    # Employee count at or below which an enterprise counts as small/micro in coverage figures.
    "SMALL_MICRO_MAX_EMPLOYEES": int(os.environ.get("GH_SMALL_MICRO_MAX", "100")),
    # Days before an election falls due that it appears on the to-do list.
    "ELECTION_DUE_WARNING_DAYS": int(os.environ.get("GH_ELECTION_WARNING_DAYS", "90")),
    "CITY_NAME": os.environ.get("GH_CITY_NAME", "示范市"),
    # Largest spreadsheet accepted for import through the web page.
    "IMPORT_MAX_BYTES": int(os.environ.get("GH_IMPORT_MAX_MB", "200")) * 1024 * 1024,
    # 会费: this share of the monthly wage, counted on the wage floored to whole units of
    # DUES_WAGE_ROUNDING yuan (尾数不足十元不计).
    "DUES_RATE": Decimal(os.environ.get("GH_DUES_RATE", "0.005")),
    "DUES_WAGE_ROUNDING": int(os.environ.get("GH_DUES_WAGE_ROUNDING", "10")),
    # The drafted work report names a sub-unit's coverage as a problem when its 建会率 lies
    # this many percentage points or more below the whole org's, and a fall of 入会率 of at
    # least REPORT_JOIN_RATE_DROP_POINTS against the previous period.
    "REPORT_COVERAGE_GAP_POINTS": float(os.environ.get("GH_REPORT_COVERAGE_GAP", "10")),
    "REPORT_JOIN_RATE_DROP_POINTS": float(os.environ.get("GH_REPORT_JOIN_RATE_DROP", "1")),
    # The dashboard shows figures computed at most this long ago (recomputed in the
    # background after that; "refresh" recomputes at once). 0 computes on every view.
    "DASHBOARD_MAX_AGE_SECONDS": int(os.environ.get("GH_DASHBOARD_MAX_AGE", "900")),
    # On-site check-in to an activity opens this many minutes before it starts (and closes
    # when it ends).
    "ACTIVITY_CHECKIN_OPENS_MINUTES": int(os.environ.get("GH_ACTIVITY_CHECKIN_OPENS", "60")),
    # A quiz paper handed in this many seconds after its deadline still counts (network lag).
    "QUIZ_GRACE_SECONDS": int(os.environ.get("GH_QUIZ_GRACE_SECONDS", "30")),
}

# Text messages (verification codes): core.sms.LogBackend writes them to the log; set a
# gateway backend in production (see core/sms.py).
GONGHUI_SMS_BACKEND = os.environ.get("GONGHUI_SMS_BACKEND", "core.sms.LogBackend")
# Verification codes of online joining: valid for 5 minutes, 5 tries each, one per phone
# every 60 seconds and at most 10 a day.
GONGHUI_SMS_CODES = {
    "TTL_SECONDS": int(os.environ.get("GH_SMS_CODE_TTL", "300")),
    "MAX_ATTEMPTS": int(os.environ.get("GH_SMS_CODE_ATTEMPTS", "5")),
    "RESEND_SECONDS": int(os.environ.get("GH_SMS_CODE_RESEND", "60")),
    "PER_PHONE_PER_DAY": int(os.environ.get("GH_SMS_CODES_PER_DAY", "10")),
}

SITE_TITLE = _("Gonghui")
