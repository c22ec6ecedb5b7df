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
    "services",
    "rights",
    "petitions",
    "reports",
    "honours",
    "assistance",
    "labour",
    "warning",
    "stations",
    "employment",
    "contests",
    "innovation",
    "skills",
    "grassroots",
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
        "station_checkin": os.environ.get("GH_STATION_CHECKIN_RATE", "30/hour"),
        "public_stations": os.environ.get("GH_PUBLIC_STATIONS_RATE", "120/hour"),
        "rights_submit": os.environ.get("GH_RIGHTS_SUBMIT_RATE", "10/hour"),
        "rights_follow": os.environ.get("GH_RIGHTS_FOLLOW_RATE", "30/hour"),
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
        "JoinKindEnum": "members.choices.JoinKind",
        "TicketKindEnum": "rights.choices.TicketKind",
        "TicketTierEnum": "rights.choices.TicketTier",
        "TicketChannelEnum": "rights.choices.TicketChannel",
        "TicketStatusEnum": "rights.choices.TicketStatus",
        "RightsCategoryEnum": "rights.choices.Category",
        "SatisfactionEnum": "rights.choices.Satisfaction",
        "LegalAidStatusEnum": "rights.choices.LegalAidStatus",
        "LegalAidChannelEnum": "rights.choices.LegalAidChannel",
        "LegalAidOutcomeEnum": "rights.choices.LegalAidOutcome",
        "LawyerKindEnum": "rights.choices.LawyerKind",
        "DisputeStatusEnum": "rights.choices.DisputeStatus",
        "DisputeOutcomeEnum": "rights.choices.DisputeOutcome",
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
    # Working days a union has to answer a service request, unless the service says otherwise.
    "SERVICE_DEADLINE_WORKDAYS": int(os.environ.get("GH_SERVICE_DEADLINE_WORKDAYS", "5")),
    # 12351 tickets: working days to answer per difficulty tier (一般/难点/特别复杂), the
    # working days before the deadline that a reminder goes out, and the number of workers
    # from which a ticket, legal-aid case or dispute is a group case (群体性, DOMAIN §3).
    "TICKET_DEADLINE_WORKDAYS": {
        "ordinary": int(os.environ.get("GH_TICKET_DAYS_ORDINARY", "5")),
        "difficult": int(os.environ.get("GH_TICKET_DAYS_DIFFICULT", "10")),
        "complex": int(os.environ.get("GH_TICKET_DAYS_COMPLEX", "20")),
    },
    "TICKET_REMIND_WORKDAYS": int(os.environ.get("GH_TICKET_REMIND_DAYS", "1")),
    "RIGHTS_GROUP_WORKERS": int(os.environ.get("GH_RIGHTS_GROUP_WORKERS", "10")),
    # 信访 (信访工作条例 2022), in calendar days: decide whether to accept (art. 31), reply
    # after accepting (art. 37), extend once at most (art. 37), ask for a review after the
    # reply (art. 35), review (art. 35); 集体访 from this many people.
    "PETITION_ACCEPT_DAYS": int(os.environ.get("GH_PETITION_ACCEPT_DAYS", "15")),
    "PETITION_HANDLE_DAYS": int(os.environ.get("GH_PETITION_HANDLE_DAYS", "60")),
    "PETITION_EXTEND_DAYS": int(os.environ.get("GH_PETITION_EXTEND_DAYS", "30")),
    "PETITION_REVIEW_REQUEST_DAYS": int(os.environ.get("GH_PETITION_REVIEW_REQUEST_DAYS", "30")),
    "PETITION_REVIEW_DAYS": int(os.environ.get("GH_PETITION_REVIEW_DAYS", "30")),
    "PETITION_COLLECTIVE_PEOPLE": int(os.environ.get("GH_PETITION_COLLECTIVE_PEOPLE", "5")),
    # Legal aid is open to members, workers in hardship, and every worker with a matter of
    # these categories (rights.choices.Category).
    "LEGAL_AID_OPEN_CATEGORIES": tuple(
        os.environ.get("GH_LEGAL_AID_OPEN_CATEGORIES", "wage_arrears,work_injury").split(",")
    ),
    # The drafted work report names a sub-unit's coverage as a problem when its 建会率 lies
    # this many percentage points or more below the whole org's, and a fall of 入会率 of at
    # least REPORT_JOIN_RATE_DROP_POINTS against the previous period.
    "REPORT_COVERAGE_GAP_POINTS": float(os.environ.get("GH_REPORT_COVERAGE_GAP", "10")),
    "REPORT_JOIN_RATE_DROP_POINTS": float(os.environ.get("GH_REPORT_JOIN_RATE_DROP", "1")),
    # The report flags 12351 tickets rising by at least this percentage on the previous period.
    "REPORT_TICKET_RISE_PERCENT": float(os.environ.get("GH_REPORT_TICKET_RISE", "20")),
    # The dashboard shows figures computed at most this long ago (recomputed in the
    # background after that; "refresh" recomputes at once). 0 computes on every view.
    "DASHBOARD_MAX_AGE_SECONDS": int(os.environ.get("GH_DASHBOARD_MAX_AGE", "900")),
    # An org page whose subtree has more members than this reads its sections from the
    # dashboard's snapshot (with its time) instead of computing them while the user waits.
    "LIVE_SECTIONS_MAX_MEMBERS": int(os.environ.get("GH_LIVE_SECTIONS_MAX_MEMBERS", "50000")),
    # 选树表彰: default length of a programme's public notice (公示) in working days (no
    # authoritative figure, DOMAIN §2.9; each programme sets its own), the org levels that
    # review nominations on their way up, and the unit categories counted as 非公.
    "HONOURS_NOTICE_WORKDAYS": int(os.environ.get("GH_HONOURS_NOTICE_WORKDAYS", "5")),
    "HONOURS_REVIEW_LEVELS": ("district", "city"),
    "HONOURS_NON_PUBLIC_CATEGORIES": ("170", "200", "300", "600"),
    # 困难职工帮扶: the local 低保 line (yuan per person per month) by administrative division
    # code; a file uses the first code found on its union or the union's ancestors, else
    # "default". Below the line → 深度困难, below twice the line → 相对困难.
    "ASSISTANCE_LOW_INCOME_LINES": {
        "default": Decimal(os.environ.get("GH_LOW_INCOME_LINE", "1100")),
        "330122": Decimal("1000"),
        "330127": Decimal("1000"),
        "330131": Decimal("1000"),
    },
    # Working days a hardship file stays on public notice (公示) before it can be filed.
    "ASSISTANCE_NOTICE_WORKDAYS": int(os.environ.get("GH_ASSISTANCE_NOTICE_WORKDAYS", "5")),
    # Days after filing or the last review by which a file must be reviewed again (动态管理).
    "ASSISTANCE_REVIEW_DAYS": int(os.environ.get("GH_ASSISTANCE_REVIEW_DAYS", "365")),
    # Temporary files (one-off aid) are closed this many years after filing.
    "ASSISTANCE_TEMPORARY_FILE_YEARS": int(os.environ.get("GH_ASSISTANCE_TEMP_YEARS", "2")),
    # 金秋助学 per child by school level: children of filed households, and of households
    # in temporary hardship without a (non-temporary) file.
    "ASSISTANCE_SCHOOL_AID": {
        "filed": {"higher": Decimal("5000"), "senior_high": Decimal("3000")},
        "temporary": {"higher": Decimal("4000"), "senior_high": Decimal("2000")},
    },
    # 疗休养 places per enterprise per year: this share of the staff, or the small-unit share
    # when the enterprise has fewer than SMALL_STAFF employees.
    "ASSISTANCE_SANATORIUM_SHARE": Decimal("0.20"),
    "ASSISTANCE_SANATORIUM_SMALL_SHARE": Decimal(1) / Decimal(3),
    "ASSISTANCE_SANATORIUM_SMALL_STAFF": 50,
    # 集体合同 timeline (DOMAIN §2.10), in calendar days as the regulations count them:
    # written reply to a bargaining request, filing after signing, the labour department's
    # review (no objection → in force the day after), publication to staff after that.
    "CONTRACT_REPLY_DAYS": int(os.environ.get("GH_CONTRACT_REPLY_DAYS", "20")),
    "CONTRACT_FILING_DAYS": int(os.environ.get("GH_CONTRACT_FILING_DAYS", "10")),
    "CONTRACT_REVIEW_DAYS": int(os.environ.get("GH_CONTRACT_REVIEW_DAYS", "15")),
    "CONTRACT_PUBLISH_DAYS": int(os.environ.get("GH_CONTRACT_PUBLISH_DAYS", "10")),
    # Renewal talks may start this many months before expiry; the to-do list shows a
    # contract from then on.
    "CONTRACT_RENEWAL_MONTHS": int(os.environ.get("GH_CONTRACT_RENEWAL_MONTHS", "3")),
    # 职代会: below this staff size an all-staff assembly is held; minimum delegates by staff
    # size (from, minimum); shares of front-line workers and of managers; quorum.
    "CONGRESS_ASSEMBLY_BELOW_STAFF": 100,
    "CONGRESS_MIN_DELEGATES": [(100, 30), (1000, 100), (10000, 150)],
    "CONGRESS_FRONTLINE_MIN_SHARE": Decimal("0.5"),
    "CONGRESS_MANAGEMENT_MAX_SHARE": Decimal("0.2"),
    "CONGRESS_QUORUM": Decimal("2") / Decimal("3"),
    # Early-warning alerts: working days to verify, then to dispose of, by level.
    "RISK_VERIFY_WORKDAYS": {"red": 1, "orange": 2, "yellow": 3, "blue": 5},
    "RISK_HANDLE_WORKDAYS": {"red": 5, "orange": 10, "yellow": 15, "blue": 20},
    # 户外劳动者服务站点 ("双15": a station within a 15-minute reach). 15 minutes on foot at
    # about 67 m a minute (4 km/h) is 1,000 m; a city counting riding time sets more.
    "STATION_SERVICE_RADIUS_M": int(os.environ.get("GH_STATION_RADIUS_M", "1000")),
    "STATION_WALK_METRES_PER_MINUTE": int(os.environ.get("GH_WALK_M_PER_MIN", "67")),
    # Side of the grid cells of the coverage-gap view.
    "STATION_GRID_CELL_M": int(os.environ.get("GH_STATION_GRID_CELL_M", "500")),
    # The nearest-station search starts with this circle and widens up to the maximum.
    "STATION_SEARCH_RADIUS_M": int(os.environ.get("GH_STATION_SEARCH_M", "3000")),
    "STATION_SEARCH_MAX_RADIUS_M": int(os.environ.get("GH_STATION_SEARCH_MAX_M", "50000")),
    # A second scan of the same station by the same phone within this time counts once.
    "STATION_CHECKIN_INTERVAL_MINUTES": int(os.environ.get("GH_CHECKIN_INTERVAL_MIN", "30")),
    # Star review (Fuzhou rule): five stars need this floor area, seats and an AED; each
    # failure found in the year cuts this many stars; a station left with none is delisted.
    "STATION_FIVE_STAR_MIN_AREA_SQM": int(os.environ.get("GH_FIVE_STAR_AREA", "30")),
    "STATION_FIVE_STAR_MIN_SEATS": int(os.environ.get("GH_FIVE_STAR_SEATS", "20")),
    "STATION_FIVE_STAR_REQUIRES_AED": env_bool("GH_FIVE_STAR_AED", True),
    "STATION_STARS_CUT_PER_FAILURE": int(os.environ.get("GH_STARS_CUT", "1")),
    # Photos of a station: at most this many, each at most this size.
    "STATION_PHOTOS_MAX": int(os.environ.get("GH_STATION_PHOTOS_MAX", "6")),
    "STATION_PHOTO_MAX_MB": int(os.environ.get("GH_STATION_PHOTO_MAX_MB", "5")),
    # Map tiles for Leaflet maps (e.g. a licensed 天地图/高德 tile URL with {z}/{x}/{y});
    # empty: pages show lists and a plain grid picture, no map.
    "MAP_TILE_URL": os.environ.get("GH_MAP_TILE_URL", ""),
    "MAP_TILE_ATTRIBUTION": os.environ.get("GH_MAP_TILE_ATTRIBUTION", ""),
    # 技能提升: the largest single skills award (晋升技师, 发明专利, 带教师傅) in yuan, and the
    # amounts a new award form suggests per kind (each city sets its own).
    "SKILL_AWARD_MAX_YUAN": Decimal(os.environ.get("GH_SKILL_AWARD_MAX", "50000")),
    "SKILL_AWARD_AMOUNTS": {
        "technician": Decimal(os.environ.get("GH_SKILL_AWARD_TECHNICIAN", "2000")),
        "senior_technician": Decimal(os.environ.get("GH_SKILL_AWARD_SENIOR", "3000")),
        "patent": Decimal(os.environ.get("GH_SKILL_AWARD_PATENT", "5000")),
        "mentor": Decimal(os.environ.get("GH_SKILL_AWARD_MENTOR", "1000")),
    },
    # Evidence files of 职工之家 self-assessments and file answers of task reports.
    "UPLOAD_MAX_BYTES": int(os.environ.get("GH_UPLOAD_MAX_MB", "20")) * 1024 * 1024,
    "UPLOAD_EXTENSIONS": ("pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx"),
    # Works sent to a 职工文化作品征集 (photos, videos, recordings, documents); a video is
    # larger than an evidence file, hence its own limit.
    "WORK_MAX_BYTES": int(os.environ.get("GH_WORK_MAX_MB", "100")) * 1024 * 1024,
    "WORK_EXTENSIONS": ("jpg", "jpeg", "png", "pdf", "doc", "docx", "mp4", "mov", "mp3"),
    # 职工之家 公示 length (working days) offered for new programmes; DOMAIN §2.9 found no
    # authoritative number, so it is a setting and each programme stores its own.
    "HOME_PUBLICITY_WORKDAYS": int(os.environ.get("GH_HOME_PUBLICITY_WORKDAYS", "5")),
    # The default checklist of a new 职工之家 programme: the "六有" (DOMAIN §2.8).
    "HOME_DEFAULT_CRITERIA": (
        {"title": "有依法选举产生的工会主席", "max_score": 15, "guidance": "换届选举程序合法"},
        {"title": "有健全的组织机构", "max_score": 15, "guidance": "委员会、经审会、女职委"},
        {"title": "有职工活动阵地和活动", "max_score": 20, "guidance": "场所、设施、经常性活动"},
        {"title": "有工作制度", "max_score": 15, "guidance": "会议、财务、会员管理等制度"},
        {"title": "有自主管理的工会经费", "max_score": 15, "guidance": "经费独立建账、规范使用"},
        {"title": "有职工满意的工作成效", "max_score": 20, "guidance": "会员评议满意率"},
    ),
    # On-site check-in to an activity opens this many minutes before it starts (and closes
    # when it ends).
    "ACTIVITY_CHECKIN_OPENS_MINUTES": int(os.environ.get("GH_ACTIVITY_CHECKIN_OPENS", "60")),
    # Files attached to a notice (types and size as ``UPLOAD_*``), and the photos of an
    # activity's summary (JPEG or PNG, each at most this size).
    "NOTICE_ATTACHMENTS_MAX": int(os.environ.get("GH_NOTICE_ATTACHMENTS_MAX", "5")),
    "ACTIVITY_PHOTOS_MAX": int(os.environ.get("GH_ACTIVITY_PHOTOS_MAX", "9")),
    "ACTIVITY_PHOTO_MAX_MB": int(os.environ.get("GH_ACTIVITY_PHOTO_MAX_MB", "5")),
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
