"""Worked examples of lessons 2-4, the same weaving cooperative « Nour » as the cash book lesson:
its products' margins, its stock sheet, and its year in month-by-month totals."""
from __future__ import annotations

from .stock import FINISHED, IN, OUT, RAW, Item, Movement
from .summary import ProductLine, Totals
from .year_summary import Allocation, YearSummary

# -- lesson 2: margin per product in March (name in French, name in Arabic, sold, price, cost of one)
_PRODUCTS = [
    ("Tapis", "زربية", 2, 1075, 520),
    ("Coussin", "وسادة", 2, 400, 150),
]


def example_products(lang: str) -> list[ProductLine]:
    return [ProductLine(ar if lang == "ar" else fr, n, price, cost) for fr, ar, n, price, cost in _PRODUCTS]


# -- lesson 3: the stock sheet of March (name fr, name ar, kind, unit fr, unit ar, opening qty, cost)
_ITEMS = [
    ("Laine", "الصوف", RAW, "kg", "كلغ", 10, 45),
    ("Teinture", "الصباغة", RAW, "L", "لتر", 4, 30),
    ("Tapis", "زربية", FINISHED, "pièce", "قطعة", 2, 520),
]
# (item index, direction, quantity, unit cost, label fr, label ar)
_MOVES = [
    (0, IN, 20, 48, "Achat de laine", "شراء الصوف"),
    (0, OUT, 18, 0, "Laine pour trois tapis", "صوف لثلاث زرابي"),
    (1, IN, 2, 30, "Achat de teinture", "شراء الصباغة"),
    (1, OUT, 3, 0, "Teinture des tapis", "صباغة الزرابي"),
    (2, IN, 3, 520, "Trois tapis terminés", "ثلاث زرابي منتهية"),
    (2, OUT, 4, 0, "Tapis vendus", "زرابي مباعة"),
]


def _name(entry, lang):
    return entry[1] if lang == "ar" else entry[0]


def example_items(lang: str) -> list[Item]:
    return [Item(_name(i, lang), kind, unit_ar if lang == "ar" else unit_fr, qty, cost)
            for i in _ITEMS for kind, unit_fr, unit_ar, qty, cost in [i[2:]]]


def example_movements(lang: str) -> list[Movement]:
    return [Movement(_name(_ITEMS[index], lang), direction, qty, cost, None, ar if lang == "ar" else fr)
            for index, direction, qty, cost, fr, ar in _MOVES]


# -- lesson 4: the year 2025, month by month
EXAMPLE_YEAR = 2025
EXAMPLE_YEAR_OPENING = 800.0
# month: (sale, contribution, other_in, purchase, transport, delivery, other_out)
_YEAR = {
    1: (1800, 600, 0, 700, 80, 40, 600),
    2: (1500, 0, 0, 500, 60, 35, 600),
    3: (2950, 200, 0, 570, 60, 35, 600),
    4: (3200, 0, 0, 1200, 90, 70, 600),
    5: (2400, 0, 500, 800, 60, 50, 600),
    6: (1900, 0, 0, 600, 60, 35, 600),
    7: (3600, 0, 0, 1400, 120, 105, 600),
    8: (4100, 0, 0, 1500, 120, 140, 600),
    9: (1200, 0, 0, 400, 40, 35, 600),
    10: (1500, 0, 0, 600, 60, 35, 600),
    11: (2200, 0, 0, 900, 60, 70, 600),
    12: (3850, 0, 0, 1430, 110, 140, 600),
}
_CATEGORIES_IN = ("sale", "contribution", "other_in")
_CATEGORIES_OUT = ("purchase", "transport", "delivery", "other_out")
EXAMPLE_RESERVE = 3000.0


def example_year_months() -> dict[int, Totals]:
    return {m: Totals(dict(zip(_CATEGORIES_IN, v[:3])), dict(zip(_CATEGORIES_OUT, v[3:])))
            for m, v in _YEAR.items()}


def example_year(with_allocations: bool = True) -> YearSummary:
    """Nour's year; the board proposes 3 000 DH to the reserves and carries the rest forward."""
    allocations = [Allocation("reserve", EXAMPLE_RESERVE)] if with_allocations else []
    return YearSummary(EXAMPLE_YEAR, EXAMPLE_YEAR_OPENING, example_year_months(), allocations, "Nour")


# -- lesson 2: a receipt the cooperative gave for two cushions; its number and its buyer are missing
_RECEIPT = {
    "date": ("12/03/2026", "12/03/2026"),
    "seller": ("Coopérative Nour, douar Aït Ali, Azilal", "تعاونية نور، دوار آيت علي، أزيلال"),
    "description": ("Coussin tissé", "وسادة منسوجة"),
    "quantity": ("2", "2"),
    "unit_price": ("400 DH", "400 DH"),
    "total": ("800 DH", "800 DH"),
}
EXAMPLE_RECEIPT_MISSING = ("number", "buyer")


def example_receipt(lang: str) -> dict[str, str]:
    return {item: ar if lang == "ar" else fr for item, (fr, ar) in _RECEIPT.items()}
