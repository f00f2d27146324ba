"""The governance module's words, in her language: the board's roles, the kinds of a member's
payment, the decisions of an assembly and the assembly that takes each. Plain Python (gettext
only): the documents and the views name things the same way."""
from __future__ import annotations

from . import assemblies, registers


def role_names(_) -> dict[str, str]:
    return {"president": _("President"), "vice_president": _("Vice-president"), "treasurer": _("Treasurer"),
            "secretary": _("Secretary"), "member": _("Board member")}


def kind_names(_) -> dict[str, str]:
    return {registers.SHARE: _("Part sociale (capital)"), registers.CONTRIBUTION: _("Cotisation (income)")}


def decision_names(_) -> dict[str, str]:
    return {"accounts": _("Approve the accounts of the year"), "moral_report": _("Approve the moral report"),
            "quitus": _("Give the board discharge (quitus)"), "surplus": _("Decide the use of the surplus"),
            "board_election": _("Elect or re-elect board members"), "statutes": _("Change the statutes"),
            "merger": _("Merge with another cooperative"), "dissolution": _("Dissolve the cooperative")}


def assembly_names(_) -> dict[str, str]:
    return {assemblies.ORDINARY: _("Ordinary assembly"), assemblies.EXTRAORDINARY: _("Extraordinary assembly")}
