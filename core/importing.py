"""Spreadsheet imports: read forgivingly, check every row, report row by row.

An importer (members, payroll for dues, ...) describes its columns with ``ImportColumn`` and
implements ``Importer.check`` (all rows at once, so checks against the database are a few set
queries rather than one query per row) and ``Importer.commit``. ``run_import`` drives it:

1. ``open_table`` reads xlsx/xls/ods with python-calamine or csv (UTF-8 or GB18030, as Excel
   saves it in China), finds the header row and maps headers to columns forgivingly: spaces,
   full-width characters, notes in brackets and ``*`` marks are ignored, synonyms are known.
2. Every row is checked; problems are kept per row, in Chinese, and written to a report.
3. Nothing is written on a dry run. Otherwise the default is all-or-nothing: one rejected row
   and nothing is written. With ``accept_valid`` the valid rows are written. The write runs in
   one transaction.

Headers are part of the file format people fill in (like the national collection forms), so
they are Chinese literals here, not translated UI strings.
"""

from __future__ import annotations

import csv
import datetime
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter
from django.db import transaction
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt"}
HEADER_SEARCH_ROWS = 10
CHECK_CHUNK = 5000

Progress = Callable[[str, int, int], None]


class ImportFileError(Exception):
    """The file as a whole cannot be imported (unreadable, no header row, required columns
    missing). The message is for the user."""


@dataclass(frozen=True)
class ImportColumn:
    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    # Kept as text in the template, so Excel does not turn long numbers into 1.1E+17.
    text: bool = False
    # Values offered as a drop-down in the template.
    choices: tuple[str, ...] = ()
    width: int = 14


@dataclass
class RowOutcome:
    """One data row: its number in the file (1-based, as Excel shows it), the raw values by
    column key, the problems found, and whatever the importer prepared for the write."""

    row_number: int
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)
    prepared: object = None

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportResult:
    total: int = 0
    accepted: int = 0
    rejected: int = 0
    written: int = 0
    dry_run: bool = False
    report_path: str = ""
    message: str = ""


def normalise_header(text: object) -> str:
    """The comparable form of a header as people type it: NFKC (full-width → half-width),
    without notes in brackets, required marks, spaces or punctuation, lower-case."""
    value = unicodedata.normalize("NFKC", str(text or ""))
    value = re.sub(r"[(\[【{].*?[)\]】}]", "", value)
    value = re.sub(r"[\s*:：、.\-_/\\]+", "", value)
    return value.lower()


def cell_text(value: object) -> str:
    """A cell as text. Integral floats lose their ``.0``; dates become ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


@dataclass
class Table:
    """The data rows of the first sheet, with their file row numbers, by column key."""

    positions: dict[str, int]
    raw_rows: list[list]
    first_data_row: int

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        for offset, raw in enumerate(self.raw_rows):
            values = {
                key: cell_text(raw[pos]) if pos < len(raw) else ""
                for key, pos in self.positions.items()
            }
            if any(values.values()):
                yield self.first_data_row + offset, values


def _read_grid(path: Path) -> list[list]:
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        try:
            workbook = CalamineWorkbook.from_path(str(path))
            return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except (CalamineError, OSError, ValueError) as error:
            raise ImportFileError(
                _("The file could not be read as a spreadsheet: %(error)s") % {"error": error}
            ) from error
    if suffix in CSV_SUFFIXES:
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportFileError(_("The CSV file is neither UTF-8 nor GBK encoded."))
        return list(csv.reader(text.splitlines()))
    raise ImportFileError(
        _("Upload an .xlsx, .xls or .csv file (this file ends in %(suffix)s).")
        % {"suffix": suffix or "—"}
    )


def _header_lookup(columns: Iterable[ImportColumn]) -> dict[str, str]:
    lookup = {}
    for column in columns:
        for name in (column.header, *column.synonyms):
            lookup.setdefault(normalise_header(name), column.key)
    return lookup


def open_table(path: str | Path, columns: list[ImportColumn]) -> Table:
    """Read the first sheet and locate the header row (one of the first rows, the one naming
    most known columns; a title row above it is allowed)."""
    grid = _read_grid(Path(path))
    lookup = _header_lookup(columns)
    best_row, best_positions = None, {}
    for index, raw in enumerate(grid[:HEADER_SEARCH_ROWS]):
        positions: dict[str, int] = {}
        for pos, value in enumerate(raw):
            key = lookup.get(normalise_header(cell_text(value)))
            if key and key not in positions:
                positions[key] = pos
        if len(positions) > len(best_positions):
            best_row, best_positions = index, positions
    if best_row is None:
        raise ImportFileError(
            _("No header row was found; use the template's headers (e.g. %(headers)s).")
            % {"headers": "、".join(c.header for c in columns[:3])}
        )
    missing = [c.header for c in columns if c.required and c.key not in best_positions]
    if missing:
        raise ImportFileError(
            _("The file lacks the required columns: %(columns)s.") % {"columns": "、".join(missing)}
        )
    return Table(
        positions=best_positions,
        raw_rows=grid[best_row + 1 :],
        first_data_row=best_row + 2,
    )


class Importer(ABC):
    """What one kind of import knows: its columns, how to check rows, how to write them."""

    columns: list[ImportColumn]

    @abstractmethod
    def check(self, outcomes: list[RowOutcome]) -> None:
        """Add problems to rows and set ``prepared`` on the good ones. Called with chunks of
        rows in file order; state kept on ``self`` spans chunks (duplicates in the file)."""

    @abstractmethod
    def commit(self, outcomes: list[RowOutcome]) -> int:
        """Write the prepared rows (all valid) inside the caller's transaction; return the
        number of rows written."""


def run_import(
    importer: Importer,
    path: str | Path,
    *,
    dry_run: bool = False,
    accept_valid: bool = False,
    report_path: str | Path | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Check every row, write the report, then write all rows, the valid rows, or nothing."""
    notify = progress or (lambda phase, done, total: None)
    table = open_table(path, importer.columns)
    rows = list(table.rows())
    total = len(rows)
    outcomes: list[RowOutcome] = []
    notify("check", 0, total)
    for start in range(0, total, CHECK_CHUNK):
        chunk = [RowOutcome(number, values) for number, values in rows[start : start + CHECK_CHUNK]]
        importer.check(chunk)
        outcomes.extend(chunk)
        notify("check", len(outcomes), total)
    good = [o for o in outcomes if o.ok]
    result = ImportResult(
        total=total, accepted=len(good), rejected=total - len(good), dry_run=dry_run
    )
    if report_path is None:
        source = Path(path)
        report_path = source.with_name(f"{source.stem}.report.xlsx")
    write_report(report_path, importer.columns, outcomes)
    result.report_path = str(report_path)
    if not total:
        result.message = _("The file has no data rows.")
    elif dry_run:
        result.message = _("Dry run: nothing was written.")
    elif result.rejected and not accept_valid:
        result.message = _(
            "%(count)s rows have problems, so nothing was written. Fix them and import again, "
            "or choose to accept the valid rows."
        ) % {"count": result.rejected}
    elif good:
        notify("write", 0, len(good))
        with transaction.atomic():
            result.written = importer.commit(good)
        notify("write", result.written, len(good))
        result.message = _("%(count)s rows were written.") % {"count": result.written}
    else:
        result.message = _("No row is valid; nothing was written.")
    return result


