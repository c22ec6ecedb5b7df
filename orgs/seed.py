"""Seed generators of the orgs app: the org tree, enterprises and their unions, elections
and the demo user accounts. See ``core.seeding`` for the registry and ``seed_city``.

Shape of the synthetic city 示范市 (region 330100):

* 1 市总工会 → 9 districts/counties → 6–10 streets/towns each;
* each street has 1–3 joint federations (联合会) of random kinds; each district has 3–4
  district-level industry federations for new-employment-form sectors (快递, 网约车, 货运,
  sometimes 外卖配送), marked with their ``Org.sector`` (online join applications of couriers,
  riders and drivers are routed by it) and kept in ``ctx.data["industry_federations"]``;
* ``enterprise_count(members)`` = ``max(300, members // 80)`` enterprises: with the size mix
  below (most micro, a few large) units average about 110 employees, so the members
  generator reaches a realistic 入会率 of roughly 80 % of covered staff;
* enterprises with ≥25 employees mostly have their own standalone grassroots union
  (named "<enterprise>工会委员会"); small ones are covered by a street federation, by a
  joint grassroots union (联合工会委员会) of 3–10 units, or not at all (≈25 % uncovered);
* a few 工会小组 under large grassroots unions; ~2 % closed enterprises, some of whose
  unions are dissolved.

Every Org except groups and dissolved unions has a term and election dates: ~7 % overdue
and ~10 % due within 90 days of ``ELECTION_CHECK_DATE``, the rest later.

What later generators find in ``ctx.data``: ``city``, ``districts``, ``streets``,
``federations``, ``industry_federations`` ({(district code, sector): Org}, sectors
"express", "food_delivery", "ride_hailing", "freight"), ``grassroots``, ``groups``,
``orgs`` (all of them), ``enterprises``, ``enterprise_sector`` ({enterprise pk: sector} for
platforms and small delivery/transport units), ``street_info`` ({street code: names and
district}), ``demo_users`` ({username: User}), ``demo_union`` and ``demo_logins``.

Tree paths are computed here (``Org._get_path``) and written with ``bulk_create``; depth
and numchild are set directly, so ``Org.find_problems()`` reports nothing.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections import defaultdict
from typing import NamedTuple

from django.contrib.auth import get_user_model

from core.choices import Role
from core.models import RoleAssignment
from core.seeding import (
    SEED_TIMESTAMP,
    SeedContext,
    add_years,
    fix_timestamps,
    person_name,
    register,
)
from orgs.choices import (
    EnterpriseStatus,
    FederationKind,
    GrassrootsType,
    OrgLevel,
    OrgStatus,
)
from orgs.models import Election, Enterprise, Org

CITY = "示范市"
CITY_REGION = "330100"
# Election due dates are spread around this day (overdue / due soon / later).
ELECTION_CHECK_DATE = datetime.date(2026, 11, 23)
DUE_SOON_DAYS = 90
DEMO_PASSWORD = "demo1234"
BATCH = 1000

# (name, region code, kind of the units below it)
DISTRICTS = (
    ("临江区", "330102", "district"),
    ("望湖区", "330103", "district"),
    ("青山区", "330104", "district"),
    ("云溪区", "330105", "district"),
    ("金沙区", "330106", "district"),
    ("高新区", "330108", "district"),
    ("凤鸣县", "330122", "county"),
    ("白石县", "330127", "county"),
    ("清河县", "330131", "county"),
)
_PLACE_FIRST = "东西南北新青金银清白石桃柳杏梅兰竹松云霞明文龙凤安宁福长平永翠紫"
_PLACE_SECOND = "湖江河溪桥山塘港湾浦岭坪园林坊门苑亭洲滩"
_COMMUNITY_FIRST = "和兴华康乐春秋丰盛锦阳光红桂荷枫绿玉景嘉"
_COMMUNITY_SECOND = "苑里城庭景府巷街坊村园湾"
ROADS = (
    "人民路", "解放路", "建设路", "中山路", "文化路", "学院路", "创业路", "科技大道", "滨江大道",
    "和平路", "幸福路", "东风路", "新华路", "青年路", "长江路", "黄河路", "湖滨路", "振兴路",
    "工业路", "园区路", "迎宾大道", "环城北路", "环城南路", "体育路", "健康路", "商业街",
    "文昌路", "望江路", "明珠路", "金融街", "富民路", "兴业大道", "纬一路", "经二路",
)  # fmt: skip
BRAND_CHARS = (
    "华鑫恒瑞德盛宏达通顺嘉佳利源诚信泰安康锦兴隆昌丰汇博创智远新天海明金辰星宇航晟祥和永宁"
    "美绿青蓝润泽旭东方正启卓越凯峰众联合力优品尚亿万百"
)
HKTW_BRANDS = ("永丰", "台达", "鸿运", "裕元", "正新", "统一", "大昌", "利丰", "宝成", "南侨")
FOREIGN_BRANDS = (
    "松本", "博世达", "森田", "莱茵", "霍克", "欧瑞", "艾默", "丰田通", "施耐德", "巴斯顿",
    "卡森", "米勒", "索菲", "诺德", "安捷",
)  # fmt: skip
_MANUFACTURING_WORDS = (
    "机械制造", "电子", "精密机械", "新材料", "食品", "服饰", "汽车零部件", "包装",
    "塑胶制品", "家具", "医疗器械", "电气", "纺织", "光电",
)  # fmt: skip
INDUSTRY_WORDS = {
    "A": ("农业开发", "生态农业", "园艺", "水产养殖", "茶业"),
    "B": ("矿业", "石材"),
    "C": _MANUFACTURING_WORDS,
    "D": ("燃气", "供水", "热电", "新能源"),
    "E": ("建设工程", "建筑装饰工程", "市政工程", "园林工程", "安装工程"),
    "F": ("商贸", "贸易", "百货", "医药连锁", "电器", "超市", "五金", "进出口"),
    "G": ("物流", "运输", "仓储", "供应链管理", "客运"),
    "H": ("餐饮管理", "酒店管理", "餐饮", "食品配送"),
    "I": ("科技", "网络科技", "信息技术", "软件", "数据科技", "智能科技"),
    "J": ("投资管理", "融资租赁", "保险代理"),
    "K": ("房地产开发", "物业管理", "房地产经纪"),
    "L": ("企业管理咨询", "人力资源", "广告", "会展服务", "商务咨询"),
    "M": ("检测技术", "工程设计", "工程技术", "环境科技"),
    "N": ("环境工程", "环境卫生服务", "园林绿化"),
    "O": ("家政服务", "汽车维修", "美容美发", "洗涤服务"),
    "P": ("教育科技", "培训"),
    "Q": ("医疗管理", "健康管理", "康复医疗"),
    "R": ("文化传媒", "体育文化", "影视", "文化旅游"),
}
SHOPS = {
    "F": ("便利店", "五金店", "水果店", "烟酒商行", "服装店", "建材商行"),
    "H": ("餐馆", "面馆", "小吃店", "快餐店", "饭店"),
    "O": ("理发店", "汽车美容店", "家电维修部", "洗衣店", "修车铺"),
}
# Public institutions: (industry, unit, area) — area "street" puts the street in the name.
INSTITUTIONS = (
    ("P", "小学", "district"), ("P", "中学", "district"), ("P", "幼儿园", "street"),
    ("P", "职业技术学校", "district"), ("Q", "人民医院", "district"), ("Q", "中医院", "district"),
    ("Q", "社区卫生服务中心", "street"), ("Q", "妇幼保健院", "district"),
    ("M", "农业科学研究所", "district"), ("M", "工程质量检测站", "district"),
    ("R", "图书馆", "district"), ("R", "文化馆", "district"), ("R", "综合文化站", "street"),
    ("N", "环境卫生管理处", "district"), ("N", "水利管理站", "district"),
)  # fmt: skip
NUMBERED_INSTITUTIONS = {"小学", "中学", "人民医院"}
BUREAUS = (
    "人民政府办公室", "发展和改革局", "教育局", "科学技术局", "民政局", "司法局", "财政局",
    "人力资源和社会保障局", "自然资源和规划局", "住房和城乡建设局", "交通运输局", "农业农村局",
    "商务局", "文化和旅游局", "卫生健康局", "应急管理局", "审计局", "市场监督管理局",
    "统计局", "医疗保障局", "城市管理局", "信访局", "退役军人事务局",
)  # fmt: skip
NON_PROFIT_UNITS = {
    "P": ("培训学校", "艺术培训中心", "幼儿园"),
    "Q": ("养老服务中心", "康复中心", "护理院"),
    "O": ("社会工作服务中心", "家庭服务中心"),
    "R": ("文化艺术中心", "体育俱乐部"),
}
# New-employment-form sectors: label, platform industry, platform name words, small-unit words.
SECTORS = {
    "express": ("快递", "G", ("速运", "快递", "速递"), ("快递服务", "快件分拨")),
    "food_delivery": ("外卖配送", "I", ("即时配送科技", "同城配送科技"), ("配送服务",)),
    "ride_hailing": ("网约车", "I", ("出行科技", "智慧出行"), ("汽车租赁服务", "出租汽车")),
    "freight": ("货运", "G", ("货运科技", "物流科技"), ("货运代理", "道路运输")),
}
# Street-level industry federations: label and the industries they organise.
STREET_SECTORS = (
    ("餐饮", "H"), ("物业", "K"), ("美容美发", "O"), ("家政服务", "O"), ("汽车维修", "O"),
    ("建筑", "E"), ("商贸", "F"),
)  # fmt: skip
PARK_WORDS = ("科创", "智造", "数字经济", "电商", "文创", "生物医药", "新材料", "软件")
BUSINESS_WORDS = ("中心", "站前", "湖滨", "步行街", "新天地", "万象", "银泰", "老街")
BUILDING_WORDS = ("大厦", "中心", "广场", "国际大厦", "金融中心")
DEPARTMENTS = (
    "生产一车间", "生产二车间", "生产三车间", "销售部", "研发中心", "行政部", "物流部",
    "质检部", "客服中心", "财务部", "工程部", "采购部",
)  # fmt: skip
# Preferred federation kinds for a small unit, by industry.
FEDERATION_PREFERENCE = {
    "C": (FederationKind.PARK,),
    "I": (FederationKind.BUILDING, FederationKind.PARK),
    "M": (FederationKind.PARK, FederationKind.BUILDING),
    "J": (FederationKind.BUILDING,),
    "L": (FederationKind.BUILDING,),
    "F": (FederationKind.BUSINESS_DISTRICT, FederationKind.INDUSTRY),
    "H": (FederationKind.INDUSTRY, FederationKind.BUSINESS_DISTRICT),
    "R": (FederationKind.BUSINESS_DISTRICT,),
    "K": (FederationKind.INDUSTRY,),
    "O": (FederationKind.INDUSTRY, FederationKind.AREA),
    "E": (FederationKind.INDUSTRY,),
}
# Unit-category mix per size class.
CATEGORY_WEIGHTS = {
    "micro": {"170": 50, "150": 20, "600": 20, "700": 3, "120": 1, "130": 1, "190": 1,
              "200": 1, "300": 1, "400": 1, "500": 1},
    "small": {"170": 45, "150": 30, "160": 3, "110": 3, "120": 2, "130": 1, "140": 1,
              "190": 1, "200": 3, "300": 3, "400": 4, "500": 2, "700": 2},
    "medium": {"150": 35, "170": 25, "160": 10, "110": 8, "200": 5, "300": 7, "400": 7,
               "500": 2, "120": 1},
    "large": {"160": 25, "110": 25, "150": 20, "300": 12, "200": 6, "400": 8, "170": 4},
}  # fmt: skip
INDUSTRY_WEIGHTS = {
    "400": {"P": 40, "Q": 30, "M": 10, "R": 12, "N": 8},
    "500": {"S": 1},
    "600": {"F": 45, "H": 30, "O": 25},
    "700": {"P": 50, "Q": 25, "O": 10, "R": 15},
    "110": {"D": 20, "G": 20, "E": 15, "J": 15, "K": 10, "C": 10, "N": 10},
    "business": {"C": 20, "F": 18, "I": 10, "L": 9, "E": 7, "G": 7, "H": 7, "M": 5, "O": 4,
                 "K": 4, "R": 2, "J": 2, "A": 2, "N": 1, "P": 1, "Q": 1},
}  # fmt: skip
# USCC registering authority + entity type, by unit category.
USCC_PREFIX = {"400": "12", "500": "11", "600": "92", "700": "52"}
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORGCODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_CN_DIGITS = "零一二三四五六七八九"


class DemoUser(NamedTuple):
    username: str
    role: str  # core.choices.Role value, "" for none
    description: str  # shown in the logins table
    name: str


class DemoLogin(NamedTuple):
    username: str
    password: str
    role: str
    org: str


DEMO_USERS = (
    DemoUser("city_admin", Role.ADMIN, "市总工会管理员", "周建国"),
    DemoUser("district_admin", Role.ADMIN, "区总工会管理员", "吴晓梅"),
    DemoUser("street_admin", Role.ADMIN, "街道总工会管理员", "郑海波"),
    DemoUser("union_admin", Role.ADMIN, "基层工会管理员", "王丽娟"),
    DemoUser("district2_admin", Role.ADMIN, "区总工会管理员（另一区，演示数据范围）", "陈志成"),
    DemoUser("reviewer", Role.REVIEWER, "区总工会审核员", "林静"),
    DemoUser("worker", "", "普通职工（无管理角色）", "张伟"),
)
DEMO_USERNAMES = tuple(u.username for u in DEMO_USERS)


# --- small helpers -----------------------------------------------------------------------


def cn_number(n: int) -> str:
    """1 → 一, 23 → 二十三, 105 → 一百零五, 2010 → 二千零一十 (1–9999; larger in digits)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    if n >= 10000:
        return str(n)
    text, pending_zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            text += ("零" if pending_zero else "") + _CN_DIGITS[digit] + unit
            pending_zero = False
        elif text:
            pending_zero = True
    return text


