"""Rows of district A and district B for the project-wide scope test."""

from petitions.models import Petition
from petitions.tests.factories import make_petition


def samples(city, people) -> dict:
    a = make_petition(city.union_a, subject="钱甲来访", caller_name="钱甲信访人")
    b = make_petition(city.union_b, subject="赵乙来访", caller_name="赵乙信访人")
    return {Petition: (a, b, "钱甲来访", "赵乙来访")}
