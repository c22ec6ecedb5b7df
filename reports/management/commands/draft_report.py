"""Draft an org's work report for a period into a Word file (the same draft as the page)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from orgs.models import Org
from reports.document import render_docx
from reports.periods import Period
from reports.selectors import build_draft


class Command(BaseCommand):
    help = "Draft the work report (工作报告) of an org's subtree for a period into a .docx file."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="org code, e.g. CITY")
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        parser.add_argument("--out", required=True, help="the .docx file to write")

    def handle(self, *args, **options):
        org = Org.objects.filter(code=options["org"]).first()
        if org is None:
            raise CommandError(f"No organisation has the code {options['org']!r}.")
        try:
            period = Period.parse(options["start"], options["end"], today=None)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        draft = build_draft(org, period)
        with open(options["out"], "wb") as out:
            out.write(render_docx(draft))
        self.stdout.write(
            f"Wrote {options['out']}: {org.name}, {period.start} to {period.end}, "
            f"{len(draft.appendix)} figures, {len(draft.problems)} problems."
        )
