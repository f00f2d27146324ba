"""Governance lesson 1 on screen: the example board with its renewal dates, and her own board
(roles, names, election dates, the term her statutes set) with its sheet as PDF.

Thin over ``board`` (mandates, renewals) and ``documents`` (the PDF).
"""
from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from ..agm.forms_view import STYLE, WIDE, AgmFile, CooperativeCard, whole_number
from ..agm.quorum import AgmError
from ..agm.records import format_date
from fadaa.core.checking import NotANumber
from ..feedback_line import feedback_line
from ..lesson import Lesson
from . import board as rules
from . import examples
from .documents import board_sheet_document
from .words import role_names
from .records import BOARD_KEY

ROLE_ICONS = {"president": "👑", "vice_president": "🤝", "treasurer": "💰", "secretary": "📝", "member": "👤"}
MAX_ROWS = 12


def board_html(mandates: list[rules.Mandate], assembly_day: date | None, _) -> str:
    """The board, one line a member, her renewal date; mandates ending by the assembly in bold with 🔔."""
    roles = role_names(_)
    renewing = set(rules.to_renew(mandates, assembly_day)) if assembly_day else set()
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (_("Role"), _("Name"), _("Elected on"), _("Renewal")))
    rows = []
    for m in rules.in_role_order(mandates):
        mark = "🔔 " if m in renewing else ""
        ends = f'<span class="num">{format_date(m.ends_on)}</span>'
        rows.append(f"<tr><td>{ROLE_ICONS[m.role]} {html.escape(roles[m.role])}</td><td>{html.escape(m.name)}</td>"
                    f'<td><span class="num">{format_date(m.elected_on)}</span></td>'
                    f"<td>{'<b>' + mark + ends + '</b>' if mark else ends}</td></tr>")
    return f'<table class="fadaa-board"><tr>{head}</tr>{"".join(rows)}</table>'


def example_board(lesson: Lesson) -> widgets.HTML:
    _ = lesson._
    note = _("Assembly of {date}: 🔔 mandates to renew.").format(date=format_date(examples.ASSEMBLY_DAY))
    return widgets.HTML(board_html(examples.board(lesson.lang), examples.ASSEMBLY_DAY, _)
                        + f"<p>{html.escape(note)}</p>")


def example_to_renew() -> int:
    return len(rules.to_renew(examples.board("fr"), examples.ASSEMBLY_DAY))


def problem_words(_) -> dict[str, str]:
    return {
        "no_name": _("Write the name of each board member."),
        "no_date": _("Choose the date of the assembly that elected her."),
        "elected_in_future": _("The election date cannot be in the future."),
        "term_not_whole": _("Type the length of a mandate in whole years, for example 3."),
        "term_out_of_range": _("Check the length of a mandate in your statutes (in years)."),
        "no_president": _("Nobody is president yet."),
        "no_treasurer": _("Nobody is treasurer yet."),
        "no_secretary": _("Nobody is secretary yet."),
        "name_twice": _("A name is written twice. Each member appears once."),
        "two_presidents": _("Two presidents: a board has one."),
        "two_treasurers": _("Two treasurers: a board has one."),
        "two_secretaries": _("Two secretaries: a board has one."),
    }


class MandateRow(widgets.HBox):
    """One board member: role, name, date of the assembly that elected her."""

    def __init__(self, _, role: str = "member", name: str = "", elected_on: date | None = None):
        roles = role_names(_)
        self.role = widgets.Dropdown(options=[(f"{ROLE_ICONS[r]} {roles[r]}", r) for r in rules.ROLES], value=role,
                                     layout=widgets.Layout(width="12em"))
        self.name = widgets.Text(value=name, placeholder=_("Full name"), continuous_update=False,
                                 layout=widgets.Layout(width="14em"))
        self.elected = widgets.DatePicker(value=elected_on, layout=widgets.Layout(width="11em"))
        self.name.add_class("fadaa-board-name")
        self.elected.add_class("fadaa-board-elected")
        super().__init__([self.role, self.name, self.elected], layout=widgets.Layout(flex_flow="row wrap"))

    def is_blank(self) -> bool:
        return not self.name.value.strip() and self.elected.value is None


