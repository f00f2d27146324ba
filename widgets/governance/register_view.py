"""Governance lesson 2 on screen: Nour's payments sorted into shares and cotisations, and her own
members register with its workbook (XLSX).

Thin over ``registers`` (capital, cotisations, the register) and ``documents`` (the workbook).
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from ..agm.forms_view import STYLE, WIDE, AgmFile, CooperativeCard
from ..agm.records import format_date
from fadaa.core.checking import NotANumber, parse_number
from ..feedback_line import feedback_line
from fadaa.core.i18n import format_amount
from ..lesson import Lesson
from . import examples
from . import registers as rules
from .documents import register_workbook
from .records import REGISTER_KEY
from .words import kind_names

KIND_ICONS = {rules.SHARE: "🧱", rules.CONTRIBUTION: "🪙"}
NEW = -1


def example_payments(lesson: Lesson) -> widgets.HTML:
    _, lang = lesson._, lesson.lang
    kinds = kind_names(_)
    rows = "".join(f'<tr><td><span class="num">{format_date(p.day)}</span></td><td>{html.escape(p.member)}</td>'
                   f"<td>{KIND_ICONS[p.kind]} {html.escape(kinds[p.kind])}</td>"
                   f'<td class="num">{format_amount(p.amount, lang)}</td></tr>' for p in examples.payments(lang))
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (_("Date"), _("Member"), _("Kind"), _("Amount")))
    return widgets.HTML(f'<table class="fadaa-payments"><tr>{head}</tr>{rows}</table>')


def example_capital() -> float:
    return rules.capital_received(examples.payments("fr"))


def example_contributions() -> float:
    return rules.contributions_received(examples.payments("fr"))


def problem_words(_) -> dict[str, str]:
    return {
        "no_name": _("Write the member's full name."),
        "shares": _("A member holds at least one whole share."),
        "paid": _("Check the amount paid."),
        "share_value": _("Type the value of one share written in your statutes, for example 100."),
        "left_before_joining": _("She cannot leave before she joined."),
        "name_twice": _("A name is written twice. Each member appears once."),
    }


class RegisterEditor(widgets.VBox):
    """Her members register: the value of a share, then one line a member (add or correct a line)."""

    def __init__(self, lesson: Lesson):
        _ = self._ = lesson._
        self.lesson = lesson
        self.file = AgmFile(lesson)
        self.card = CooperativeCard(lesson, self.file, with_people=False)
        saved = lesson.kept(REGISTER_KEY, {}) or {}
        self.register = rules.MembersRegister.from_json(saved)
        self.source = widgets.HTML()
        if not self.register.members:
            self._start_from_attendance_list()
        self.share_value = widgets.Text(value=_plain(self.register.share_value), style=STYLE, placeholder="100",
                                        description="📜 " + _("Value of one share (from your statutes)"),
                                        continuous_update=False)
        self.share_value.add_class("fadaa-number-input")
        self.share_value.observe(lambda _c: self.set_share_value(), names="value")
        self.line = widgets.Dropdown(description=_("Line to write or correct"), style=STYLE)
        self.name = widgets.Text(description=_("Full name"), style=STYLE, layout=WIDE, continuous_update=False)
        self.joined = widgets.DatePicker(description=_("Joined on"), style=STYLE)
        self.shares = widgets.Text(description="🧱 " + _("Shares"), style=STYLE, placeholder="1", continuous_update=False)
        self.paid = widgets.Text(description=_("Paid on her shares (DH)"), style=STYLE, placeholder="DH",
                                 continuous_update=False)
        self.left = widgets.DatePicker(description=_("Left on"), style=STYLE)
        for field in (self.shares, self.paid):
            field.add_class("fadaa-number-input")
        self.save_line = widgets.Button(description=_("Save this line"), icon="save", button_style="primary",
                                        layout=widgets.Layout(min_height="48px", width="auto"))
        self.save_line.on_click(lambda _b: self.keep_line())
        self.line.observe(lambda _c: self.show_line(), names="value")
        self.feedback = widgets.HTML()
        self.table = widgets.HTML()
        name = "registre_membres" if lesson.lang == "fr" else "سجل_الأعضاء"
        self.document = lesson.document(fr="📗 Mon registre des membres (Excel)", ar="📗 سجل الأعضاء (Excel)",
                                        filename=f"{name}.xlsx", build=self.build_xlsx)
        super().__init__([self.card, self.source, self.share_value, self.line, self.name, self.joined, self.shares,
                          self.paid, self.left, self.save_line, self.feedback, self.table, self.document])
        self._redraw()

    def _start_from_attendance_list(self) -> None:
        """Names from her attendance list (AGM lesson 3), one share each, for her to check."""
        names = [n for n in (self.file.get("members") or []) if isinstance(n, str) and n.strip()]
        register = rules.MembersRegister(self.register.share_value)
        try:
            for name in names[:500]:
                register = register.with_member(name, None, 1)
        except rules.RegisterError:
            return
        if register.members:
            self.register = register
            self.source.value = feedback_line("info", self._(
                "Names taken from your attendance list (AGM lesson 3): check each line's shares and dates."))

    def set_share_value(self) -> None:
        try:
            value = parse_number(self.share_value.value) if self.share_value.value.strip() else 0.0
            self.register = rules.MembersRegister(value, self.register.members)
        except (NotANumber, rules.RegisterError):
            self.feedback.value = feedback_line("error", problem_words(self._)["share_value"])
            return
        self._save()
        self.feedback.value = self._overpaid_note()
        self._redraw()

    def _overpaid_note(self) -> str:
        _ = self._
        names = _(", ").join(m.name for m in self.register.overpaid())
        return feedback_line("info", _("Paid more than her shares are worth: {names}. Check the shares and "
                                            "the amount.").format(names=names)) if names else ""

    def show_line(self) -> None:
        """The chosen line in the fields, to correct it; empty fields for a new member."""
        member = next((m for m in self.register.members if m.number == self.line.value), None)
        self.name.value = member.name if member else ""
        self.joined.value = member.joined_on if member else None
        self.shares.value = str(member.shares) if member else ""
        self.paid.value = _plain(member.paid) if member else ""
        self.left.value = member.left_on if member else None

    def keep_line(self) -> bool:
        """Add the member or correct her line; says why when a field does not read."""
        words = problem_words(self._)
        try:
            shares = parse_number(self.shares.value or "1")
            paid = parse_number(self.paid.value) if self.paid.value.strip() else 0.0
            number = self.line.value if self.line.value not in (None, NEW) else \
                max((m.number for m in self.register.members), default=0) + 1
            member = rules.make_member(number, self.name.value, self.joined.value, shares, paid, self.left.value)
            others = [m for m in self.register.members if m.number != number]
            self.register = rules.MembersRegister(self.register.share_value,
                                                  sorted([*others, member], key=lambda m: m.number))
        except NotANumber:
            self.feedback.value = feedback_line("error", self._("Please type a number, for example 1 250."))
            return False
        except rules.RegisterError as error:
            self.feedback.value = feedback_line("error", words.get(error.reason, self._("Check this figure.")))
            return False
        self._save()
        self.feedback.value = feedback_line("saved", self._("Saved.")) + self._overpaid_note()
        self._redraw(select=NEW)
        return True

    def _save(self) -> None:
        self.lesson.keep(REGISTER_KEY, self.register.to_json())

    def _redraw(self, select: int | None = None) -> None:
        _, lang, reg = self._, self.lesson.lang, self.register
        options = [("➕ " + _("New member"), NEW)] + [(f"{m.number}. {m.name}", m.number) for m in reg.members]
        current = self.line.value if select is None else select
        self.line.options = options
        self.line.value = current if current in {v for _l, v in options} else NEW
        head = "".join(f"<th>{html.escape(h)}</th>" for h in
                       (_("No."), _("Full name"), _("Joined on"), _("Shares"), _("Paid"), _("Still due")))
        rows = "".join(
            f"<tr><td>{m.number}</td><td>{html.escape(m.name)}{' 🚪' if m.left_on else ''}</td>"
            f'<td><span class="num">{format_date(m.joined_on) if m.joined_on else ""}</span></td>'
            f'<td class="num">{m.shares}</td><td class="num">{format_amount(m.paid, lang)}</td>'
            f'<td class="num">{format_amount(reg.still_due(m), lang)}</td></tr>' for m in reg.members)
        # amounts in their own left-to-right spans, so Arabic reads "1 000 DH", never "DH 1 000"
        totals = html.escape(_("Members: {members}. Capital subscribed: {subscribed}. Paid: {paid}.")).format(
            members=len(reg.current()), subscribed=_amount_span(reg.capital_subscribed, lang),
            paid=_amount_span(reg.capital_paid, lang))
        self.table.value = (f'<table class="fadaa-register"><tr>{head}</tr>{rows}</table>'
                            f"<p><b>{totals}</b></p>") if reg.members else ""

    def build_xlsx(self) -> bytes:
        return register_workbook(self.lesson.lang, self.card.cooperative(), self.register)


def _amount_span(value: float, lang: str) -> str:
    return f'<span class="num">{format_amount(value, lang)}</span>'


def _plain(value: float) -> str:
    return "" if not value else (str(int(value)) if value == int(value) else str(value))