STATUS_REJECTED = "未通过"


def write_report(path: str | Path, columns: list[ImportColumn], outcomes: list[RowOutcome]):
    """The row-level report (xlsx): every rejected row with its file row number, its problems
    and its values (personal numbers masked by the importer), so the user can fix the file
    and import it again; and a summary sheet. Accepted rows are only counted: writing them
    all out would cost more than checking them."""
    rejected = [o for o in outcomes if not o.ok]
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("未通过的行")
    bold = workbook.add_format({"bold": True, "bg_color": "#E8EEF7", "border": 1})
    bad = workbook.add_format({"font_color": "#B42318"})
    headers = ["行号", "结果", "问题", *(c.header for c in columns)]
    for col, header in enumerate(headers):
        sheet.write_string(0, col, header, bold)
    sheet.set_column(0, 1, 8)
    sheet.set_column(2, 2, 48)
    for col, column in enumerate(columns, start=3):
        sheet.set_column(col, col, column.width)
    for index, outcome in enumerate(rejected, start=1):
        sheet.write_number(index, 0, outcome.row_number)
        sheet.write_string(index, 1, STATUS_REJECTED, bad)
        sheet.write_string(index, 2, "；".join(outcome.problems), bad)
        for col, column in enumerate(columns, start=3):
            sheet.write_string(index, col, outcome.values.get(column.key, ""))
    sheet.freeze_panes(1, 0)
    summary = workbook.add_worksheet("汇总")
    for row, (label, value) in enumerate(
        (
            ("数据行", len(outcomes)),
            ("通过", len(outcomes) - len(rejected)),
            ("未通过", len(rejected)),
        )
    ):
        summary.write_string(row, 0, label, bold)
        summary.write_number(row, 1, value)
    workbook.close()


def write_template(target, columns: list[ImportColumn], *, example: dict[str, str] | None = None):
    """A template to fill in: the headers (required ones marked *), text-formatted columns for
    long numbers, drop-downs for coded values (lists kept on a hidden sheet)."""
    workbook = xlsxwriter.Workbook(target, {"in_memory": True})
    sheet = workbook.add_worksheet("填写")
    lists = workbook.add_worksheet("选项")
    lists.hide()
    head = workbook.add_format({"bold": True, "bg_color": "#E8EEF7", "border": 1})
    required = workbook.add_format(
        {"bold": True, "bg_color": "#E8EEF7", "border": 1, "font_color": "#B42318"}
    )
    text = workbook.add_format({"num_format": "@"})
    list_col = 0
    for col, column in enumerate(columns):
        label = f"*{column.header}" if column.required else column.header
        sheet.write_string(0, col, label, required if column.required else head)
        sheet.set_column(col, col, column.width, text if column.text else None)
        if column.choices:
            for row, choice in enumerate(column.choices):
                lists.write_string(row, list_col, choice)
            letter = xlsxwriter.utility.xl_col_to_name(list_col)
            sheet.data_validation(
                1,
                col,
                10000,
                col,
                {
                    "validate": "list",
                    "source": f"='选项'!${letter}$1:${letter}${len(column.choices)}",
                    "error_type": "warning",
                },
            )
            list_col += 1
        if example and column.key in example:
            sheet.write_string(1, col, example[column.key])
    sheet.freeze_panes(1, 0)
    workbook.close()
