"""Worked examples of lessons 2-4, read from the one year of « Nour » (``fadaa.widgets.bookkeeping.nour``):
its products' margins over materials, its stock sheet, and its year in month-by-month totals."""
from __future__ import annotations

from fadaa.widgets.bookkeeping import nour
from .stock import Item, Movement
from .summary import ProductLine
from .year_summary import YearSummary


# -- lesson 2: margin over materials per product in March
def example_products(lang: str) -> list[ProductLine]:
    return nour.march_products(lang)


# -- lesson 3: the stock sheet of March
def example_items(lang: str) -> list[Item]:
    return nour.stock_items(lang)


def example_movements(lang: str) -> list[Movement]:
    return nour.stock_movements(lang)


# -- lesson 4: the year, month by month
EXAMPLE_YEAR = nour.YEAR


def example_year(with_allocations: bool = True) -> YearSummary:
    """Nour's year, with the accountant's net surplus and the board's proposal."""
    return nour.year(with_allocations)


# -- lesson 2: a receipt the cooperative gave for two cushions; its number and its buyer are missing
_RECEIPT = {
    "date": ("12/03/2026", "12/03/2026"),
    "seller": (f"Coopérative {nour.NAME['fr']}, {nour.PLACE['fr']}", f"تعاونية {nour.NAME['ar']}، {nour.PLACE['ar']}"),
    "description": ("Coussin tissé", "وسادة منسوجة"),
    "quantity": ("2", "2"),
    "unit_price": (f"{nour.CUSHION_PRICE} DH", f"{nour.CUSHION_PRICE} DH"),
    "total": (f"{2 * nour.CUSHION_PRICE} DH", f"{2 * nour.CUSHION_PRICE} DH"),
}


def example_receipt(lang: str) -> dict[str, str]:
    return {item: ar if lang == "ar" else fr for item, (fr, ar) in _RECEIPT.items()}
