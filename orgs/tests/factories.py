"""Factories for the org tree and enterprises. Orgs go through treebeard's add_child so
paths are real; enterprises get valid, unique credit codes."""

import itertools

import factory
from stdnum.cn import uscc as uscc_std

from orgs.choices import EnterpriseStatus, GrassrootsType, Industry, OrgLevel, UnitCategory
from orgs.models import Enterprise, Org

_codes = itertools.count(1)


def valid_uscc(n: int) -> str:
    body = f"91330100{n:09d}"
    return body + uscc_std.calc_check_digit(body)


def make_org(parent=None, level=OrgLevel.CITY, **fields) -> Org:
    n = next(_codes)
    data = {"code": f"T{n:05d}", "name": f"测试工会{n}", "level": level, **fields}
    if level == OrgLevel.GRASSROOTS:
        data.setdefault("grassroots_type", GrassrootsType.STANDALONE)
    if level == OrgLevel.FEDERATION:
        data.setdefault("federation_kind", "area")
    return Org.objects.add_child(parent, data) if parent else Org.objects.add_root(data)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    uscc = factory.Sequence(lambda n: valid_uscc(n + 1))
    name = factory.Sequence(lambda n: f"测试企业{n}有限公司")
    category = UnitCategory.PRIVATE
    industry = Industry.C
    employee_count = 30
    status = EnterpriseStatus.ACTIVE
