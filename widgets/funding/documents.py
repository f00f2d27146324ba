"""The funding lessons' documents, in her language: the readiness checklist (PDF) and the one-page
project sheet (Word, for her to complete before she sends it). Both read her own answers."""
from __future__ import annotations

from datetime import date

from fadaa.core.documents.docx import DocxDocument
from fadaa.core.documents.pdf import PdfDocument
from fadaa.core.i18n import RIGHT_TO_LEFT, format_amount, format_number, gettext_for, isolate
from . import project as project_rules
from . import readiness
from .readiness import Point, Records
from .words import point_names, status_names


def day_text(day: date, lang: str) -> str:
    """dd/mm/yyyy, Western digits, kept left to right inside Arabic."""
    text = f"{day:%d/%m/%Y}"
    return isolate(text) if lang in RIGHT_TO_LEFT else text


STATUS_ICONS = {readiness.DONE: "✅", readiness.PLANNED: "🗓️", readiness.LATE: "⏰", readiness.NOT_YET: "⬜"}


def point_detail(point: Point, records: Records, lang: str, _) -> str:
    """What shows the point, or what to do for it, in a few words."""
    day = day_text(point.day, lang) if point.day else ""
    count = format_number(point.count, lang, 0) if point.count else ""
    done, status = point.done, point.status
    if point.key == "agm_held":
        if done:
            return _("held on {date}").format(date=day)
        if status == readiness.PLANNED:
            return _("planned for {date}").format(date=day)
        return (_("the votes of the day are not counted yet (AGM lessons)") if point.day
                else _("no date yet (AGM lessons)"))
    if point.key == "accounts_prepared":
        if not done:
            return _("the year summary is not made yet (bookkeeping lessons)")
        return _("year {year}: {income} in, {expenses} out").format(
            year=point.year, income=format_amount(records.income or 0, lang),
            expenses=format_amount(records.expenses or 0, lang))
    if point.key == "accounts_filed":
        return {readiness.DONE: _("filed on {date}"), readiness.PLANNED: _("to file by {date}"),
                readiness.LATE: _("the deadline was {date}: file now and tell ODCO")}.get(
            status, _("within 30 days after the assembly")).format(date=day)
    if not done:
        return {"cash_book": _("no line yet (bookkeeping lessons)"), "stock_book": _("no movement yet (bookkeeping lessons)"),
                "members_list": _("no name yet (AGM lessons)")}[point.key]
    return {"cash_book": _("{n} lines"), "stock_book": _("{n} movements"),
            "members_list": _("{n} members")}[point.key].format(n=count)


def readiness_pdf(records: Records, lang: str, today: date) -> bytes:
    """Her readiness checklist: each point with its status and what shows it, then what to do next."""
    _ = gettext_for(lang)
    points = readiness.checklist(records, today)
    names, statuses = point_names(_), status_names(_)
    doc = PdfDocument(lang, _("Readiness checklist"), subject=_("Applying for support"))
    if records.cooperative:
        doc.heading(records.cooperative, size=14)
    doc.paragraph(_("{label}: {value}").format(label=_("Date"), value=day_text(today, lang)))
    doc.table([_("Point"), _("Where it stands"), _("What shows it")],
              [[names[p.key], statuses[p.status], point_detail(p, records, lang, _)] for p in points],
              widths=[60, 28, 82])
    if readiness.ready(points):
        doc.paragraph(_("Every point is done: your cooperative can show a programme its assembly held, its accounts "
                        "filed and its books kept."))
    else:
        doc.heading(_("To do next"), size=12)
        for point in readiness.to_do(points):
            doc.paragraph(_("{label}: {value}").format(label=names[point.key],
                                                       value=point_detail(point, records, lang, _)))
    doc.paragraph(_("Each programme sets its own conditions: check the current terms with ODCO before you apply."),
                  size=9)
    return doc.to_bytes()


def project_docx(project: project_rules.Project, records: Records, lang: str, programme: str = "") -> bytes:
    """One page: the cooperative, its product, its year's figures, what the money would buy."""
    _ = gettext_for(lang)
    doc = DocxDocument(lang, _("Project sheet"), subject=programme)
    doc.paragraph(_("{label}: {value}").format(label=_("Cooperative"), value=(project.cooperative or "…")))
    if programme:
        doc.paragraph(_("{label}: {value}").format(label=_("Programme"), value=programme))
    doc.paragraph(_("{label}: {value}").format(label=_("Product"), value=(project.product or "…")))
    if records.year is not None:
        doc.paragraph(_("Year {year}: {income} of money in, {expenses} of money out (cash summary).").format(
            year=records.year, income=format_amount(records.income or 0, lang),
            expenses=format_amount(records.expenses or 0, lang)))
    if records.members:
        doc.paragraph(_("{label}: {value}").format(label=_("Members"),
                                                   value=format_number(records.members, lang, 0)))
    doc.heading(_("What the project changes"), size=12)
    doc.paragraph(project.goal or "…")
    doc.heading(_("What the money would buy"), size=12)
    rows = [[i.label, format_number(i.quantity, lang), format_amount(i.unit_price, lang), format_amount(i.cost, lang)]
            for i in project.items]
    rows.append([_("Total"), "", "", format_amount(project.total, lang)])
    doc.table([_("What to buy"), _("Quantity"), _("Unit price"), _("Cost")], rows)
    doc.paragraph(_("{label}: {value}").format(label=_("The cooperative puts in"),
                                               value=format_amount(project.own_contribution, lang)))
    doc.heading(_("{label}: {value}").format(label=_("Amount asked"), value=format_amount(project.asked, lang)), size=13)
    doc.signature_lines([_("The president"), _("The treasurer")])
    return doc.to_bytes()