class BoardForm(widgets.VBox):
    """Her board: the term from her statutes, each member's role and election, the renewal dates."""

    def __init__(self, lesson: Lesson, today: date | None = None):
        _ = self._ = lesson._
        self.lesson, self.today = lesson, today or date.today()
        self.file = AgmFile(lesson)
        self.card = CooperativeCard(lesson, self.file, with_people=False)
        saved = lesson.kept(BOARD_KEY, {}) or {}
        meeting = self.file.get("meeting", {}) or {}
        planned = saved.get("assembly_day") or meeting.get("day") or (self.file.get("calendar", {}) or {}).get("agm_day")
        self.assembly = widgets.DatePicker(description="🏛️ " + _("Date of the next assembly"), style=STYLE,
                                           layout=WIDE, value=date.fromisoformat(planned) if planned else None)
        self.term = widgets.Text(value=str(saved.get("term_years") or ""), style=STYLE, continuous_update=False,
                                 description="📜 " + _("Length of a mandate in your statutes (years)"),
                                 placeholder="3", layout=WIDE)
        self.term.add_class("fadaa-number-input")
        self.term.add_class("fadaa-board-term")
        self.rows_box = widgets.VBox()
        self.add = widgets.Button(description=_("Add a board member"), icon="plus",
                                  layout=widgets.Layout(min_height="48px", width="auto"))
        self.add.on_click(lambda _b: self.add_row())
        self.feedback = widgets.HTML()
        self.table = widgets.HTML()
        name = "conseil_mandats" if lesson.lang == "fr" else "مجلس_الإدارة_والولايات"
        self.document = lesson.document(fr="👑 Mon conseil et ses mandats (PDF)", ar="👑 مجلس الإدارة والولايات (PDF)",
                                        filename=f"{name}.pdf", build=self.build_pdf)
        for row in saved.get("mandates") or self._from_card():
            day = row.get("elected_on")
            self.add_row(row.get("role", "member"), row.get("name", ""), date.fromisoformat(day) if day else None)
        for field in (self.assembly, self.term):
            field.observe(lambda _c: self.refresh(save=True), names="value")
        your_board = html.escape(_("Your board"))
        super().__init__([self.card, self.assembly, self.term,
                          widgets.HTML(f'<div class="fadaa-prompt">{your_board}</div>'),
                          self.rows_box, self.add, self.feedback, self.table, self.document])
        self.refresh()

    def _from_card(self) -> list[dict]:
        """The president and secretary she named in her AGM lessons, and an empty treasurer line."""
        card = self.file.get("cooperative", {}) or {}
        return [{"role": "president", "name": card.get("president", "")}, {"role": "treasurer", "name": ""},
                {"role": "secretary", "name": card.get("secretary", "")}]

    def add_row(self, role: str = "member", name: str = "", elected_on: date | None = None) -> None:
        if len(self.rows_box.children) >= MAX_ROWS:
            return
        row = MandateRow(self._, role if role in rules.ROLES else "member", name, elected_on)
        for field in (row.role, row.name, row.elected):
            field.observe(lambda _c: self.refresh(save=True), names="value")
        self.rows_box.children = [*self.rows_box.children, row]

    def term_years(self) -> int | None:
        try:
            return whole_number(self.term.value)
        except AgmError:  # beyond any count: no statutes say so
            raise rules.BoardError("term_out_of_range") from None

    def mandates(self) -> list[rules.Mandate]:
        """Her mandates; raises BoardError (or NotANumber) on the first line that does not read."""
        term = self.term_years()
        filled = [r for r in self.rows_box.children if not r.is_blank()]
        if filled and term is None:
            raise rules.BoardError("term_not_whole")
        return [rules.make_mandate(r.name.value, r.role.value, r.elected.value, term, self.today) for r in filled]

    def refresh(self, save: bool = False) -> None:
        _ = self._
        if save:
            self.lesson.keep(BOARD_KEY, {
                "assembly_day": self.assembly.value.isoformat() if self.assembly.value else None,
                "term_years": self.term.value.strip(),
                "mandates": [{"role": r.role.value, "name": r.name.value.strip(),
                              "elected_on": r.elected.value.isoformat() if r.elected.value else None}
                             for r in self.rows_box.children if not r.is_blank()]})
        words = problem_words(_)
        if not self.term.value.strip() and any(not r.is_blank() for r in self.rows_box.children):
            # nothing wrong yet: she has not opened her statutes at the mandates' article
            self.feedback.value, self.table.value = feedback_line("info", words["term_not_whole"]), ""
            return
        try:
            mandates = self.mandates()
        except NotANumber:
            self.feedback.value, self.table.value = feedback_line("error", words["term_not_whole"]), ""
            return
        except rules.BoardError as error:
            self.feedback.value, self.table.value = feedback_line("error", words[error.reason]), ""
            return
        if save:
            self._share_officers(mandates)
        problems = rules.board_problems(mandates)
        self.feedback.value = "".join(feedback_line("info", words[p]) for p in problems) if mandates else \
            feedback_line("info", _("Write your board members: role, name and the date they were elected."))
        self.table.value = board_html(mandates, self.assembly.value, _) if mandates else ""

    def _share_officers(self, mandates: list[rules.Mandate]) -> None:
        """Her president and secretary go to her cooperative's card, which the AGM lessons print on the
        convocation and the minutes."""
        changed = False
        for role, field in (("president", self.card.president), ("secretary", self.card.secretary)):
            holders = [m.name for m in mandates if m.role == role]
            if len(holders) == 1 and field.value != holders[0]:
                field.value, changed = holders[0], True
        if changed:
            self.card.save()  # the card shows no name fields here, so it does not save by itself

    def build_pdf(self) -> bytes:
        return board_sheet_document(self.lesson.lang, self.card.cooperative(), self.mandates(), self.assembly.value)
