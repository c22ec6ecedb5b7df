"""知识竞赛 (quizzes): question banks imported from a spreadsheet, quizzes drawn from a
bank with a time limit, attempts with shuffled questions and options, scoring, per-org
leaderboards and participation rates.

Scoring compares the options a member chose, mapped back through the paper's shuffle to the
bank's order, with the bank's answer; so the same answers score the same whatever the
shuffle. A paper handed in after its deadline (plus ``GH_QUIZ_GRACE_SECONDS`` for the
network) is kept but not scored.
"""

from __future__ import annotations

import datetime
import random
import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.actions import audience_problem
from activities.choices import QuestionKind
from activities.models import Question, QuestionBank, Quiz, QuizAttempt
from activities.selectors import ancestor_paths, day_range
from core import audit
from core.choices import Action, AuditAction
from core.importing import ImportColumn, Importer, ImportFileError, run_import
from core.scoping import ensure_org_in_scope
from dues.participation import among
from members.models import Member
from members.selectors import CARD_VALID_STATUSES

LETTERS = "ABCDEF"
KIND_WORDS = {
    "单选": QuestionKind.SINGLE,
    "单选题": QuestionKind.SINGLE,
    "多选": QuestionKind.MULTIPLE,
    "多选题": QuestionKind.MULTIPLE,
    "判断": QuestionKind.TRUE_FALSE,
    "判断题": QuestionKind.TRUE_FALSE,
}
TRUE_WORDS = {"对", "正确", "是", "√", "T", "TRUE", "Y"}
FALSE_WORDS = {"错", "错误", "否", "×", "X", "F", "FALSE", "N"}
TRUE_FALSE_OPTIONS = ["正确", "错误"]
MAX_QUESTIONS = 5000


class QuestionImporter(Importer):
    """Rows of 题型, 题目, 选项A–F, 答案; checked all together, written all or nothing."""

    columns = [
        ImportColumn(
            "kind", "题型", ("题目类型", "类型"), required=True, choices=("单选", "多选", "判断")
        ),
        ImportColumn("text", "题目", ("题干", "试题"), required=True, width=40),
        *[ImportColumn(f"option_{c}", f"选项{c}", (c,)) for c in LETTERS],
        ImportColumn("answer", "答案", ("正确答案", "标准答案"), required=True),
    ]
    example = {
        "kind": "单选",
        "text": "基层工会委员会每届任期为几年？",
        "option_A": "1年",
        "option_B": "2年",
        "option_C": "3年或5年",
        "answer": "C",
    }

    def __init__(self, bank: QuestionBank):
        self.bank = bank
        self.seen: set[str] = set()

    def check(self, outcomes):
        for outcome in outcomes:
            values = outcome.values
            kind = KIND_WORDS.get(values.get("kind", "").strip())
            text = values.get("text", "").strip()
            if kind is None:
                outcome.problems.append("题型应为 单选、多选 或 判断")
            if not text:
                outcome.problems.append("题目不能为空")
            elif text in self.seen:
                outcome.problems.append("与前面的题目重复")
            self.seen.add(text)
            raw_answer = values.get("answer", "").strip().upper()
            if kind == QuestionKind.TRUE_FALSE:
                options = TRUE_FALSE_OPTIONS
                if raw_answer in TRUE_WORDS:
                    answer = [0]
                elif raw_answer in FALSE_WORDS:
                    answer = [1]
                else:
                    answer = None
                    outcome.problems.append("判断题答案应为 对 或 错")
            else:
                options = []
                for letter in LETTERS:
                    option = values.get(f"option_{letter}", "").strip()
                    if option:
                        if len(options) != LETTERS.index(letter):
                            outcome.problems.append("选项应从A起连续填写")
                            break
                        options.append(option)
                letters = re.sub(r"[\s,，、]", "", raw_answer)
                answer = sorted({LETTERS.index(c) for c in letters if c in LETTERS})
                if len(options) < 2:
                    outcome.problems.append("选择题至少需要两个选项")
                if (
                    not letters
                    or len(answer) != len(letters)
                    or any(i >= len(options) for i in answer)
                ):
                    outcome.problems.append("答案应为选项字母，如 A 或 ABD，且须有对应选项")
                elif kind == QuestionKind.SINGLE and len(answer) != 1:
                    outcome.problems.append("单选题只能有一个答案")
                elif kind == QuestionKind.MULTIPLE and len(answer) < 2:
                    outcome.problems.append("多选题至少有两个答案")
            if outcome.ok:
                outcome.prepared = Question(
                    bank=self.bank, kind=kind, text=text, options=options, answer=answer
                )

    def commit(self, outcomes):
        Question.objects.bulk_create([o.prepared for o in outcomes], batch_size=1000)
        return len(outcomes)


