"""The documents module 2 leaves her with: her cash book and year summary as an XLSX workbook (one
sheet each, money in DH, Arabic sheets right to left) and the financial summary as a PDF for the
general assembly. Built with the kit's writers; every figure comes from ``year_summary``."""
from __future__ import annotations

from datetime import date
from typing import Sequence

from fadaa.core.documents.pdf import PdfDocument
from fadaa.core.documents.xlsx import workbook_bytes
from fadaa.core.i18n import format_amount
from . import cash_book, statement
from .words import category_names, line_words, month_name
from .year_summary import YearSummary


def summary_rows(summary: YearSummary, _) -> list[tuple[str, float]]:
    """The year summary as (words, amount) lines, in the order the AGM reads them."""
    kinds = {"in": _("Money in"), "out": _("Money out")}
    rows = [(f"{kinds[line.part]}: {line_words(line, _)}" if line.part in kinds else line_words(line, _), line.amount)
            for line in statement.money_lines(summary.totals)]
    rows.append((_("Cash at the start of the year"), summary.opening_balance))
    rows.append((_("Cash at the end of the year"), summary.closing_balance))
    return rows


def allocation_rows(summary: YearSummary, _) -> list[tuple[str, float]]:
    """The accountant's net surplus when she has it, the proposed use of it, then what is carried
    forward to next year."""
    return [(line_words(line, _), line.amount) for line in statement.use_lines(summary)]


def workbook(summary: YearSummary, lang: str, _,
             kept: tuple[float, Sequence[cash_book.Entry]] | None = None) -> bytes:
    """Three sheets: the year summary, month by month, and her cash book's lines (when she kept one)."""
    names = category_names(_)
    summary_sheet = (_("Summary"), ([_("Line"), _("Amount")],
                                    [*summary_rows(summary, _), ("", None),
                                     (_("Proposed use of the surplus"), None), *allocation_rows(summary, _)]))
    monthly = [(month_name(m, lang), i, o, r) for m, i, o, r in summary.monthly()]
    monthly.append((_("Total"), summary.total_income, summary.total_expenses, summary.surplus))
    months_sheet = (_("Months"), ([_("Month"), _("Money in"), _("Money out"), _("Surplus or deficit")], monthly))
    opening, entries = kept if kept else (summary.opening_balance, [])
    lines: list[tuple] = [(None, _("Opening balance"), "", None, None, opening)]
    for entry, balance in zip(cash_book.in_order(entries), cash_book.running_balances(opening, list(entries))):
        lines.append((entry.day, entry.label or names.get(entry.category, entry.category),
                      names.get(entry.category, entry.category),
                      entry.amount if entry.direction == cash_book.IN else None,
                      entry.amount if entry.direction == cash_book.OUT else None, balance))
    book_sheet = (_("Cash book"), ([_("Date"), _("What"), _("Kind"), _("Money in"), _("Money out"), _("Balance")],
                                   lines))
    sheets = dict([summary_sheet, months_sheet, book_sheet])
    return workbook_bytes(sheets, lang, money_columns={summary_sheet[0]: [1], months_sheet[0]: [1, 2, 3],
                                                       book_sheet[0]: [3, 4, 5]})


def _money(amount: float, lang: str) -> str:
    # in Arabic the amount is isolated left to right (fpdf2 honours the isolates): "30 200 DH", never "DH 200 30"
    return format_amount(amount, lang)


def pdf(summary: YearSummary, lang: str, _) -> bytes:
    """The financial summary for the AGM: money in, money out, result, proposed use, months, signatures."""
    title = _("Financial summary of the year {year}").format(year=summary.year)
    doc = PdfDocument(lang, title, subject=summary.cooperative)
    if summary.cooperative:
        doc.paragraph(_("Cooperative") + ": " + summary.cooperative, size=12)
    doc.paragraph(_("Made on {day}").format(day=date.today().strftime("%d/%m/%Y")), size=9)
    header = [_("Line"), _("Amount")]
    lines = statement.money_lines(summary.totals, skip_empty=True)
    for heading, parts in ((_("Money in"), statement.MONEY_IN), (_("Money out"), statement.MONEY_OUT)):
        doc.heading(heading)
        doc.table(header, [(line_words(line, _), _money(line.amount, lang)) for line in lines if line.part in parts],
                  widths=[120, 54], numeric_columns=[1])
    doc.heading(_("Result of the year"))
    doc.table(header, [*[(line_words(line, _), _money(abs(line.amount), lang)) for line in lines
                         if line.part in ("total_in", "total_out", "result")],
                       (_("Cash at the start of the year"), _money(summary.opening_balance, lang)),
                       (_("Cash at the end of the year"), _money(summary.closing_balance, lang))],
              widths=[120, 54], numeric_columns=[1])
    doc.heading(_("Proposed use of the surplus"))
    doc.table(header, [(words, _money(amount, lang)) for words, amount in allocation_rows(summary, _)],
              widths=[120, 54], numeric_columns=[1])
    doc.paragraph(_("Proposed by the board. The general assembly decides, as the statutes of the cooperative allow."),
                  size=9)
    doc.heading(_("Month by month"))
    doc.table([_("Month"), _("Money in"), _("Money out"), _("Surplus or deficit")],
              [(month_name(m, lang), _money(i, lang), _money(o, lang), _money(r, lang))
               for m, i, o, r in summary.monthly()],
              widths=[50, 42, 42, 40], numeric_columns=[1, 2, 3])
    doc.paragraph(_("This summary is taken from the cash book and its receipts. "
                    "The accountant prepares the official financial statements from the same records."), size=9)
    doc.signature_lines([_("The president"), _("The treasurer")])
    return doc.to_bytes()
