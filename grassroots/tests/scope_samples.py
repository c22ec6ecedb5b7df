"""Grassroots rows in district A and district B for the one scope test (core/tests)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from grassroots import actions
from grassroots.choices import ProgrammeKind, VenueKind
from grassroots.models import (
    Booking,
    EvidenceFile,
    FormTemplate,
    HomeEvaluation,
    HomeProgramme,
    ReportFile,
    Task,
    TaskReport,
    Venue,
)


def _venue(org, name):
    return actions.venue_save(
        actor=None,
        org=org,
        name=name,
        kind=VenueKind.READING_ROOM,
        capacity=20,
        opens_at=datetime.time(0),
        closes_at=datetime.time(23),
        slot_minutes=60,
        open_weekdays="1234567",
        book_ahead_days=30,
        cancel_hours=0,
    )


def _programme(org, name):
    return actions.programme_save(
        actor=None,
        org=org,
        name=name,
        kind=ProgrammeKind.MODEL_HOME,
        year=2026,
        apply_until=timezone.localdate() + datetime.timedelta(days=30),
        pass_score=60,
        publicity_workdays=5,
        criteria=actions.default_criteria(),
    )


def _set(district, union, street, marker):
    venue = _venue(district, f"{marker}书屋")
    booking = actions.booking_create(
        actor=None,
        venue=venue,
        org=union,
        date=timezone.localdate() + datetime.timedelta(days=1),
        starts_at=datetime.time(10),
        purpose=f"{marker}读书会",
    )
    programme = _programme(district, f"{marker}之家创建")
    evaluation = actions.evaluation_start(actor=None, programme=programme, org=union)
    evidence = actions.evidence_add(
        actor=None,
        evaluation=evaluation,
        upload=SimpleUploadedFile(f"{marker}证明.pdf", b"%PDF-1.4 evidence"),
    )
    template = actions.template_save(
        actor=None,
        org=district,
        name=f"{marker}统计表",
        fields=actions.parse_fields("职工人数 | 数字 | 必填\n附件 | 文件 | 选填"),
    )
    task = actions.task_issue(
        actor=None,
        org=district,
        title=f"{marker}任务",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        recipients=[street],
        template=template,
    )
    report = task.reports.get()
    actions.report_submit(
        actor=None,
        report=report,
        answers={"f1": "12"},
        files={"f2": SimpleUploadedFile(f"{marker}附件.pdf", b"%PDF-1.4 report")},
    )
    return {
        Venue: venue,
        Booking: booking,
        HomeProgramme: programme,
        HomeEvaluation: evaluation,
        EvidenceFile: evidence,
        FormTemplate: template,
        Task: task,
        TaskReport: report,
        ReportFile: report.files.get(),
    }


MARKERS = {
    Venue: "书屋",
    Booking: "读书会",
    HomeProgramme: "之家创建",
    HomeEvaluation: "之家创建",
    EvidenceFile: "证明",
    FormTemplate: "统计表",
    Task: "任务",
    TaskReport: "任务",
    ReportFile: "附件",
}


def samples(city, people):
    a = _set(city.district_a, city.union_a, city.street_a, "钱甲")
    b = _set(city.district_b, city.union_b, city.street_b, "赵乙")
    return {
        model: (a[model], b[model], f"钱甲{MARKERS[model]}", f"赵乙{MARKERS[model]}") for model in a
    }