@transaction.atomic
def bank_import(*, actor, org, name: str, upload) -> QuestionBank:
    """A new bank from a spreadsheet; any bad row refuses the whole file, with the problems
    of each row in Chinese."""
    ensure_org_in_scope(actor, org, Action.CHANGE)
    if not name.strip():
        raise ValidationError({"name": _("Give the bank a name.")})
    bank = QuestionBank.objects.create(org=org, name=name.strip())
    suffix = Path(getattr(upload, "name", "bank.xlsx")).suffix.lower() or ".xlsx"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bank{suffix}"
        with path.open("wb") as target:
            for chunk in upload.chunks():
                target.write(chunk)
        try:
            result = run_import(QuestionImporter(bank), path, report_path=Path(folder) / "r.xlsx")
        except ImportFileError as error:
            raise ValidationError({"file": str(error)}) from error
        rejected = _rejected_rows(path, bank) if result.rejected else []
    if result.rejected or not result.written:
        raise ValidationError({"file": rejected or [result.message]})
    if result.written > MAX_QUESTIONS:
        raise ValidationError(
            {"file": _("A bank holds at most %(n)s questions.") % {"n": MAX_QUESTIONS}}
        )
    bank.question_count = result.written
    bank.save(update_fields=["question_count"])
    audit.record(actor, bank, AuditAction.CREATE, extra={"question_count": [0, result.written]})
    return bank


def _rejected_rows(path, bank, limit: int = 20) -> list[str]:
    from core.importing import RowOutcome, open_table

    importer = QuestionImporter(bank)
    outcomes = [RowOutcome(n, v) for n, v in open_table(path, importer.columns).rows()]
    importer.check(outcomes)
    bad = [o for o in outcomes if not o.ok]
    lines = [f"第{o.row_number}行：{'；'.join(o.problems)}" for o in bad[:limit]]
    if len(bad) > limit:
        lines.append(f"……另有{len(bad) - limit}行有问题")
    return lines


QUIZ_FIELDS = (
    "org",
    "audience",
    "bank",
    "title",
    "question_count",
    "time_limit_minutes",
    "opens_at",
    "closes_at",
    "attempts_allowed",
)


@transaction.atomic
def quiz_create(*, actor, data: dict) -> Quiz:
    data = {key: data[key] for key in QUIZ_FIELDS if key in data}
    errors: dict[str, list] = {}
    org, audience, bank = data["org"], data["audience"], data["bank"]
    if audience_problem(org, audience):
        errors.setdefault("audience", []).append(audience_problem(org, audience))
    if not (1 <= data["question_count"] <= bank.question_count):
        errors.setdefault("question_count", []).append(
            _("The bank holds %(n)s questions.") % {"n": bank.question_count}
        )
    if data["closes_at"] <= data["opens_at"]:
        errors.setdefault("closes_at", []).append(_("The end must come after the start."))
    if not (1 <= data["time_limit_minutes"] <= 180):
        errors.setdefault("time_limit_minutes", []).append(
            _("The time limit is between 1 and 180 minutes.")
        )
    if data.get("attempts_allowed", 1) < 1:
        errors.setdefault("attempts_allowed", []).append(_("At least one attempt."))
    if errors:
        raise ValidationError(errors)
    ensure_org_in_scope(actor, org, Action.CHANGE)
    ensure_org_in_scope(actor, bank.org, Action.VIEW)
    quiz = Quiz.objects.create(**data)
    audit.record(actor, quiz, AuditAction.CREATE)
    return quiz


def start_problem(quiz: Quiz, member: Member, now) -> str:
    if member.status not in CARD_VALID_STATUSES:
        return _("Only members of the union may take part.")
    if quiz.audience.path not in ancestor_paths(member.org.path):
        return _("This quiz is for the members of %(audience)s.") % {"audience": quiz.audience.name}
    if now < quiz.opens_at:
        return _("The quiz opens at %(at)s.") % {
            "at": timezone.localtime(quiz.opens_at).strftime("%Y-%m-%d %H:%M")
        }
    if now >= quiz.closes_at:
        return _("The quiz has closed.")
    return ""


@transaction.atomic
def attempt_start(*, member: Member, quiz: Quiz, rng: random.Random | None = None) -> QuizAttempt:
    """Draw a paper: ``question_count`` questions of the bank in random order, each with its
    options shuffled (true/false keeps 正确 before 错误)."""
    rng = rng or random.SystemRandom()
    member = Member.objects.select_related("org").get(pk=member.pk)
    quiz = Quiz.objects.select_related("audience").get(pk=quiz.pk)
    now = timezone.now()
    problem = start_problem(quiz, member, now)
    if problem:
        raise ValidationError(problem)
    done = QuizAttempt.objects.filter(quiz=quiz, member=member)
    if done.filter(submitted_at__isnull=True, deadline__gt=now).exists():
        raise ValidationError(_("You have a paper in progress."))
    used = done.count()
    if used >= quiz.attempts_allowed:
        raise ValidationError(_("You have used all your attempts."))
    ids = list(Question.objects.filter(bank=quiz.bank_id).values_list("pk", "kind", "options"))
    drawn = rng.sample(ids, quiz.question_count)
    paper = []
    for pk, kind, options in drawn:
        order = list(range(len(options)))
        if kind != QuestionKind.TRUE_FALSE:
            rng.shuffle(order)
        paper.append({"q": pk, "order": order})
    deadline = min(now + datetime.timedelta(minutes=quiz.time_limit_minutes), quiz.closes_at)
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                quiz=quiz,
                member=member,
                number=used + 1,
                started_at=now,
                deadline=deadline,
                paper=paper,
            )
    except IntegrityError as error:  # the same member starting twice at once
        raise ValidationError(_("You have a paper in progress.")) from error
    return attempt


