"""Member import (会员信息批量导入): the national collection form as a spreadsheet.

Rows are checked in chunks with a few set queries per chunk (ID numbers already in the
database by blind index, employers by credit code, card numbers), never one query per row.
Accepted rows are written with ids reserved up front, so card numbers and the 入会 history
rows are made without reading anything back.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum.cn import uscc as uscc_std
from stdnum.exceptions import ValidationError as StdnumError

from core import pii
from core.bulk import insert_tuples, reserve_ids
from core.choices import Action
from core.importing import ImportColumn, Importer, RowOutcome
from core.jobs import register_importer
from members.actions import (
    CHOICE_FIELDS,
    MEMBER_ORG_LEVELS,
    REQUIRED_CHOICES,
    name_keys,
    personal_data_fields,
)
from members.choices import (
    ETHNICITY_CHOICES,
    ChangeType,
    Education,
    EmploymentForm,
    EmploymentStatus,
    HouseholdType,
    MemberStatus,
    PoliticalStatus,
)
from members.models import Member, MembershipChange
from orgs.actions import normalise_uscc
from orgs.models import Enterprise

# Words people write in these columns besides the code and the label of the code list.
CHOICE_SYNONYMS = {
    "education": {
        "研究生": Education.POSTGRADUATE,
        "硕士": Education.POSTGRADUATE,
        "博士": Education.POSTGRADUATE,
        "本科": Education.UNDERGRADUATE,
        "大学本科": Education.UNDERGRADUATE,
        "大学": Education.UNDERGRADUATE,
        "大专": Education.JUNIOR_COLLEGE,
        "专科": Education.JUNIOR_COLLEGE,
        "大学专科": Education.JUNIOR_COLLEGE,
        "中专": Education.SECONDARY_VOCATIONAL,
        "技校": Education.SECONDARY_VOCATIONAL,
        "职高": Education.SECONDARY_VOCATIONAL,
        "高中": Education.SENIOR_HIGH,
        "初中": Education.JUNIOR_HIGH,
        "小学": Education.PRIMARY,
    },
    "political_status": {
        "党员": PoliticalStatus.PARTY_MEMBER,
        "中共党员": PoliticalStatus.PARTY_MEMBER,
        "预备党员": PoliticalStatus.PROBATIONARY,
        "中共预备党员": PoliticalStatus.PROBATIONARY,
        "团员": PoliticalStatus.LEAGUE_MEMBER,
        "共青团员": PoliticalStatus.LEAGUE_MEMBER,
        "民主党派": PoliticalStatus.DEMOCRATIC_PARTY,
        "群众": PoliticalStatus.MASSES,
    },
    "household_type": {
        "农业": HouseholdType.AGRICULTURAL,
        "农业户口": HouseholdType.AGRICULTURAL,
        "农村": HouseholdType.AGRICULTURAL,
        "农村户口": HouseholdType.AGRICULTURAL,
        "非农业": HouseholdType.NON_AGRICULTURAL,
        "非农业户口": HouseholdType.NON_AGRICULTURAL,
        "非农": HouseholdType.NON_AGRICULTURAL,
        "城镇": HouseholdType.NON_AGRICULTURAL,
        "城镇户口": HouseholdType.NON_AGRICULTURAL,
        "居民户口": HouseholdType.NON_AGRICULTURAL,
    },
    "employment_form": {
        "标准劳动关系": EmploymentForm.STANDARD,
        "劳动合同": EmploymentForm.STANDARD,
        "全日制": EmploymentForm.STANDARD,
        "货车司机": EmploymentForm.TRUCK_DRIVER,
        "快递员": EmploymentForm.COURIER,
        "快递小哥": EmploymentForm.COURIER,
        "网约配送员": EmploymentForm.DELIVERY_RIDER,
        "外卖骑手": EmploymentForm.DELIVERY_RIDER,
        "骑手": EmploymentForm.DELIVERY_RIDER,
        "网约车司机": EmploymentForm.RIDE_HAILING,
        "其他": EmploymentForm.OTHER_NEW,
        "其他新就业形态": EmploymentForm.OTHER_NEW,
    },
}

DATE_PATTERN = re.compile(r"^(\d{4})\D{0,2}(\d{1,2})\D{0,2}(\d{1,2})\D?$")


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).lower()


def _choice_lookup(field: str) -> dict[str, str]:
    """Every accepted spelling of a coded field → its code: the code, the Chinese and
    English labels, the label without 族 for ethnicities, and the usual words."""
    lookup: dict[str, str] = {}
    for code, label in CHOICE_FIELDS[field].items():
        if not code:
            continue
        lookup[_key(code)] = code
        for language in ("zh-hans", "en"):
            with translation.override(language):
                text = _key(str(label))
            lookup.setdefault(text, code)
            if field == "ethnicity" and text.endswith("族") and len(text) > 2:
                lookup.setdefault(text[:-1], code)
    for word, code in CHOICE_SYNONYMS.get(field, {}).items():
        lookup.setdefault(_key(word), code)
    return lookup


def _labels(choices) -> tuple[str, ...]:
    with translation.override("zh-hans"):
        return tuple(str(label) for code, label in choices if code)


def parse_date(text: str) -> datetime.date:
    """2021-03-05, 2021/3/5, 2021.3.5, 20210305, 2021年3月5日 → a date."""
    value = unicodedata.normalize("NFKC", text).strip()
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    match = DATE_PATTERN.match(value.split(" ")[0])
    if not match:
        raise ValueError(value)
    return datetime.date(*(int(part) for part in match.groups()))


def _mask_raw(value: str, keep_head: int, keep_tail: int) -> str:
    value = unicodedata.normalize("NFKC", value or "").strip()
    if len(value) <= keep_head + keep_tail:
        return "*" * len(value)
    return value[:keep_head] + "*" * (len(value) - keep_head - keep_tail) + value[-keep_tail:]


class MemberImporter(Importer):
    def __init__(self, *, actor, org):
        self.actor = actor
        self.org = org
        self.columns = self.build_columns()
        self.headers = {column.key: column.header for column in self.columns}
        self.example = {
            "name": "张三",
            "id_number": "11010119900307123X",
            "phone": "13800138000",
            "ethnicity": "汉族",
            "education": "大学本科",
            "political_status": "群众",
            "household_type": "农业户口",
            "employment_form": "快递员",
            "joined_on": "2026-01-05",
        }
        self.lookups = {field: _choice_lookup(field) for field in CHOICE_FIELDS}
        self.seen_ids: dict[str, int] = {}
        self.seen_cards: dict[str, int] = {}
        self.today = datetime.date.today()

    @staticmethod
    def build_columns() -> list[ImportColumn]:
        return [
            ImportColumn("name", "姓名", ("会员姓名", "职工姓名", "名字"), required=True, width=10),
            ImportColumn(
                "id_number",
                "身份证号码",
                ("身份证号", "身份证", "证件号码", "证件号", "公民身份号码", "身份证件号码"),
                required=True,
                text=True,
                width=22,
            ),
            ImportColumn(
                "phone",
                "手机号码",
                ("手机", "手机号", "联系电话", "电话", "移动电话", "联系方式"),
                text=True,
            ),
            ImportColumn("ethnicity", "民族", choices=_labels(ETHNICITY_CHOICES), width=10),
            ImportColumn("education", "学历", ("文化程度",), choices=_labels(Education.choices)),
            ImportColumn("political_status", "政治面貌", choices=_labels(PoliticalStatus.choices)),
            ImportColumn(
                "household_type",
                "户籍类型",
                ("户口性质", "户籍性质", "户口类型", "户籍"),
                choices=("农业户口", "非农业户口"),
            ),
            ImportColumn(
                "employment_form",
                "就业形态",
                ("用工形式", "就业形式"),
                choices=_labels(EmploymentForm.choices),
            ),
            ImportColumn(
                "enterprise_uscc",
                "工作单位统一社会信用代码",
                ("统一社会信用代码", "单位统一社会信用代码", "信用代码", "单位信用代码"),
                text=True,
                width=24,
            ),
            ImportColumn("joined_on", "入会日期", ("入会时间",), text=True, width=12),
            ImportColumn("card_number", "会员卡号", ("卡号", "会员证号"), text=True),
        ]

    # --- checking ----------------------------------------------------------------------

    def check(self, outcomes: list[RowOutcome]) -> None:
        for outcome in outcomes:
            self._check_row(outcome)
        self._check_against_database(outcomes)
        for outcome in outcomes:
            # The report shows personal numbers masked; the file the user has holds them.
            values = outcome.values
            values["id_number"] = _mask_raw(values.get("id_number", ""), 4, 4)
            values["phone"] = _mask_raw(values.get("phone", ""), 3, 4)

    def _check_row(self, outcome: RowOutcome) -> None:
        values = outcome.values

        def problem(message, field, **params):
            outcome.problems.append(message % {"column": self.headers[field], **params})

        data: dict = {"org": self.org}
        name = unicodedata.normalize("NFKC", values.get("name", "")).strip()
        if not name:
            problem(_("%(column)s is empty."), "name")
        elif len(name) > 50:
            problem(_("%(column)s is longer than %(max)s characters."), "name", max=50)
        data["name"] = name
        try:
            id_number = pii.normalise_id_number(values.get("id_number", ""))
        except ValidationError as error:
            problem(_("%(column)s: %(error)s"), "id_number", error=pii.masked_message(error))
        else:
            # The stored form (ciphertext, masks) is made only for rows that are written.
            data["id_number"] = id_number
            data["id_number_hash"] = pii.blind_index(pii.KIND_ID_NUMBER, id_number)
            first = self.seen_ids.setdefault(data["id_number_hash"], outcome.row_number)
            if first != outcome.row_number:
                problem(_("%(column)s repeats row %(row)s of this file."), "id_number", row=first)
        data["phone"] = values.get("phone", "")
        if data["phone"]:
            try:
                data["phone"] = pii.normalise_phone(data["phone"])
            except ValidationError as error:
                problem(
                    _("%(column)s: %(error)s"),
                    "phone",
                    error=pii.masked_message(error, pii.mask_phone),
                )
        for field, lookup in self.lookups.items():
            raw = values.get(field, "")
            code = lookup.get(_key(raw)) if raw else ""
            if not raw and field in REQUIRED_CHOICES:
                problem(_("%(column)s is empty."), field)
            elif code is None:
                problem(_("%(column)s: “%(value)s” is not in the code list."), field, value=raw)
            data[field] = code or ""
        data["employment_form"] = data["employment_form"] or EmploymentForm.STANDARD
        data["employment_status"] = data["employment_status"] or EmploymentStatus.EMPLOYED
        data["is_migrant_worker"] = data["household_type"] == HouseholdType.AGRICULTURAL
        data["joined_on"] = self._joined_on(values.get("joined_on", ""), problem)
        card = unicodedata.normalize("NFKC", values.get("card_number", "")).strip()
        if card:
            if len(card) > 20:
                problem(_("%(column)s is longer than %(max)s characters."), "card_number", max=20)
            first = self.seen_cards.setdefault(card, outcome.row_number)
            if first != outcome.row_number:
                problem(_("%(column)s repeats row %(row)s of this file."), "card_number", row=first)
        data["card_number"] = card
        uscc = values.get("enterprise_uscc", "")
        data["uscc"] = ""
        if uscc:
            try:
                data["uscc"] = uscc_std.validate(normalise_uscc(uscc))
            except StdnumError:
                problem(
                    _("%(column)s: “%(value)s” is not a valid credit code."),
                    "enterprise_uscc",
                    value=uscc,
                )
        outcome.prepared = data

    def _joined_on(self, raw: str, problem) -> datetime.date:
        """The date of joining; an empty cell means today (the day of the import)."""
        if not raw:
            return self.today
        try:
            joined = parse_date(raw)
        except ValueError:
            problem(
                _("%(column)s: “%(value)s” is not a date (e.g. 2024-03-05)."),
                "joined_on",
                value=raw,
            )
            return self.today
        if joined > self.today:
            problem(_("%(column)s cannot be in the future."), "joined_on")
        return joined

    def _check_against_database(self, outcomes: list[RowOutcome]) -> None:
        rows = [o for o in outcomes if o.prepared]
        digests = [o.prepared["id_number_hash"] for o in rows if "id_number_hash" in o.prepared]
        known = {
            digest: (org_id, org_name, status)
            for digest, org_id, org_name, status in Member.objects.filter(
                id_number_hash__in=digests
            ).values_list("id_number_hash", "org_id", "org__name", "status")
        }
        codes = {o.prepared["uscc"] for o in rows if o.prepared["uscc"]}
        # A command run without --user acts as the system: every registered employer.
        employers = Enterprise.objects.all()
        if self.actor is not None:
            employers = employers.visible_to(self.actor, Action.VIEW)
        enterprises = {e.uscc: e for e in employers.filter(uscc__in=codes)}
        cards = [o.prepared["card_number"] for o in rows if o.prepared["card_number"]]
        taken_cards = set(
            Member.objects.filter(card_number__in=cards).values_list("card_number", flat=True)
        )
        for outcome in rows:
            data, problems = outcome.prepared, outcome.problems
            found = known.get(data.get("id_number_hash"))
            if found:
                org_id, org_name, status = found
                if org_id == self.org.pk:
                    problems.append(_("Already a member of this union."))
                elif status == "active":
                    problems.append(
                        _("Already a member of %(org)s; transfer the membership instead.")
                        % {"org": org_name}
                    )
                else:
                    problems.append(
                        _("Was a member of %(org)s; restore the membership there.")
                        % {"org": org_name}
                    )
            if data["uscc"]:
                enterprise = enterprises.get(data["uscc"])
                if enterprise is None:
                    problems.append(
                        _("No employer with credit code %(code)s is registered in your area.")
                        % {"code": data["uscc"]}
                    )
                data["enterprise"] = enterprise
            else:
                data["enterprise"] = None
            if data["card_number"] in taken_cards:
                problems.append(
                    _("The card number %(card)s is already used.") % {"card": data["card_number"]}
                )
            if problems:
                outcome.prepared = None

    # --- writing -----------------------------------------------------------------------

    def commit(self, outcomes: list[RowOutcome]) -> int:
        """Members and their 入会 rows as plain value tuples (no model instances: at a
        million rows, building them costs more than writing them)."""
        actor_id = self.actor.pk if getattr(self.actor, "pk", None) else None
        now = timezone.now()
        fixed = {
            "org_id": self.org.pk,
            "status": MemberStatus.ACTIVE,
            "skill_level": "",
            "created_at": now,
            "updated_at": now,
        }
        member_fields = list(Member._meta.concrete_fields)
        member_rows, change_rows = [], []
        note = _("Imported")
        ids = reserve_ids(Member, len(outcomes))
        change_ids = reserve_ids(MembershipChange, len(outcomes))
        for outcome, member_id, change_id in zip(outcomes, ids, change_ids, strict=True):
            data = outcome.prepared
            enterprise = data["enterprise"]
            row = {
                **fixed,
                **data,
                "id": member_id,
                "enterprise_id": enterprise.pk if enterprise else None,
                # The same numbering as a member registered on the page (year + id).
                "card_number": data["card_number"] or f"{data['joined_on']:%Y}{member_id:08d}",
            }
            row.update(personal_data_fields(data["id_number"], data["phone"]))
            row["name_pinyin"], row["name_initials"] = cached_name_keys(data["name"])
            member_rows.append([row[f.attname] for f in member_fields])
            joined = data["joined_on"]
            change_rows.append(
                [change_id, member_id, ChangeType.JOINED, joined, self.org.pk, actor_id]
            )
        insert_tuples(Member, [f.column for f in member_fields], member_rows)
        insert_tuples(
            MembershipChange,
            [
                "id",
                "member_id",
                "change_type",
                "on",
                "to_org_id",
                "actor_id",
                "reason",
                "from_org_id",
                "note",
                "created_at",
            ],
            ([*row, "", None, note, now] for row in change_rows),
        )
        return len(member_rows)


cached_name_keys = functools.lru_cache(maxsize=65536)(name_keys)


def member_importer(*, actor, org):
    if org is not None and org.level not in MEMBER_ORG_LEVELS:
        raise ValidationError(
            _("Members belong to an active grassroots union, federation or higher union.")
        )
    return MemberImporter(actor=actor, org=org)


register_importer("members", gettext_lazy("Member import"), member_importer)
