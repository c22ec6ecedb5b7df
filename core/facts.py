"""Facts about enterprises that one capability knows and another needs.

Honours (C12) must refuse a nominee whose enterprise has no collective contract in force or
shows wage arrears or a red early-warning level (一票否决), but those facts belong to the
labour-relations (C6) and early-warning (C7) capabilities. Rather than import each other,
the owner registers a provider and the consumer asks for the fact by name::

    from core import facts

    facts.register(facts.CONTRACT_IN_FORCE, contracts_in_force)   # in AppConfig.ready

    known = facts.lookup(facts.CONTRACT_IN_FORCE, enterprise_ids, on=today)
    if known is None: ...   # no capability provides it: say "no data", never guess

A provider is ``fn(enterprise_ids, on) -> dict[int, Fact]`` for a collection of enterprise
ids and a day; it answers in a constant number of queries and leaves out enterprises for
which the fact does not hold.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Names of the facts known so far, with the meaning of a hit.
CONTRACT_IN_FORCE = "contract_in_force"  # a 工资集体协商 (or 综合) contract is in force
WAGE_ARREARS = "wage_arrears"  # open 欠薪 signals or tickets
RISK_LEVEL = "risk_level"  # the current early-warning level (value: "red", "orange", …)


@dataclass(frozen=True)
class Fact:
    value: object = True
    evidence: str = ""  # what a reviewer reads, e.g. "欠薪 2 个月，涉及 40 人"


Provider = Callable[[Iterable[int], datetime.date], dict[int, Fact]]

_providers: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _providers[name] = provider


def unregister(name: str) -> None:
    _providers.pop(name, None)


def is_known(name: str) -> bool:
    return name in _providers


def lookup(
    name: str, enterprise_ids: Iterable[int], on: datetime.date | None = None
) -> dict[int, Fact] | None:
    """The enterprises of ``enterprise_ids`` for which fact ``name`` holds, or ``None`` when
    no capability provides that fact."""
    provider = _providers.get(name)
    if provider is None:
        return None
    return provider(list(enterprise_ids), on or datetime.date.today())
