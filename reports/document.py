"""The drafted work report as a Word document (python-docx), in the seeds' shape: title,
opening, "一、主要工作" with numbered sub-sections, "二、存在的问题", "三、下步工作", and
the appendix that lists each figure with the rows behind it."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from reports.narrative import Draft, ordinal

BODY_FONT = "仿宋"  # 仿宋_GB2312 in government documents; plain 仿宋 is on more machines
HEADING_FONT = "黑体"
TITLE_FONT = "宋体"


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    # East Asian text takes the eastAsia font, which python-docx does not set by itself.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _paragraph(
    document,
    text: str,
    font: str = BODY_FONT,
    size: float = 16,
    bold=False,
    indent=True,
    align=None,
):
    paragraph = document.add_paragraph()
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.line_spacing = Pt(28)
    _font(paragraph.add_run(text), font, size, bold)
    return paragraph


def render_docx(draft: Draft) -> bytes:
    document = Document()
    _paragraph(document, draft.title, TITLE_FONT, 22, True, False, WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(
        document,
        f"（{draft.period_label}）",
        BODY_FONT,
        16,
        False,
        False,
        WD_ALIGN_PARAGRAPH.CENTER,
    )
    _paragraph(document, draft.opening)

    _paragraph(document, _("1. Main work"), HEADING_FONT, 16, indent=True)
    for number, section in enumerate(draft.sections, start=1):
        heading = f"（{ordinal(number)}）{section.title}"
        _paragraph(document, heading, BODY_FONT, 16, bold=True)
        for text in section.paragraphs or [no_record_text()]:
            _paragraph(document, text)

    _paragraph(document, _("2. Problems"), HEADING_FONT, 16)
    if draft.problems:
        for number, problem in enumerate(draft.problems, start=1):
            _paragraph(document, f"{ordinal(number)}是{problem.text}")
    else:
        _paragraph(document, no_problem_text())

    _paragraph(document, _("3. Next steps"), HEADING_FONT, 16)
    for number, line in enumerate(draft.outline, start=1):
        _paragraph(document, f"（{ordinal(number)}）{line}")

    document.add_page_break()
    _paragraph(document, _("Appendix: sources of the figures"), HEADING_FONT, 16, indent=False)
    _paragraph(
        document,
        _(
            "Each figure of the report, the number of records it was counted from and the "
            "query that selects them, as run on %(date)s."
        )
        % {"date": draft.generated_on.isoformat()},
        size=12,
    )
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    headers = (_("Figure"), _("Value"), _("How it is counted"), _("Records"), _("Query"))
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(text), HEADING_FONT, 10.5)
    for row in draft.appendix:
        cells = table.add_row().cells
        texts = (row.label, row.value, row.describe, str(row.rows), row.query)
        for cell, text in zip(cells, texts, strict=True):
            cell.text = ""
            _font(cell.paragraphs[0].add_run(text), BODY_FONT, 8 if text is row.query else 10.5)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def no_record_text() -> str:
    return _("The platform holds no record of this work for the period.")


def no_problem_text() -> str:
    return _("The platform's figures show no marked problem for the period.")