def score_answers(paper: list[dict], answers: dict, questions: dict) -> int:
    """Right answers of a paper: ``answers`` maps a question id to the original indexes
    chosen; ``questions`` maps an id to its ``Question``. Order-free, so shuffle-free."""
    right = 0
    for item in paper:
        question = questions[item["q"]]
        chosen = sorted(set(answers.get(str(item["q"]), [])))
        if chosen == sorted(question.answer):
            right += 1
    return right


def shown_to_original(paper: list[dict], shown: dict) -> dict:
    """Answers given by the position shown on the paper → the bank's option indexes."""
    orders = {str(item["q"]): item["order"] for item in paper}
    mapped = {}
    for key, positions in shown.items():
        order = orders.get(str(key))
        if order is None:
            continue
        mapped[str(key)] = sorted({order[p] for p in positions if 0 <= p < len(order)})
    return mapped


@transaction.atomic
def attempt_submit(*, member: Member, attempt: QuizAttempt, shown_answers: dict) -> QuizAttempt:
    """Hand in a paper (answers by shown position). After the deadline it is kept, marked
    late, and not scored."""
    attempt = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.member_id != member.pk:
        raise ValidationError(_("This is not your paper."))
    if attempt.submitted_at is not None:
        raise ValidationError(_("This paper was already handed in."))
    now = timezone.now()
    grace = datetime.timedelta(seconds=settings.GONGHUI["QUIZ_GRACE_SECONDS"])
    attempt.answers = shown_to_original(attempt.paper, shown_answers)
    attempt.submitted_at = now
    if now > attempt.deadline + grace:
        attempt.late = True
        attempt.score = None
    else:
        questions = Question.objects.in_bulk([item["q"] for item in attempt.paper])
        attempt.score = score_answers(attempt.paper, attempt.answers, questions)
    attempt.save(update_fields=["answers", "submitted_at", "late", "score"])
    return attempt


def paper_questions(attempt: QuizAttempt) -> list[dict]:
    """The paper as shown: each question with its options in the shuffled order."""
    questions = Question.objects.in_bulk([item["q"] for item in attempt.paper])
    shown = []
    for item in attempt.paper:
        question = questions[item["q"]]
        shown.append(
            {
                "question": question,
                "options": [(pos, question.options[i]) for pos, i in enumerate(item["order"])],
            }
        )
    return shown


def best_scores(quiz: Quiz):
    """Each member's best scored attempt (the individual leaderboard)."""
    return (
        QuizAttempt.objects.filter(quiz=quiz, score__isnull=False)
        .values("member", "member__name", "member__org__name")
        .annotate(best=Max("score"))
        .order_by("-best", "member__name")
    )


def org_leaderboard(quiz: Quiz, user=None) -> list[dict]:
    """Per direct child of the quiz's audience: members, participants (handed in a scored
    paper), participation rate and the average best score. Two grouped queries."""
    audience = quiz.audience
    width = len(audience.path) + audience.steplen
    members = (
        Member.objects.filter(org__path__startswith=audience.path, status__in=CARD_VALID_STATUSES)
        .annotate(child=Substr("org__path", 1, width))
        .values("child")
        .annotate(n=Count("pk"))
        .order_by()
    )
    bests = (
        QuizAttempt.objects.filter(quiz=quiz, score__isnull=False)
        .values("member")
        .annotate(best=Max("score"), child=Substr("member__org__path", 1, width))
        .order_by()
    )
    by_child: dict[str, list[int]] = {}
    for row in bests:
        by_child.setdefault(row["child"], []).append(row["best"])
    from orgs.models import Org

    names = dict(
        Org.objects.filter(path__in=[m["child"] for m in members]).values_list("path", "name")
    )
    board = []
    for row in members:
        scores = by_child.get(row["child"], [])
        board.append(
            {
                "org": names.get(row["child"], audience.name),
                "members": row["n"],
                "participants": len(scores),
                "rate": round(len(scores) * 100.0 / row["n"], 1) if row["n"] else None,
                "average": round(sum(scores) / len(scores), 1) if scores else None,
            }
        )
    return sorted(board, key=lambda r: (-(r["average"] or 0), -(r["rate"] or 0), r["org"]))


def quiz_taken(member_ids, start: datetime.date, end: datetime.date):
    """Participation source of the six-month rule: members who handed in a paper."""
    return QuizAttempt.objects.filter(
        among(member_ids), submitted_at__range=day_range(start, end)
    ).values("member_id")
