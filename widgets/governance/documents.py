"""What the governance lessons leave her with, in her language: the board and mandates sheet
(PDF), the members register (XLSX) and the moral report draft (Word and PDF).

The builders write through the kit's document interface (``heading``, ``paragraph``, ``table``,
``signature_lines``), so one text makes the PDF and the Word file. Words go through the gettext
catalog ``governance.po``. No legal figure is stated: mandates, majorities and what the assembly
must receive come from her statutes, "check with ODCO or your statutes".
"""
from __future__ import annotations

from datetime import date
from typing import Sequence

# the AGM papers' header and builder: the same layout for every paper of the cooperative
from ..agm.documents import _header, _make
from ..agm.records import Cooperative, format_date
from ..bookkeeping.statement import result_line
from ..bookkeeping.words import line_words
from fadaa.core.documents.xlsx import workbook_bytes
from fadaa.core.i18n import format_amount, gettext_for
from .board import Mandate, in_role_order, to_renew
from .moral_draft import MoralDraft
from .registers import MembersRegister
from .words import role_names

BLANK = "________________"


def _list(_, items) -> str:
    """Names one after the other with her language's comma ("، " in Arabic)."""
    # TRANSLATORS: the separator between the items of a list
    return _(", ").join(items)


def _check_statutes(_) -> str:
    return _("Check with ODCO or your statutes.")


# -- governance 1: the board and its mandates

def write_board_sheet(doc, coop: Cooperative, mandates: Sequence[Mandate], assembly_day: date | None, _) -> None:
    _header(doc, coop, _)
    roles = role_names(_)
    renewing = set(to_renew(mandates, assembly_day)) if assembly_day else set()
    doc.table([_("Role"), _("Name"), _("Elected on"), _("Term (years)"), _("Renewal")],
              [[roles[m.role], m.name, format_date(m.elected_on), str(m.term_years),
                format_date(m.ends_on) + (" *" if m in renewing else "")] for m in in_role_order(mandates)],
              widths=[34, 50, 30, 24, 36], numeric_columns=[2, 3, 4])
    if assembly_day:
        doc.paragraph(_("* Mandates that end by the assembly of {date}: the assembly elects or re-elects "
                        "them.").format(date=format_date(assembly_day)))
        if not renewing:
            doc.paragraph(_("No mandate ends by this assembly."))
    doc.paragraph(_("The length of a mandate and how the board is renewed are written in your statutes.")
                  + " " + _check_statutes(_))
    doc.signature_lines([_("The president of the board"), _("The secretary")])


def board_sheet_document(lang: str, coop: Cooperative, mandates: Sequence[Mandate], assembly_day: date | None) -> bytes:
    return _make("pdf", lang, lambda _: _("Board of directors and mandates"), write_board_sheet, coop, mandates,
                 assembly_day)


# -- governance 2: the members register

def register_workbook(lang: str, coop: Cooperative, register: MembersRegister) -> bytes:
    """Her register as a workbook: one line a member (shares, capital subscribed and paid, what is
    still due), and a summary sheet. Amounts are numbers, formatted in DH, for her accountant."""
    _ = gettext_for(lang)
    header = [_("No."), _("Full name"), _("Joined on"), _("Shares"), _("Subscribed"), _("Paid"),
              _("Still due"), _("Left on"), _("Signature")]
    rows = [[m.number, m.name, format_date(m.joined_on) if m.joined_on else "", m.shares,
             register.subscribed(m), m.paid, register.still_due(m),
             format_date(m.left_on) if m.left_on else "", ""] for m in register.members]
    summary = [[_("Cooperative"), coop.name],
               [_("Value of one share (from your statutes)"), register.share_value],
               [_("Members"), len(register.current())],
               [_("Capital subscribed"), register.capital_subscribed],
               [_("Capital paid"), register.capital_paid],
               [_("Shares are capital, not income of the year. Cotisations go in the cash book."), ""]]
    members_sheet, summary_sheet = _("Members register"), _("Summary")
    return workbook_bytes({members_sheet: (header, rows), summary_sheet: ([_("Line"), _("Value")], summary)},
                          lang, money_columns={members_sheet: [4, 5, 6]})


# -- governance 3: the moral report draft

def figure_rows(draft: MoralDraft, lang: str, _) -> list[list[str]]:
    rows = [[_("Members at the end of the year"), str(draft.members_now or BLANK)]]
    if draft.joined is not None:
        rows.append([_("Members who joined"), str(draft.joined)])
        rows.append([_("Members who left"), str(draft.left)])
    if draft.totals is not None:
        t = draft.totals
        rows += [[_("Money in"), format_amount(t.total_income, lang)],
                 [_("of which sales"), format_amount(t.sales, lang)],
                 [_("Money out"), format_amount(t.total_expenses, lang)],
                 [line_words(result_line(t), _, of_the_year=True), format_amount(abs(t.surplus), lang)]]
    return rows


def write_moral_report(doc, draft: MoralDraft, lang: str, _) -> None:
    _header(doc, draft.cooperative, _)
    if draft.assembly_day:
        doc.paragraph(_("Presented by the board of directors to the ordinary general assembly of {date}.").format(
            date=format_date(draft.assembly_day)))
    else:
        doc.paragraph(_("Presented by the board of directors to the ordinary general assembly."))
    doc.heading(_("1. The year in figures: {period}").format(period=draft.period), size=12)
    doc.table([_("Line"), _("Figure")], figure_rows(draft, lang, _), widths=[120, 54], numeric_columns=[1])
    if draft.totals is not None:
        doc.paragraph(_("Figures taken from your year summary (bookkeeping module).") if draft.from_bookkeeping
                      else _("Figures entered in your AGM lessons: check them against your cash book."), size=9)
    parts = [(_("2. Activities of the year"), draft.moral.activities),
             (_("3. Members"), draft.moral.members),
             (_("4. Difficulties"), draft.moral.difficulties),
             (_("5. Plans for next year"), draft.moral.plans)]
    for title, text in parts:
        doc.heading(title, size=12)
        doc.paragraph(text or BLANK)
    doc.heading(_("6. The board"), size=12)
    if draft.board:
        roles = role_names(_)
        doc.paragraph(_list(_, (_("{role}: {name}").format(role=roles[m.role], name=m.name)
                                for m in in_role_order(draft.board))))
        renewing = draft.to_renew
        if renewing:
            doc.paragraph(_("Mandates that end at this assembly: {names}. The assembly elects or re-elects them.")
                          .format(names=_list(_, (f"{m.name} ({roles[m.role]})" for m in renewing))))
        elif draft.assembly_day:
            doc.paragraph(_("No mandate ends by this assembly."))
    else:
        doc.paragraph(BLANK)
    doc.heading(_("7. What the board asks the assembly"), size=12)
    doc.paragraph(_("The board asks the assembly to approve this report and the accounts of {period}, and to give "
                    "it discharge (quitus) for its management of the year.").format(period=draft.period))
    doc.signature_lines([_("The president of the board") + (f" ({draft.cooperative.president})"
                                                            if draft.cooperative.president else "")])
    doc.paragraph(_("Draft: complete it with your board. What the assembly must receive, and with which majority "
                    "it decides, is written in your statutes.") + " " + _check_statutes(_), size=9)


def moral_report_document(lang: str, draft: MoralDraft, fmt: str = "pdf") -> bytes:
    return _make(fmt, lang, lambda _: _("Moral report (draft)"), write_moral_report, draft, lang)

