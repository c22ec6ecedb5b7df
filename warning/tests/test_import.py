import datetime

import openpyxl
import pytest
from django.utils import timezone

from core.jobs import import_file
from warning.models import Alert, RiskScore, RiskSignal

pytestmark = pytest.mark.django_db

HEADERS = [
    "统一社会信用代码",
    "单位名称",
    "信号类型",
    "发现日期",
    "月数",
    "涉及人数",
    "金额（元）",
    "比例（%）",
    "说明",
    "外部编号",
]


def write(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_writes_valid_signals_rescores_and_refuses_bad_rows(tmp_path, city, people):
    day = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    a, b = city.enterprise_a.uscc, city.enterprise_b.uscc
    path = write(
        tmp_path / "signals.xlsx",
        [
            [a, "甲科技有限公司", "欠薪", day, 2, 40, 480000, None, "监察转来", "JC-1"],
            [a, "甲科技有限公司", "停产停业", day, None, None, None, None, "", ""],
            [b, "乙物流有限公司", "欠薪", day, 1, 5, 1000, None, "", ""],  # other district
            [a, "甲科技有限公司", "降薪", day, None, None, None, None, "", ""],  # no percent
            [a, "甲科技有限公司", "打架", "昨天", None, None, None, None, "", ""],
        ],
    )
    job = import_file(
        actor=people.district_a_admin, kind="risk_signals", org=city.district_a, path=path
    )
    assert (job.rows_accepted, job.rows_rejected, job.rows_written) == (2, 3, 0)
    assert not RiskSignal.objects.exists()
    job = import_file(
        actor=people.district_a_admin,
        kind="risk_signals",
        org=city.district_a,
        path=path,
        accept_valid=True,
    )
    assert job.rows_written == 2
    score = RiskScore.objects.get(enterprise=city.enterprise_a)
    assert (score.score, score.level) == (75, "red")
    assert Alert.objects.filter(enterprise=city.enterprise_a, level="red").exists()
    # The same ledger again: the numbered row updates its signal, nothing doubles.
    import_file(
        actor=people.district_a_admin,
        kind="risk_signals",
        org=city.district_a,
        path=write(
            tmp_path / "again.xlsx", [[a, "", "欠薪", day, 3, 40, 600000, None, "", "JC-1"]]
        ),
    )
    arrears = RiskSignal.objects.get(external_ref="JC-1")
    assert (arrears.months, arrears.source) == (3, "import")
    assert RiskSignal.objects.filter(kind="wage_arrears").count() == 1
