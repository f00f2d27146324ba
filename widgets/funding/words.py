"""The funding module's words, in her language: the points a funder checks and where each stands.
Plain Python (gettext only): the checklist document and the lesson's screen say them the same way."""
from __future__ import annotations

from . import readiness


def point_names(_) -> dict[str, str]:
    return {"agm_held": _("General assembly held"), "accounts_prepared": _("Accounts of the year prepared"),
            "accounts_filed": _("Accounts filed at the tribunal"), "cash_book": _("Cash book kept"),
            "stock_book": _("Stock book kept"), "members_list": _("Members list kept")}


def status_names(_) -> dict[str, str]:
    return {readiness.DONE: _("Done"), readiness.PLANNED: _("Planned"), readiness.LATE: _("Late"),
            readiness.NOT_YET: _("Not yet")}
