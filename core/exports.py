"""xlsx exports of list pages: Chinese headers, the same columns as on screen."""

from __future__ import annotations

import datetime
import io

import xlsxwriter
from django.http import HttpResponse
from django.utils import timezone

from core.tables import Column

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, int | float | datetime.date):
        return value
    return str(value)


def xlsx_response(filename: str, columns: list[Column], objects) -> HttpResponse:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "remove_timezone": True})
    sheet = workbook.add_worksheet()
    header = workbook.add_format({"bold": True, "bg_color": "#E8EEF7", "border": 1})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for col, column in enumerate(columns):
        sheet.write(0, col, str(column.label), header)
        sheet.set_column(col, col, 18)
    row = 0
    for row, obj in enumerate(objects, start=1):
        for col, column in enumerate(columns):
            value = _cell(column.value(obj))
            if isinstance(value, datetime.date):
                sheet.write_datetime(row, col, value, date_format)
            else:
                sheet.write(row, col, value)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(row, 1), max(len(columns) - 1, 0))
    workbook.close()
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{_quote(filename)}-{stamp}.xlsx"
    )
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)
