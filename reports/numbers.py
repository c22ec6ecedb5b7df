"""Figures written the way a 工作报告 writes them: 1,234 stays 1234, 56,789 becomes 5.68万,
money in 万元 from ten thousand yuan up, rates with one decimal."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_WAN = Decimal(10_000)
_YI = Decimal(100_000_000)


def _trim(value: Decimal, places: int = 2) -> str:
    quantum = Decimal(1).scaleb(-places)
    text = format(value.quantize(quantum, rounding=ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def cn_number(value) -> str:
    """A count: 9999 → "9999", 56789 → "5.68万", 123456789 → "1.23亿"."""
    number = Decimal(value)
    if abs(number) >= _YI:
        return f"{_trim(number / _YI)}亿"
    if abs(number) >= _WAN:
        return f"{_trim(number / _WAN)}万"
    return _trim(number)


def cn_money(value) -> str:
    """An amount in yuan: 800 → "800元", 123456.5 → "12.35万元"."""
    number = Decimal(value)
    if abs(number) >= _YI:
        return f"{_trim(number / _YI)}亿元"
    if abs(number) >= _WAN:
        return f"{_trim(number / _WAN)}万元"
    return f"{_trim(number)}元"


def cn_percent(value) -> str:
    """A rate already in percent, always with one decimal: 75.25 → "75.3%", 80 → "80.0%"."""
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded}%"