def _weighted(rng, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _org_code_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code."""
    total = sum(int(c, 36) * w for c, w in zip(body, _ORGCODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def make_uscc(rng, prefix: str, region: str) -> str:
    """A valid USCC: prefix (2) + region (6) + organisation code (8 + GB 11714 check) + check."""
    from stdnum.cn import uscc

    if rng.random() < 0.6:  # codes issued together with a USCC (since 2015) start with "MA"
        body = "MA" + "".join(rng.choice(_USCC_ALPHABET) for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = prefix + region + body + _org_code_check(body)
    return first17 + uscc.calc_check_digit(first17)


def _election_dates(rng, term: int, founded_year: int):
    """(founded_on, last_election_on, next_election_due) on a regular term cycle."""
    r = rng.random()
    if r < 0.07:
        due = ELECTION_CHECK_DATE - datetime.timedelta(days=rng.randint(1, 400))
    elif r < 0.17:
        due = ELECTION_CHECK_DATE + datetime.timedelta(days=rng.randint(0, DUE_SOON_DAYS))
    else:
        due = ELECTION_CHECK_DATE + datetime.timedelta(
            days=rng.randint(DUE_SOON_DAYS + 1, term * 365 - 1)
        )
    last = add_years(due, -term)
    cycles = max(0, (last.year - founded_year) // term)
    return add_years(last, -term * cycles), last, due


class TreeBuilder:
    """Appends nodes to the org tree in memory, computing treebeard paths and counters."""

    def __init__(self):
        self.new: list[Org] = []
        self.touched: dict[int, Org] = {}  # already saved parents whose numchild changed
        self.roots = 0

    def add(self, parent: Org | None, **fields) -> Org:
        org = Org(numchild=0, **fields)
        if parent is None:
            self.roots += 1
            org.depth = 1
            org.path = Org._get_path(None, 1, self.roots)
        else:
            parent.numchild += 1
            org.depth = parent.depth + 1
            org.path = Org._get_path(parent.path, org.depth, parent.numchild)
            if parent.pk is not None:
                self.touched[parent.pk] = parent
        self.new.append(org)
        return org

    def save(self) -> list[Org]:
        created = Org.objects.bulk_create(self.new, batch_size=BATCH)
        if self.touched:
            Org.objects.bulk_update(list(self.touched.values()), ["numchild"], batch_size=BATCH)
        self.new, self.touched = [], {}
        return created


def _with_terms(rng, fields: dict, founded_year: int, terms=(5,)) -> dict:
    term = rng.choice(terms)
    founded, last, due = _election_dates(rng, term, founded_year)
    fields.update(
        term_years=term,
        founded_on=founded,
        last_election_on=last,
        next_election_due=due,
        chair_name=person_name(rng),
    )
    return fields


# --- generator: the federation tree ------------------------------------------------------


def _place_names(rng, count: int, taken: set[str]) -> list[str]:
    names = []
    while len(names) < count:
        name = rng.choice(_PLACE_FIRST) + rng.choice(_PLACE_SECOND)
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


@register("orgs", order=10)
def seed_org_tree(ctx: SeedContext) -> None:
    """市总 → districts → streets → street federations + district industry federations."""
    rng = ctx.rng
    tree = TreeBuilder()
    city = tree.add(
        None,
        **_with_terms(
            rng,
            {
                "code": f"C{CITY_REGION}",
                "name": f"{CITY}总工会",
                "level": OrgLevel.CITY,
                "region_code": CITY_REGION,
            },
            1950,
        ),
    )
    districts, streets, federations = [], [], []
    industry_federations: dict[tuple[str, str], Org] = {}  # (district code, sector) -> Org
    street_info: dict[str, dict] = {}  # street code -> names used by enterprises
    federation_base: dict[str, str] = {}  # federation code -> name stem for joint unions
    federation_industries: dict[str, tuple[str, ...]] = {}  # code -> industries it organises
    taken_places: set[str] = set()
    for d_name, d_region, d_kind in DISTRICTS:
        district = tree.add(
            city,
            **_with_terms(
                rng,
                {
                    "code": f"D{d_region}",
                    "name": f"{d_name}总工会",
                    "level": OrgLevel.DISTRICT,
                    "region_code": d_region,
                },
                rng.randint(1952, 1990),
            ),
        )
        districts.append(district)
        # District-level industry federations for new-employment-form workers.
        sectors = ["express", "ride_hailing", "freight"]
        if rng.random() < 0.6:
            sectors.insert(1, "food_delivery")
        for s_index, sector in enumerate(sectors, start=1):
            label = SECTORS[sector][0]
            fed = tree.add(
                district,
                **_with_terms(
                    rng,
                    {
                        "code": f"F{d_region}-H{s_index:02d}",
                        "name": f"{d_name}{label}行业工会联合会",
                        "level": OrgLevel.FEDERATION,
                        "federation_kind": FederationKind.INDUSTRY,
                        "sector": sector,
                        "region_code": d_region,
                    },
                    rng.randint(2017, 2024),
                    terms=(3, 5),
                ),
            )
            industry_federations[(district.code, sector)] = fed
            federation_base[fed.code] = f"{d_name}{label}行业"
            federations.append(fed)
        for st_index, place in enumerate(_place_names(rng, rng.randint(6, 10), taken_places), 1):
            if d_kind == "district":
                suffix = "镇" if st_index > 2 and rng.random() < 0.15 else "街道"
            else:
                suffix = "街道" if st_index <= 2 else ("乡" if rng.random() < 0.2 else "镇")
            st_name = place + suffix
            st_region = f"{d_region}{st_index:03d}"
            street = tree.add(
                district,
                **_with_terms(
                    rng,
                    {
                        "code": f"S{st_region}",
                        "name": f"{st_name}总工会",
                        "level": OrgLevel.STREET,
                        "region_code": st_region,
                    },
                    rng.randint(1980, 2012),
                ),
            )
            streets.append(street)
            communities, wanted = [], rng.randint(3, 6)
            while len(communities) < wanted:
                name = rng.choice(_COMMUNITY_FIRST) + rng.choice(_COMMUNITY_SECOND) + "社区"
                if name not in communities:
                    communities.append(name)
            info = {
                "district_org": district,
                "name": st_name,
                "district": d_name,
                "roads": rng.sample(ROADS, 5),
                "communities": communities,
                "federations": [],
                "buildings": [],
                "parks": [],
            }
            street_info[street.code] = info
            for f_index, kind in enumerate(
                rng.sample(list(FederationKind), rng.choice((1, 2, 2, 3))), 1
            ):
                industries: tuple[str, ...] = ()
                if kind == FederationKind.INDUSTRY:
                    label, industry = rng.choice(STREET_SECTORS)
                    stem = f"{st_name}{label}行业"
                    name = f"{stem}工会联合会"
                    industries = (industry,)
                elif kind == FederationKind.PARK:
                    stem = f"{st_name}{place}{rng.choice(PARK_WORDS)}产业园"
                    name = f"{stem}工会联合会"
                    info["parks"].append(stem.removeprefix(st_name))
                elif kind == FederationKind.BUILDING:
                    building = (
                        rng.choice(BRAND_CHARS)
                        + rng.choice(BRAND_CHARS)
                        + rng.choice(BUILDING_WORDS)
                    )
                    stem = f"{st_name}{building}"
                    name = f"{stem}楼宇联合工会"
                    info["buildings"].append(building)
                elif kind == FederationKind.BUSINESS_DISTRICT:
                    stem = f"{st_name}{rng.choice(BUSINESS_WORDS)}商圈"
                    name = f"{stem}联合工会"
                else:
                    stem = f"{st_name}{rng.choice(communities)}"
                    name = f"{stem}区域联合工会"
                fed = tree.add(
                    street,
                    **_with_terms(
                        rng,
                        {
                            "code": f"F{st_region}-{f_index:02d}",
                            "name": name,
                            "level": OrgLevel.FEDERATION,
                            "federation_kind": kind,
                            "region_code": st_region,
                        },
                        rng.randint(2008, 2023),
                        terms=(3, 5),
                    ),
                )
                federation_industries[fed.code] = industries
                federation_base[fed.code] = stem
                info["federations"].append(fed)
                federations.append(fed)
    tree.save()
    ctx.data.update(
        orgs=[city, *districts, *streets, *federations],
        city=city,
        districts=districts,
        streets=streets,
        federations=federations,
        industry_federations=industry_federations,
        street_info=street_info,
        federation_base=federation_base,
        federation_industries=federation_industries,
    )
    ctx.log(f"{len(districts)} districts, {len(streets)} streets, {len(federations)} federations")


# --- generator: enterprises and grassroots unions ----------------------------------------


def enterprise_count(members: int) -> int:
    return max(300, members // 80)


def _size(rng) -> tuple[str, int]:
    r = rng.random()
    if r < 0.66:
        return "micro", 1 + int(19 * rng.random() ** 1.5)
    if r < 0.88:
        return "small", rng.randint(20, 99)
    if r < 0.985:
        return "medium", min(999, int(100 * 10 ** rng.random()))
    return "large", int(1000 * 8 ** rng.random())


class _Namer:
    """Unique Chinese unit names (retries on collision)."""

    def __init__(self, rng):
        self.rng = rng
        self.taken: set[str] = set()
        self.counters: dict[str, int] = defaultdict(int)

    def brand(self) -> str:
        return self.rng.choice(BRAND_CHARS) + self.rng.choice(BRAND_CHARS)

    def company(self, district_short: str, category: str, industry: str, words=None) -> str:
        rng = self.rng
        word = rng.choice(words or INDUSTRY_WORDS.get(industry, INDUSTRY_WORDS["L"]))
        brand = self.brand()
        if category == "200":
            brand = rng.choice(HKTW_BRANDS) + (self.brand() if rng.random() < 0.5 else "")
        elif category == "300":
            brand = rng.choice(FOREIGN_BRANDS) + (self.brand() if rng.random() < 0.5 else "")
        if category == "110":
            prefix, suffix = CITY, rng.choice(("有限公司", "集团有限公司"))
        else:
            prefix = rng.choices(("示范市", "示范", district_short, ""), weights=(40, 15, 25, 20))[
                0
            ]
            suffix = "股份有限公司" if category == "160" else "有限公司"
        if category in ("200", "300") and rng.random() < 0.5:
            return f"{brand}{word}（{CITY}）{suffix}"
        return f"{prefix}{brand}{word}{suffix}"

    def institution(self, district: str, street: str) -> tuple[str, str]:
        industry, unit, area = self.rng.choice(INSTITUTIONS)
        place = district + (street if area == "street" else "")
        key = place + unit
        self.counters[key] += 1
        n = self.counters[key]
        if unit in NUMBERED_INSTITUTIONS or n > 1:
            return industry, f"{place}第{cn_number(n)}{unit}"
        return industry, f"{place}{unit}"

    def unique(self, make) -> str | None:
        for _ in range(50):
            name = make()
            if name not in self.taken:
                self.taken.add(name)
                return name
        return None


def _enterprise_name(
    namer: _Namer, category: str, industry: str, district: str, street: str, sector: str, platform
) -> tuple[str, str | None]:
    """(industry, unique name) of a unit; the name is None when the space is exhausted."""
    rng, short = namer.rng, district[:-1]
    if category == "400":
        for _ in range(50):
            industry, name = namer.institution(district, street)
            if name not in namer.taken:
                namer.taken.add(name)
                return industry, name
        return industry, None
    if category == "500":
        return industry, namer.unique(
            lambda: rng.choice(
                (
                    f"{district}{rng.choice(BUREAUS)}",
                    f"{street}办事处",
                    f"{CITY}{rng.choice(BUREAUS)}",
                )
            )
        )
    if category == "600":
        return industry, namer.unique(
            lambda: f"{district}{namer.brand()}{rng.choice(SHOPS[industry])}"
        )
    if category == "700":
        return industry, namer.unique(
            lambda: f"{CITY}{short}{namer.brand()}{rng.choice(NON_PROFIT_UNITS[industry])}"
        )
    words = SECTORS[sector][2 if platform else 3] if sector else None
    return industry, namer.unique(lambda: namer.company(short, category, industry, words))


def _address(rng, info: dict, industry: str) -> str:
    base = (
        f"{CITY}{info['district']}{info['name']}{rng.choice(info['roads'])}{rng.randint(1, 999)}号"
    )
    if industry in "IJLM" and info["buildings"] and rng.random() < 0.6:
        return f"{base}{rng.choice(info['buildings'])}{rng.randint(2, 28)}楼"
    if industry in "CM" and info["parks"] and rng.random() < 0.6:
        return f"{base}{rng.choice(info['parks'])}{rng.randint(1, 20)}幢"
    if rng.random() < 0.3:
        return f"{base}{rng.randint(1, 30)}幢{rng.randint(101, 2808)}室"
    return base


def _pick_federation(rng, feds: list[Org], industry: str, industries_of) -> Org | None:
    if not feds:
        return None
    for kind in FEDERATION_PREFERENCE.get(industry, ()):
        matches = [
            f
            for f in feds
            if f.federation_kind == kind
            and (kind != FederationKind.INDUSTRY or industry in industries_of[f.code])
        ]
        if matches:
            return rng.choice(matches)
    areas = [f for f in feds if f.federation_kind == FederationKind.AREA]
    return rng.choice(areas or feds)


class _UnionCodes:
    def __init__(self):
        self.counters: dict[str, int] = defaultdict(int)

    def next(self, scope_region: str) -> str:
        self.counters[scope_region] += 1
        return f"G{scope_region}-{self.counters[scope_region]:04d}"


@register("enterprises", order=20)
def seed_enterprises(ctx: SeedContext) -> None:
    """Enterprises, their standalone/joint grassroots unions and a few union groups."""
    rng = ctx.rng
    streets: list[Org] = ctx.data["streets"]
    street_info = ctx.data["street_info"]
    industry_federations = ctx.data["industry_federations"]
    federation_base = ctx.data["federation_base"]
    federation_industries = ctx.data["federation_industries"]
    total = enterprise_count(ctx.members)
    n_platforms = max(6, total // 150)

    weights = []
    for street in streets:
        w = rng.uniform(0.5, 2.0)
        if street_info[street.code]["district"] in ("高新区", "临江区"):
            w *= 1.6
        weights.append(w)
    placed = rng.choices(streets, weights=weights, k=total)

    namer = _Namer(rng)
    codes = _UnionCodes()
    tree = TreeBuilder()
    usccs: set[str] = set()
    enterprises: list[Enterprise] = []
    sector_of: list[str] = []
    own_union: dict[int, Org] = {}  # enterprise index -> its standalone union
    joint_pool: dict[str, list[int]] = defaultdict(list)  # street code -> enterprise indexes
    grassroots: list[Org] = []
    groups: list[Org] = []

    def new_union(parent: Org, scope: str, region: str, name: str, gtype: str) -> Org:
        """A grassroots union under ``parent``; ``scope`` numbers its code, ``region`` is
        the street where its unit(s) are."""
        fields = {
            "code": codes.next(scope),
            "name": name[:120],
            "level": OrgLevel.GRASSROOTS,
            "grassroots_type": gtype,
            "region_code": region,
        }
        union = tree.add(parent, **_with_terms(rng, fields, rng.randint(1998, 2025), (3, 5, 5)))
        grassroots.append(union)
        return union

    for index, street in enumerate(placed):
        district = street_info[street.code]["district_org"]
        info = street_info[street.code]
        st_region = street.region_code
        sector = ""
        is_platform = index < n_platforms
        if is_platform:
            sector = rng.choice(("express", "express", "food_delivery", "ride_hailing", "freight"))
            size, employees = "medium", int(50 * 60 ** rng.random())
            category = rng.choice(("150", "150", "160", "170"))
            industry = SECTORS[sector][1]
        else:
            size, employees = _size(rng)
            category = _weighted(rng, CATEGORY_WEIGHTS[size])
            if category in INDUSTRY_WEIGHTS:
                industry = _weighted(rng, INDUSTRY_WEIGHTS[category])
            else:
                industry = _weighted(rng, INDUSTRY_WEIGHTS["business"])
            if industry == "G" and size in ("micro", "small") and rng.random() < 0.5:
                sector = rng.choice(tuple(SECTORS))
        industry, name = _enterprise_name(
            namer, category, industry, info["district"], info["name"], sector, is_platform
        )
        if name is None:  # the naming space of this kind is exhausted; fall back
            category, industry, sector = "170", "L", ""
            _, name = _enterprise_name(namer, "170", "L", info["district"], info["name"], "", False)
        prefix = USCC_PREFIX.get(category, "91")
        uscc = make_uscc(rng, prefix, district.region_code)
        while uscc in usccs:
            uscc = make_uscc(rng, prefix, district.region_code)
        usccs.add(uscc)
        status = EnterpriseStatus.CLOSED if rng.random() < 0.02 else EnterpriseStatus.ACTIVE
        enterprise = Enterprise(
            uscc=uscc,
            name=name,
            category=category,
            industry=industry,
            employee_count=employees,
            territory=street,
            region_code=st_region,
            address=_address(rng, info, industry),
            is_platform=is_platform,
            status=status,
        )
        enterprises.append(enterprise)
        sector_of.append(sector)

        # Coverage.
        union_name = f"{name}{'机关' if category == '500' else ''}工会委员会"
        sector_fed = industry_federations.get((district.code, sector)) if sector else None
        if status == EnterpriseStatus.CLOSED:
            if employees >= 25 and rng.random() < 0.5:
                union = new_union(
                    street, st_region, st_region, union_name, GrassrootsType.STANDALONE
                )
                union.status = OrgStatus.DISSOLVED
                lived = (ELECTION_CHECK_DATE - union.last_election_on).days
                union.dissolved_on = union.last_election_on + datetime.timedelta(
                    days=rng.randint(0, lived)
                )
                union.dissolution_reason = "单位注销"
                union.next_election_due = None
            continue
        if sector_fed and not is_platform and employees < 25 and rng.random() < 0.45:
            enterprise.covering_union = sector_fed
            continue
        if employees >= 25:
            p_own = 0.95 if category in ("110", "400", "500") else 0.85 if is_platform else 0.8
            r = rng.random()
            if r < p_own:
                mode = "own"
            elif r < p_own + (1 - p_own) * 0.25:
                mode = "joint"
            else:
                mode = "none"
        else:
            r = rng.random()
            if r < 0.08 and category != "600":
                mode = "own"
            elif r < 0.40:
                mode = "federation"
            elif r < 0.70:
                mode = "joint"
            else:
                mode = "none"
        feds = info["federations"]
        if mode == "federation":
            enterprise.covering_union = _pick_federation(rng, feds, industry, federation_industries)
            if enterprise.covering_union is None:
                mode = "joint"
        if mode == "joint":
            joint_pool[street.code].append(index)
        elif mode == "own":
            parent, scope = street, st_region
            if is_platform and sector_fed and rng.random() < 0.6:
                parent, scope = sector_fed, district.region_code
            elif category in ("400", "500") and rng.random() < 0.35:
                parent, scope = district, district.region_code
            elif feds and rng.random() < 0.25:
                fed = _pick_federation(rng, feds, industry, federation_industries)
                if fed.federation_kind != FederationKind.AREA:
                    parent = fed
            union = new_union(parent, scope, st_region, union_name, GrassrootsType.STANDALONE)
            own_union[index] = union
            if employees >= 300 and rng.random() < 0.2:
                for g_index, dept in enumerate(rng.sample(DEPARTMENTS, rng.randint(2, 4)), 1):
                    group = tree.add(
                        union,
                        code=f"T{union.code[1:]}-{g_index:02d}",
                        name=f"{dept}工会小组",
                        level=OrgLevel.GROUP,
                        region_code=union.region_code,
                        chair_name=person_name(rng),
                        founded_on=min(
                            ELECTION_CHECK_DATE,
                            union.founded_on + datetime.timedelta(days=rng.randint(0, 365)),
                        ),
                    )
                    groups.append(group)

    # Joint grassroots unions: chunks of 3–10 small units of the same street.
    joint_union: dict[int, Org] = {}
    joint_counter: dict[str, int] = defaultdict(int)
    for street in streets:
        pool = joint_pool.get(street.code, [])
        info = street_info[street.code]
        start = 0
        while start < len(pool):
            chunk = pool[start : start + rng.randint(3, 10)]
            start += len(chunk)
            # Joint unions sit under the street or a territorial federation (not an industry one).
            feds = [f for f in info["federations"] if f.federation_kind != FederationKind.INDUSTRY]
            parent = rng.choice(feds) if feds and rng.random() < 0.45 else street
            stem = federation_base[parent.code] if parent is not street else info["name"]
            joint_counter[parent.code] += 1
            name = f"{stem}第{cn_number(joint_counter[parent.code])}联合工会委员会"
            region = street.region_code
            union = new_union(parent, region, region, name, GrassrootsType.JOINT)
            for i in chunk:
                joint_union[i] = union

    created_orgs = tree.save()
    for i, union in own_union.items():
        enterprises[i].covering_union = union
    for i, union in joint_union.items():
        enterprises[i].covering_union = union
    Enterprise.objects.bulk_create(enterprises, batch_size=BATCH)
    fix_timestamps(Org.objects.all())
    fix_timestamps(Enterprise.objects.all())

    ctx.data["orgs"].extend(created_orgs)
    ctx.data.update(
        grassroots=grassroots,
        groups=groups,
        enterprises=enterprises,
        # enterprise pk -> new-employment-form sector (express, food_delivery, ...)
        enterprise_sector={e.pk: s for e, s in zip(enterprises, sector_of, strict=True) if s},
    )
    covered = sum(1 for e in enterprises if e.covering_union_id)
    ctx.log(
        f"{len(enterprises)} enterprises ({n_platforms} platforms, "
        f"{covered * 100 // len(enterprises)}% covered), {len(grassroots)} grassroots unions, "
        f"{len(groups)} union groups"
    )


# --- generator: elections ----------------------------------------------------------------


def _committee_size(rng, org: Org, employees: int) -> int:
    if org.level in (OrgLevel.CITY, OrgLevel.DISTRICT):
        return rng.choice((9, 11))
    if org.level == OrgLevel.STREET:
        return rng.choice((7, 9))
    if org.level == OrgLevel.FEDERATION:
        return rng.choice((5, 7))
    if employees < 50:
        return 3
    if employees < 200:
        return 5
    if employees < 1000:
        return 7
    return rng.choice((9, 11))


def _names(rng, count: int, first: str) -> list[str]:
    names = [first]
    while len(names) < count:
        name = person_name(rng)
        if name not in names:
            names.append(name)
    return names


@register("elections", order=30)
def seed_elections(ctx: SeedContext) -> None:
    """The last election (and the one before, when the org is old enough) of every org."""
    rng = ctx.rng
    employees: dict[int, int] = defaultdict(int)
    for e in ctx.data["enterprises"]:
        if e.covering_union_id:
            employees[e.covering_union_id] += e.employee_count
    rows = []
    for org in sorted(ctx.data["orgs"], key=lambda o: o.path):
        if not org.last_election_on:
            continue
        size = _committee_size(rng, org, employees.get(org.pk, 30))
        held = [(org.last_election_on, org.chair_name)]
        previous = add_years(org.last_election_on, -org.term_years)
        if org.founded_on and previous >= org.founded_on:
            held.append((previous, org.chair_name if rng.random() < 0.4 else person_name(rng)))
        for held_on, chair in held:
            committee = _names(rng, size, chair)
            audit = _names(rng, 5 if size >= 9 else 3, person_name(rng))
            rows.append(
                Election(
                    org=org,
                    held_on=held_on,
                    term_years=org.term_years,
                    chair_name=chair,
                    committee_members="，".join(committee),
                    audit_committee_members="，".join(audit),
                    notes="届满换届" if held_on > org.founded_on else "成立大会选举",
                )
            )
    Election.objects.bulk_create(rows, batch_size=BATCH)
    fix_timestamps(Election.objects.all())
    ctx.log(f"{len(rows)} elections")


# --- generator: demo users -----------------------------------------------------------------


def _flush_demo_users(ctx: SeedContext) -> None:
    deleted, _ = get_user_model().objects.filter(username__in=DEMO_USERNAMES).delete()
    ctx.stdout.write(f"  deleted demo users ({deleted} rows incl. related)\n")


@register("demo_users", order=90, flush=_flush_demo_users)
def seed_demo_users(ctx: SeedContext) -> None:
    """A handful of accounts with roles at well-known orgs, password ``DEMO_PASSWORD``."""
    city = ctx.data["city"]
    district, district2 = ctx.data["districts"][:2]
    # The first union with its own committee in the district, and the street it sits in.
    union = min(
        (
            g
            for g in ctx.data["grassroots"]
            if g.path.startswith(district.path)
            and g.status == OrgStatus.ACTIVE
            and g.grassroots_type == GrassrootsType.STANDALONE
            and any(g.path.startswith(s.path) for s in ctx.data["streets"])
        ),
        key=_path,
    )
    street = next(s for s in ctx.data["streets"] if union.path.startswith(s.path))
    org_of = {
        "city_admin": city,
        "district_admin": district,
        "street_admin": street,
        "union_admin": union,
        "district2_admin": district2,
        "reviewer": district,
        "worker": None,
    }
    User = get_user_model()
    existing = {u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES)}
    users, logins = {}, []
    for demo in DEMO_USERS:
        user = existing.get(demo.username) or User(username=demo.username)
        user.first_name = demo.name
        user.last_name = ""
        user.email = f"{demo.username}@example.org"
        user.is_active = True
        user.date_joined = SEED_TIMESTAMP
        user.set_password(DEMO_PASSWORD)
        user.save()
        users[demo.username] = user
        org = org_of[demo.username]
        if demo.role:
            RoleAssignment.objects.get_or_create(user=user, org=org, role=demo.role)
        logins.append(
            DemoLogin(demo.username, DEMO_PASSWORD, demo.description, org.name if org else "")
        )
    fix_timestamps(RoleAssignment.objects.filter(user__in=users.values()))
    ctx.data["demo_users"] = users
    ctx.data["demo_union"] = union
    ctx.data["demo_logins"] = logins
    ctx.log(f"{len(users)} demo users")


def _path(org: Org) -> str:
    return org.path


# --- logins table ------------------------------------------------------------------------


def demo_logins_from_db() -> list[DemoLogin]:
    """The demo accounts present in the database, in ``DEMO_USERS`` order."""
    users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_USERNAMES)}
    grants = defaultdict(list)
    assignments = RoleAssignment.objects.filter(user__username__in=DEMO_USERNAMES)
    for ra in assignments.select_related("user", "org").order_by("org__path", "role"):
        grants[ra.user.username].append(ra.org.name)
    rows = []
    for demo in DEMO_USERS:
        user = users.get(demo.username)
        if user is None:
            continue
        password = DEMO_PASSWORD if user.check_password(DEMO_PASSWORD) else "(changed)"
        rows.append(
            DemoLogin(demo.username, password, demo.description, "；".join(grants[demo.username]))
        )
    return rows


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_logins(rows: list[DemoLogin]) -> str:
    """A plain-text table (username / password / role / org), aligned for CJK text."""
    header = DemoLogin("username", "password", "role", "organisation")
    table = [header, *[DemoLogin(*(v or "—" for v in row)) for row in rows]]
    widths = [max(_width(row[i]) for row in table) for i in range(3)]
    lines = []
    for row in table:
        cells = [row[i] + " " * (widths[i] - _width(row[i])) for i in range(3)]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    lines.insert(1, "  ".join("-" * w for w in [*widths, max(_width(r[3]) for r in table)]))
    return "\n".join(lines)
