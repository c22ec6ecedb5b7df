import datetime
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from activities import quizzes

HEADER = ["题型", "题目", "选项A", "选项B", "选项C", "选项D", "答案"]
ROWS = [
    ["单选", "基层工会委员会每届任期为几年？", "1年", "2年", "3年或5年", "10年", "C"],
    ["多选", "下列属于工会经费来源的有？", "会员会费", "拨缴经费", "上级补助", "罚款", "ABC"],
    ["判断", "职工每月会费为工资收入的0.5%。", "", "", "", "", "对"],
    ["单选", "工会法规定多少人以上应建立基层工会委员会？", "10人", "25人", "50人", "", "B"],
]


def bank_file(rows=None, name="题库.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows if rows is not None else ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def make_bank(org, actor=None, name="工会知识题库"):
    return quizzes.bank_import(actor=actor, org=org, name=name, upload=bank_file())


def make_quiz(org, bank, *, question_count=4, minutes=10, title="工会知识竞赛", **extra):
    now = timezone.now()
    data = {
        "org": org,
        "audience": org,
        "bank": bank,
        "title": title,
        "question_count": question_count,
        "time_limit_minutes": minutes,
        "opens_at": now - datetime.timedelta(hours=1),
        "closes_at": now + datetime.timedelta(days=3),
        "attempts_allowed": 1,
        **extra,
    }
    return quizzes.quiz_create(actor=None, data=data)
