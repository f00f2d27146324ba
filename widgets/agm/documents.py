"""The papers she takes to her assembly, filled with her cooperative's data, in her language:
her calendar, the convocation letter, the moral and financial reports, the attendance sheet and a
draft of the minutes (procès-verbal / محضر).

Each builder writes into a document object with the kit's PdfDocument interface (``heading``,
``paragraph``, ``table``, ``signature_lines``), so the same text makes the PDF and, where
python-docx is installed, the DOCX. Words go through the gettext catalog ``agm.po``; the only
legal statements are those of law 112-12 as amended by law 74-16 that DOMAIN.md confirms (six
months, 30 days, one member one vote), each with its source in the document.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Callable, Sequence

from ..bookkeeping import statement
from ..bookkeeping.words import line_words
from fadaa.core.documents.pdf import PdfDocument
from fadaa.core.i18n import format_amount, gettext_for
from . import calendar as cal
from .quorum import MajorityRule, Threshold
from .records import Attendance, Cooperative, Decision, Meeting, format_date
from .reports import MORAL_PARTS, FinancialReport, MoralReport
from .words import basis_names, law_source, majority_words, milestone_names, moral_part_names, threshold_words

BLANK = "________________"
EXTRA_ATTENDANCE_ROWS = 3   # for a member missing from her list, written by hand on the day


def writer_for(fmt: str) -> Callable[[str, str], object]:
    """The document class for 'pdf' or 'docx' (same interface)."""
    if fmt == "docx":
        from fadaa.core.documents.docx import DocxDocument
        return DocxDocument
    return PdfDocument


def _header(doc, coop: Cooperative, _) -> None:
    doc.heading(_("Cooperative {name}").format(name=coop.name), size=13)
    if coop.city:
        doc.paragraph(coop.city)


# -- lesson 1: her calendar

def write_calendar(doc, coop: Cooperative, milestones: Sequence[cal.Milestone], _) -> None:
    _header(doc, coop, _)
    names, bases = milestone_names(_), basis_names(_)
    doc.table([_("Date"), _("Step"), _("Where the date comes from")],
              [[format_date(m.day), names[m.key], bases[m.basis]] for m in milestones],
              widths=[28, 95, 51])
    doc.paragraph(_("The ordinary general assembly meets at least once a year, within six months after the "
                    "close of the financial year. The accounts are filed at the court of first instance "
                    "within 30 days after it.") + " " + law_source(_))
    doc.paragraph(_("Whether the minutes must also be filed there: ask ODCO."))
    days = {m.key: m.day for m in milestones}
    if days["agm"] > days["agm_deadline"]:
        doc.paragraph(_("This date is after the legal deadline: your assembly is late. "
                        "Hold it as soon as you can, and tell ODCO."))
    if not any(m.key == "convocation" for m in milestones):
        doc.paragraph(_("Convocation date: enter the notice period written in your statutes."))


# -- lesson 2: the convocation letter and the reports

def write_convocation(doc, coop: Cooperative, meeting: Meeting, notice_days: int | None, _) -> None:
    _header(doc, coop, _)
    doc.paragraph(_("To: each member of the cooperative"))
    call = _("first call") if meeting.call == 1 else _("second call")
    doc.paragraph(_("The board of directors invites you to the ordinary general assembly of the cooperative "
                    "{name} ({call}), on {date} at {time}, at: {place}.").format(
        name=coop.name, call=call, date=format_date(meeting.day), time=meeting.time or BLANK,
        place=meeting.place or BLANK))
    doc.heading(_("Agenda"), size=12)
    for number, item in enumerate(meeting.agenda, start=1):
        doc.paragraph(f"{number}. {item}")
    doc.paragraph(_("Each member has one vote, whatever the number of shares she holds (law 112-12, article 2). "
                    "A member who cannot come may be represented as our statutes allow."))
    doc.paragraph(_("The moral report and the accounts of the year can be read at the cooperative before the assembly."))
    sent = format_date(meeting.day - timedelta(days=notice_days)) if notice_days else BLANK
    doc.paragraph(_("Done at {city}, on {date}").format(city=coop.city or BLANK, date=sent))
    doc.signature_lines([_("The president of the board") + (f" ({coop.president})" if coop.president else "")])


def write_reports(doc, coop: Cooperative, moral: MoralReport, money: FinancialReport, lang: str, _) -> None:
    _header(doc, coop, _)
    doc.heading(_("Moral report"), size=13)
    headings = moral_part_names(_)
    for part in MORAL_PARTS:
        doc.heading(headings[part], size=11)
        doc.paragraph(getattr(moral, part) or BLANK)
    doc.heading(_("Financial report: {period}").format(period=money.period), size=13)
    # the result as a size (its words say surplus or deficit); the accountant's net surplus beside it
    lines = statement.money_lines(money.totals, skip_empty=True)
    uses = statement.use_lines(money)
    rows = [[line_words(line, _, of_the_year=True),
             format_amount(abs(line.amount) if line.part == "result" else line.amount, lang)]
            for line in lines + [u for u in uses if u.part == "net_surplus"]]
    doc.table([_("Line"), _("Amount")], rows, widths=[120, 54], numeric_columns=[1])
    if money.to_allocate > 0:
        doc.heading(_("Proposed use of the surplus"), size=12)
        doc.table([_("Use"), _("Amount")],
                  [[line_words(line, _), format_amount(line.amount, lang)] for line in uses if line.part != "net_surplus"],
                  widths=[120, 54], numeric_columns=[1])
        doc.paragraph(_("The general assembly decides. Which uses are allowed, and in what shares, is written "
                        "in your statutes: check with ODCO."))
    doc.paragraph(_("Figures taken from your year summary (bookkeeping module).") if money.from_bookkeeping
                  else _("Figures entered in this lesson: check them against your cash book."))


# -- lesson 3: the attendance sheet and the minutes

def write_attendance_sheet(doc, coop: Cooperative, meeting: Meeting, names: Sequence[str], _) -> None:
    _header(doc, coop, _)
    doc.paragraph(_("Ordinary general assembly of {date}, at: {place}").format(
        date=format_date(meeting.day), place=meeting.place or BLANK))
    rows = [[str(i), name, "", ""] for i, name in enumerate(names, start=1)]
    rows += [[str(i), "", "", ""] for i in range(len(names) + 1, len(names) + 1 + EXTRA_ATTENDANCE_ROWS)]
    doc.table([_("No."), _("Full name"), _("Present / represented by"), _("Signature")], rows,
              widths=[12, 64, 58, 40])
    doc.paragraph(_("Members: {members}. Present: {blank}. Represented: {blank}.").format(
        members=coop.members or len(names), blank="______"))
    doc.signature_lines([_("Chair of the meeting"), _("Secretary of the meeting")])


def write_minutes(doc, coop: Cooperative, meeting: Meeting, attendance: Attendance, quorum_rule: Threshold,
                  decisions: Sequence[Decision], majority: MajorityRule | None, _) -> None:
    _header(doc, coop, _)
    call = _("first call") if meeting.call == 1 else _("second call")
    doc.paragraph(_("On {date} at {time}, the members of the cooperative {name} met in ordinary general "
                    "assembly at: {place}, on the {call} of the board of directors.").format(
        date=format_date(meeting.day), time=meeting.time or BLANK, name=coop.name,
        place=meeting.place or BLANK, call=call))
    doc.paragraph(_("Chair of the meeting: {president}. Secretary: {secretary}.").format(
        president=coop.president or BLANK, secretary=coop.secretary or BLANK))
    doc.table([_("Members"), _("Present"), _("Represented"), _("Total")],
              [[str(attendance.members), str(attendance.present), str(attendance.represented),
                str(attendance.present + attendance.represented)]], numeric_columns=[0, 1, 2, 3])
    doc.paragraph(_("Quorum set by the statutes: {rule}, that is {required} members.").format(
        rule=threshold_words(quorum_rule, _), required=attendance.quorum_required))
    doc.paragraph(_("The quorum is met: the assembly can validly decide.") if attendance.quorum_met
                  else _("The quorum is not met: the assembly cannot decide. A second call is sent as the statutes say."))
    doc.heading(_("Agenda"), size=12)
    for number, item in enumerate(meeting.agenda, start=1):
        doc.paragraph(f"{number}. {item}")
    if attendance.quorum_met and decisions:
        doc.heading(_("Decisions"), size=12)
        if majority is not None:
            doc.paragraph(_("Majority required by the statutes: {rule}.").format(rule=majority_words(majority, _)))
        doc.table([_("No."), _("Resolution"), _("For"), _("Against"), _("Abstentions"), _("Result")],
                  [[str(i), d.text, str(d.tally.votes_for), str(d.tally.against), str(d.tally.abstain),
                    _("Adopted") if d.adopted else _("Rejected")] for i, d in enumerate(decisions, start=1)],
                  widths=[14, 68, 18, 20, 26, 28], numeric_columns=[0, 2, 3, 4])
        doc.paragraph(_("Each member had one vote (law 112-12 as amended by law 74-16, article 2)."))
    doc.paragraph(_("The agenda being finished, the meeting closed at {time}.").format(time=BLANK))
    doc.signature_lines([_("Chair of the meeting"), _("Secretary of the meeting")])
    doc.paragraph(_("Draft: complete it and check it against your statutes. The approved accounts are filed at the "
                    "court of first instance within 30 days after the assembly (law 112-12). Whether these minutes "
                    "must be filed too: ask ODCO."), size=9)


# -- whole documents, as bytes

def _make(fmt: str, lang: str, title: Callable, write: Callable, *args) -> bytes:
    _ = gettext_for(lang)
    doc = writer_for(fmt)(lang, title(_))
    write(doc, *args, _)
    return doc.to_bytes()


def calendar_document(lang: str, coop: Cooperative, milestones: Sequence[cal.Milestone], fmt: str = "pdf") -> bytes:
    return _make(fmt, lang, lambda _: _("My general assembly calendar"), write_calendar, coop, milestones)


def convocation_document(lang: str, coop: Cooperative, meeting: Meeting, notice_days: int | None,
                         fmt: str = "pdf") -> bytes:
    return _make(fmt, lang, lambda _: _("Convocation to the ordinary general assembly"), write_convocation,
                 coop, meeting, notice_days)


def reports_document(lang: str, coop: Cooperative, moral: MoralReport, money: FinancialReport,
                     fmt: str = "pdf") -> bytes:
    return _make(fmt, lang, lambda _: _("Moral and financial reports (draft)"), write_reports, coop, moral, money, lang)


def attendance_document(lang: str, coop: Cooperative, meeting: Meeting, names: Sequence[str], fmt: str = "pdf") -> bytes:
    return _make(fmt, lang, lambda _: _("Attendance sheet"), write_attendance_sheet, coop, meeting, names)


def minutes_document(lang: str, coop: Cooperative, meeting: Meeting, attendance: Attendance, quorum_rule: Threshold,
                     decisions: Sequence[Decision], majority: MajorityRule | None = None, fmt: str = "pdf") -> bytes:
    return _make(fmt, lang, lambda _: _("Minutes of the ordinary general assembly (draft)"), write_minutes,
                 coop, meeting, attendance, quorum_rule, decisions, majority)


def default_agenda(lang: str) -> list[str]:
    """The usual items of an ordinary assembly (a suggestion: her board sets the agenda)."""
    _ = gettext_for(lang)
    return [_("Moral report of the board of directors"),
            _("Financial report and approval of the accounts of the year"),
            _("Use of the surplus"),
            _("Any other business")]


