"""The AGM module's words, in her language: the calendar's steps and where each date comes from,
quorum and majority rules, the moral report's parts, and the refusals of the module's rules. Plain
Python (gettext only): the documents and the views name things the same way."""
from __future__ import annotations

from .quorum import CAST, MajorityRule, Threshold


def law_source(_) -> str:
    return _("Source: law 112-12 on cooperatives, as amended by law 74-16.")


def threshold_words(rule: Threshold, _) -> str:
    fraction = f"{rule.numerator}/{rule.denominator}"
    if rule.numerator == 0:
        return _("no minimum number of members")
    if rule.strict:
        return _("more than {fraction} of the members").format(fraction=fraction)
    return _("at least {fraction} of the members").format(fraction=fraction)


def majority_words(rule: MajorityRule, _) -> str:
    fraction = f"{rule.threshold.numerator}/{rule.threshold.denominator}"
    if rule.base == CAST:
        text = _("more than {fraction} of the votes cast") if rule.threshold.strict \
            else _("at least {fraction} of the votes cast")
    else:
        text = _("more than {fraction} of the members present or represented") if rule.threshold.strict \
            else _("at least {fraction} of the members present or represented")
    return text.format(fraction=fraction)


def milestone_names(_) -> dict[str, str]:
    return {
        "year_end": _("Close of the financial year"),
        "books_closed": _("Books closed, accounts drawn up"),
        "board_meeting": _("Board meeting: reports and agenda approved"),
        "convocation": _("Convocations sent to every member"),
        "agm": _("Ordinary general assembly"),
        "agm_deadline": _("Last day for the general assembly"),
        "filing": _("Accounts filed at the court of first instance"),
    }


def basis_names(_) -> dict[str, str]:
    return {"year": _("your statutes (financial year)"), "planned": _("your choice"),
            "law": _("law 112-12"), "statutes": _("your statutes (notice period)"),
            "suggested": _("advice")}


def moral_part_names(_) -> dict[str, str]:
    return {"activities": _("Activities of the year"), "members": _("Members"),
            "difficulties": _("Difficulties"), "plans": _("Plans for next year")}


def error_words(_) -> dict[str, str]:
    return {
        "agm_before_year_end": _("The assembly must come after the close of the financial year."),
        "convocation_before_year_end": _("With this notice period, the convocations would leave before the year end: choose a later date."),
        "notice_not_whole": _("Please type a whole number of days, for example 15."),
        "notice_not_positive": _("The notice period must be at least one day."),
        "notice_too_long": _("This notice period is very long. Check it in your statutes."),
        "more_than_members": _("There cannot be more members present and represented than members."),
        "proxy_without_present": _("A represented member gives her proxy to a member who is there."),
        "more_votes_than_voters": _("More votes than members present or represented: one member, one vote."),
        "member_listed_twice": _("A name is written twice. Each member appears once."),
        "over_allocated": _("The proposed uses add up to more than the surplus."),
        "allocated_in_deficit": _("There is no surplus to share this year."),
        "fraction_above_one": _("Check the fraction: it cannot be more than all the members."),
        "too_large": _("This number is too large. Check it."),
        "negative": _("A number cannot be below 0."),
    }
