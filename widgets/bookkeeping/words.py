"""The bookkeeping module's words, in her language: the cash book's kinds, the uses of a surplus,
the lines of a money statement, the months. Plain Python (gettext only), so that documents and
views, and the AGM module, name things the same way without importing a view."""
from __future__ import annotations

from babel.dates import get_month_names

from .statement import Line
from .year_summary import Allocation


def category_names(_) -> dict[str, str]:
    return {
        "sale": _("Sale"), "contribution": _("Member contribution"), "other_in": _("Other money in"),
        "purchase": _("Purchase of materials"), "transport": _("Transport"),
        "delivery": _("Delivery"), "other_out": _("Other money out"),
    }


def allocation_names(_) -> dict[str, str]:
    # "To the reserves": as both lessons put it (« 3 000 DH aux réserves », bookkeeping_4 and agm_2)
    return {"reserve": _("To the reserves"), "members": _("Returned to the members"), "other": _("Other use")}


def allocation_words(allocation: Allocation, _) -> str:
    """A proposed use by its name; an "other" use by her own words when she gave them."""
    names = allocation_names(_)
    return (allocation.label or names["other"]) if allocation.kind == "other" else names[allocation.kind]


def result_label(amount: float, _) -> str:
    return _("Surplus") if amount >= 0 else _("Deficit")


def line_words(line: Line, _, of_the_year: bool = False) -> str:
    """The words of a money statement's line; ``of_the_year`` names the result as a report does
    ("Surplus of the year")."""
    if line.part in ("in", "out"):
        return category_names(_).get(line.key, line.key)
    if line.part == "use":
        return allocation_words(line.allocation, _)
    if line.part == "result" and of_the_year:
        return _("Surplus of the year") if line.amount >= 0 else _("Deficit of the year")
    if line.part == "result":
        return result_label(line.amount, _)
    return {"total_in": _("Total money in"), "total_out": _("Total money out"),
            "net_surplus": _("Net surplus (from the accountant)"),
            "carried_forward": _("Carried forward to next year")}[line.part]


def month_name(month: int, lang: str) -> str:
    """Month names as written in Morocco (janvier / يناير ... دجنبر)."""
    return get_month_names("wide", locale="ar_MA" if lang == "ar" else "fr_FR")[month]
