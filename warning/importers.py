"""Import of external risk signals (欠薪 ledgers of the labour inspectorate, 社保 arrears
lists, layoff reports …), one row per signal, through the shared import engine.

Rows are checked in chunks: enterprises by credit code in one query per chunk, within the
user's scope and the job's org subtree; every figure by the same rules as a signal entered
by hand (``warning.actions.clean_signal``). A row with an 外部编号 updates the signal that
an earlier import of the same number wrote. The enterprises touched are re-scored once at
the end (alerts open as usual).
"""

from __future__ import annotations

import unicodedata

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.choices import Action
from core.importing import ImportColumn, Importer, RowOutcome
from core.jobs import register_importer
from members.imports import parse_date
from orgs.models import Enterprise
from warning import actions
from warning.choices import SignalKind, SignalSource

IMPORT_ORIGIN = "import"
# Words people use for the kinds, beside the labels themselves.
KIND_WORDS = {
    "拖欠工资": SignalKind.WAGE_ARREARS,
    "欠薪": SignalKind.WAGE_ARREARS,
    "社保": SignalKind.SOCIAL_INSURANCE,
    "欠缴社保": SignalKind.SOCIAL_INSURANCE,
    "社保欠费": SignalKind.SOCIAL_INSURANCE,
    "裁员": SignalKind.LAYOFF,
    "减员": SignalKind.LAYOFF,
    "降薪": SignalKind.PAY_CUT,
    "停产": SignalKind.SHUTDOWN,
    "停业": SignalKind.SHUTDOWN,
    "搬迁": SignalKind.RELOCATION,
    "迁移": SignalKind.RELOCATION,
    "改制": SignalKind.RESTRUCTURING,
    "重组": SignalKind.RESTRUCTURING,
    "兼并重组": SignalKind.RESTRUCTURING,
}
EXTERNAL_KINDS = (
    SignalKind.WAGE_ARREARS,
    SignalKind.SOCIAL_INSURANCE,
    SignalKind.LAYOFF,
    SignalKind.PAY_CUT,
    SignalKind.SHUTDOWN,
    SignalKind.RELOCATION,
    SignalKind.RESTRUCTURING,
    SignalKind.OTHER,
)


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "").strip()


def kind_lookup() -> dict[str, str]:
    with translation.override("zh-hans"):
        found = {str(SignalKind(k).label): str(k) for k in EXTERNAL_KINDS}
    found |= {str(k): str(k) for k in EXTERNAL_KINDS}
    return found | {word: str(kind) for word, kind in KIND_WORDS.items()}


class SignalImporter(Importer):
    def __init__(self, *, actor, org):
        self.actor = actor
        self.org = org
        with translation.override("zh-hans"):
            kinds = tuple(str(SignalKind(k).label) for k in EXTERNAL_KINDS)
        self.columns = [
            ImportColumn(
                "uscc",
                "统一社会信用代码",
                ("信用代码", "社会信用代码", "单位代码"),
                required=True,
                text=True,
                width=22,
            ),
            ImportColumn("name", "单位名称", ("企业名称", "用人单位"), width=24),
            ImportColumn("kind", "信号类型", ("风险类型", "类型"), required=True, choices=kinds),
            ImportColumn("observed_on", "发现日期", ("日期", "登记日期"), required=True, text=True),
            ImportColumn("months", "月数", ("欠薪月数", "欠缴月数")),
            ImportColumn("workers", "涉及人数", ("人数", "涉及职工")),
            ImportColumn("amount", "金额（元）", ("金额", "欠薪金额", "欠缴金额")),
            ImportColumn("percent", "比例（%）", ("比例", "减员比例", "降薪幅度")),
            ImportColumn("note", "说明", ("备注", "情况说明"), width=30),
            ImportColumn("external_ref", "外部编号", ("编号", "台账编号"), text=True),
        ]
        self.headers = {column.key: column.header for column in self.columns}
        self.example = {
            "uscc": "91330100000000001X",
            "name": "某某制造有限公司",
            "kind": "欠薪",
            "observed_on": "2026-03-10",
            "months": "2",
            "workers": "40",
            "amount": "480000",
            "percent": "",
            "note": "劳动监察转来",
            "external_ref": "JC-2026-001",
        }
        self.kinds = kind_lookup()
        self.seen: dict[str, int] = {}

    def check(self, outcomes: list[RowOutcome]) -> None:
        codes = {_text(o.values.get("uscc", "")).upper() for o in outcomes}
        enterprises = Enterprise.objects.filter(uscc__in=codes)
        if self.org is not None:
            enterprises = enterprises.filter(
                Q(territory__path__startswith=self.org.path)
                | Q(covering_union__path__startswith=self.org.path)
            )
        if self.actor is not None:
            enterprises = enterprises.visible_to(self.actor, Action.CHANGE)
        by_code = {e.uscc: e for e in enterprises}
        for outcome in outcomes:
            self._check_row(outcome, by_code)

    def _check_row(self, outcome: RowOutcome, by_code) -> None:
        values = outcome.values
        code = _text(values.get("uscc", "")).upper()
        enterprise = by_code.get(code)
        if enterprise is None:
            outcome.problems.append(
                _("%(column)s %(code)s: no such enterprise in this organisation.")
                % {"column": self.headers["uscc"], "code": code or "—"}
            )
        kind = self.kinds.get(_text(values.get("kind", "")))
        if kind is None:
            outcome.problems.append(
                _("%(column)s: unknown kind “%(value)s”.")
                % {"column": self.headers["kind"], "value": values.get("kind", "")}
            )
        try:
            observed_on = parse_date(values.get("observed_on", ""))
        except ValueError:
            observed_on = None
            outcome.problems.append(
                _("%(column)s: enter a date such as 2026-03-10.")
                % {"column": self.headers["observed_on"]}
            )
        ref = _text(values.get("external_ref", ""))
        if ref:
            if ref in self.seen:
                outcome.problems.append(
                    _("%(column)s %(ref)s is also on row %(row)s.")
                    % {"column": self.headers["external_ref"], "ref": ref, "row": self.seen[ref]}
                )
            self.seen.setdefault(ref, outcome.row_number)
        if outcome.problems:
            return
        figures, errors = actions.clean_signal(
            enterprise=enterprise,
            kind=kind,
            observed_on=observed_on,
            source=SignalSource.IMPORT,
            status="open",
            amount=_text(values.get("amount", "")) or None,
            months=_text(values.get("months", "")) or None,
            workers=_text(values.get("workers", "")) or None,
            percent=_text(values.get("percent", "")).rstrip("%") or None,
            count=1,
        )
        for field, messages in errors.items():
            label = self.headers.get(field, "")
            outcome.problems.extend(f"{label}：{m}" if label else m for m in messages)
        if not outcome.problems:
            outcome.prepared = {
                "enterprise": enterprise,
                "kind": kind,
                "observed_on": observed_on,
                "note": _text(values.get("note", ""))[:300],
                "external_ref": ref,
                **figures,
            }

    def commit(self, outcomes: list[RowOutcome]) -> int:
        touched = set()
        for outcome in outcomes:
            data = outcome.prepared
            actions.record_signal(
                actor=self.actor,
                source=SignalSource.IMPORT,
                origin=IMPORT_ORIGIN if data["external_ref"] else "",
                rescore=False,
                **data,
            )
            touched.add(data["enterprise"].pk)
        actions.score_enterprises(sorted(touched), actor=self.actor)
        return len(outcomes)


def signal_importer(*, actor, org):
    return SignalImporter(actor=actor, org=org)


register_importer("risk_signals", gettext_lazy("Risk signal import"), signal_importer)
