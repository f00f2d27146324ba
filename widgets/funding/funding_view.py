"""Funding on screen: the plan's three asks and where she stands, the prize's years, the programmes
worth asking about, her readiness checklist and her project sheet. Thin over the rules of
``readiness``, ``programmes`` and ``project``; documents from ``documents``."""
from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from fadaa.core.checking import read_or_say_why
from ..feedback_line import feedback_line
from fadaa.core.i18n import format_amount, format_number
from ..lesson import Lesson
from ..styles import scrolling
from ..forms import number_field, read_number, text_field
from . import documents, examples, programmes, project, readiness
from .own_records import gather
from .words import point_names, status_names

PLAN_ICONS = {"selling": "🛒", "books": "📒", "agm": "🏛️"}
FIT_ICONS = {True: "👉", False: "✖️"}
STYLE = {"description_width": "14em"}


def _today() -> date:
    return date.today()


def her_records(lesson: Lesson, filed_on: date | None = None) -> readiness.Records:
    return gather(lesson.notebook, filed_on)


def plan_view(lesson: Lesson) -> widgets.HTML:
    """What the 2020 plan asks of a cooperative, and whether she has started each in Fadaa."""
    _ = lesson._
    started = readiness.plan_status(her_records(lesson), _today())
    names = {"selling": _("Selling online"), "books": _("Keeping the books"),
             "agm": _("The general assembly and its reports")}
    state = {True: "✅ " + html.escape(_("Started in Fadaa")), False: "⬜ " + html.escape(_("Not yet"))}
    rows = "".join(f'<tr><td>{PLAN_ICONS[k]} {html.escape(names[k])}</td><td>{state[started[k]]}</td></tr>'
                   for k in programmes.PLAN_ASKS)
    return widgets.HTML(f'<table class="fadaa-plan">{rows}</table>')


def prize_years(lesson: Lesson) -> widgets.HTML:
    """Winners of the Lalla Al Moutaâouina prize each year, as the press reported them."""
    _ = lesson._
    lang = lesson.lang
    year_word, winners_word = html.escape(_("Year")), html.escape(_("Winning cooperatives"))
    head = f'<tr><th>{year_word}</th><th>{winners_word}</th></tr>'
    rows = "".join(f'<tr><td class="num">{year}</td>'
                   f'<td class="num">{format_number(n, lang, 0)}</td></tr>'
                   for year, n in programmes.PRIZE_WINNERS.items())
    prize = _("Each winner receives {amount}.").format(amount=format_amount(programmes.PRIZE_AMOUNT, lang))
    return widgets.HTML(f'<table class="fadaa-prize">{head}{rows}</table><p>🏆 <b>{html.escape(prize)}</b></p>')


def programmes_table(lesson: Lesson) -> widgets.HTML:
    _ = lesson._
    rows = [
        ("🏆 Lalla Al Moutaâouina", _("Women's cooperatives, with a project idea"),
         _("A prize for the best project: {amount} per winner, at least one per region").format(
             amount=format_amount(programmes.PRIZE_AMOUNT, lesson.lang)),
         _("ODCO's call, each year")),
        ("🤝 Mourafaka", _("Cooperatives under four years old"),
         _("A diagnosis, group training, two years of coaching"), _("ODCO")),
        ("🏦 Intilaka…", _("Check the current terms"), _("Check the current terms"),
         _("Your bank or the regional investment centre")),
    ]
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (_("Programme"), _("For whom"), _("What it gives"), _("Ask")))
    body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in rows)
    note = _("Reported by the press: the terms change, check them with ODCO before you apply.")
    return widgets.HTML(scrolling(f'<table class="fadaa-programmes"><tr>{head}</tr>{body}</table>')
                        + feedback_line("info", note))


class ProgrammeFit(widgets.VBox):
    """Two facts she knows (a women's cooperative, the day it was registered): which programmes to ask about."""

    def __init__(self, lesson: Lesson):
        _ = self._ = lesson._
        self.lesson = lesson
        self.women = widgets.ToggleButtons(options=[("👩 " + _("Yes"), True), (_("No"), False)], value=None,
                                           description=_("A women's cooperative?"), style={"button_width": "auto"})
        self.founded = widgets.DatePicker(description=_("Registered on"), style=STYLE)
        self.result = widgets.HTML()
        for field in (self.women, self.founded):
            field.observe(lambda _c: self.refresh(), names="value")
        super().__init__([self.women, self.founded, self.result])

    def refresh(self) -> None:
        _ = self._
        if self.women.value is None:
            self.result.value = ""
            return
        try:
            found = programmes.fits(self.women.value, self.founded.value, _today())
        except ValueError:
            self.result.value = feedback_line("error", _("This date is in the future: check it."))
            return
        names = {"lalla_al_moutaaouina": "Lalla Al Moutaâouina", "mourafaka": "Mourafaka", "others": _("Other programmes")}
        reasons = {"women": _("it is for women's cooperatives"), "not_women": _("it is for women's cooperatives"),
                   "young": _("your cooperative is under four years old"),
                   "too_old": _("it is for cooperatives under four years old"),
                   "age_unknown": _("give the day your cooperative was registered"),
                   "check_terms": _("check the current terms with your bank or the regional investment centre")}
        ask, skip = _("Ask about it"), _("Probably not for you")
        self.result.value = "".join(
            f'<p>{FIT_ICONS[f.worth_asking]} <b>{html.escape(names[f.programme])}</b> — '
            f'{html.escape(ask if f.worth_asking else skip)}: {html.escape(reasons[f.reason])}</p>' for f in found)


class ReadinessView(widgets.VBox):
    """Her checklist from her earlier lessons, the day she filed the accounts, and the PDF."""

    DATA_KEY = "filed_on"

    def __init__(self, lesson: Lesson):
        _ = self._ = lesson._
        self.lesson = lesson
        saved = lesson.kept(self.DATA_KEY, None)
        try:
            filed = date.fromisoformat(saved) if isinstance(saved, str) else None
        except ValueError:
            filed = None
        self.filed = widgets.DatePicker(value=filed, description="🏛️ " + _("Accounts filed on"), style=STYLE)
        self.table = widgets.HTML()
        name = lesson.pick("preparation_financement", "jahiziyat_al_tamwil")
        self.document = lesson.document(fr="✅ Ma liste de préparation (PDF)", ar="✅ لائحة الجاهزية (PDF)",
                                        filename=f"{name}.pdf", build=self.pdf)
        self.filed.observe(lambda _c: self.refresh(save=True), names="value")
        hint = _("If your cooperative has filed its accounts at the tribunal, give the day:")
        super().__init__([self.table, widgets.HTML(f'<div class="fadaa-prompt">{html.escape(hint)}</div>'),
                          self.filed, self.document])
        self.refresh()

    def records(self) -> readiness.Records:
        return her_records(self.lesson, self.filed.value)

    def refresh(self, save: bool = False) -> None:
        _ = self._
        lang = self.lesson.lang
        if save:
            self.lesson.keep(self.DATA_KEY, self.filed.value.isoformat() if self.filed.value else None)
        records = self.records()
        points = readiness.checklist(records, _today())
        names, statuses = point_names(_), status_names(_)
        rows = "".join(f'<tr class="fadaa-point-{p.status}"><td>{html.escape(names[p.key])}</td>'
                       f'<td style="white-space:nowrap">{documents.STATUS_ICONS[p.status]} {html.escape(statuses[p.status])}</td>'
                       f'<td>{html.escape(documents.point_detail(p, records, lang, _))}</td></tr>' for p in points)
        done = sum(p.done for p in points)
        score = _("{n} of {total} points done").format(n=done, total=len(points))
        self.table.value = (f'<table class="fadaa-readiness">{rows}</table>'
                            f'<p style="font-size:1.2em"><b class="num">{html.escape(score)}</b></p>')

    def pdf(self) -> bytes:
        return documents.readiness_pdf(self.records(), self.lesson.lang, _today())


def example_project_view(lesson: Lesson) -> widgets.HTML:
    """Nour's project: what it would buy, the total, what Nour puts in."""
    _ = lesson._
    return widgets.HTML(budget_html(examples.example_project(lesson.lang), lesson.lang, _, show_asked=False))


def budget_html(sheet: project.Project, lang: str, _, show_asked: bool = True) -> str:
    rows = "".join(f'<tr><td>{html.escape(i.label)}</td><td class="num">{format_number(i.quantity, lang)}</td>'
                   f'<td class="num">{format_amount(i.unit_price, lang)}</td><td class="num">{format_amount(i.cost, lang)}</td></tr>'
                   for i in sheet.items)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (_("What to buy"), _("Quantity"), _("Unit price"), _("Cost")))
    total, own, asked = _("Total"), _("The cooperative puts in"), _("Amount asked")
    lines = (f'<tr><th>{html.escape(total)}</th><td></td><td></td><th class="num">{format_amount(sheet.total, lang)}</th></tr>'
             f'<tr><td>{html.escape(own)}</td><td></td><td></td><td class="num">{format_amount(sheet.own_contribution, lang)}</td></tr>')
    if show_asked:
        lines += (f'<tr><th>{html.escape(asked)}</th><td></td><td></td>'
                  f'<th class="num" style="font-size:1.2em">{format_amount(sheet.asked, lang)}</th></tr>')
    return scrolling(f'<table class="fadaa-budget"><tr>{head}</tr>{rows}{lines}</table>')


def problem_names(_) -> dict[str, str]:
    return {"no_cooperative": _("Write your cooperative's name."), "no_items": _("Add what the money would buy."),
            "no_goal": _("Say what the project changes."),
            "contribution_above_total": _("Your contribution is more than the project costs: check it."),
            "above_ceiling": _("You ask more than the programme gives: buy less, or put in more yourselves.")}


def error_text(exc: ValueError, _) -> str:
    return {"negative": _("A number cannot be below 0."), "too_large": _("This figure is too large. Check it."),
            "no_label": _("Say what you would buy."), "zero_quantity": _("A quantity of 0 buys nothing."),
            "too_many_items": _("That is many lines: keep the main purchases.")}.get(
        getattr(exc, "reason", ""), _("Please type a number, for example 1 250."))


class ProjectForm(widgets.VBox):
    """Her project sheet: her cooperative, what the money would buy, the sums, and the Word document."""

    DATA_KEY = "project"

    def __init__(self, lesson: Lesson):
        _ = self._ = lesson._
        self.lesson = lesson
        saved = lesson.kept(self.DATA_KEY, {})
        self.sheet = project.project_from_json(saved or {})
        self.records = her_records(lesson)
        self.cooperative = text_field(_("Cooperative"), self.sheet.cooperative or self.records.cooperative, icon="🏷️")
        self.product = text_field(_("Product"), self.sheet.product, _("e.g. wool carpets"), icon="🧶")
        self.programme = text_field(_("Programme"), (saved or {}).get("programme", ""), "Lalla Al Moutaâouina", icon="🏆")
        self.ceiling = number_field(_("Programme's maximum"), self.sheet.ceiling or None, icon="🏆")
        self.goal = widgets.Textarea(value=self.sheet.goal, description=_("What the project changes"),
                                     continuous_update=False, style=STYLE,
                                     layout=widgets.Layout(width="100%", min_height="5em"))
        self.goal.add_class("fadaa-text-input")
        self.item_label = text_field(_("What to buy"), placeholder=_("e.g. a loom"), icon="🛒")
        self.item_quantity = number_field(_("Quantity"), placeholder="1", icon="🔢")
        self.item_price = number_field(_("Unit price"), icon="🏷️")
        self.add = widgets.Button(description=_("Add to my project"), icon="plus", button_style="success",
                                  layout=widgets.Layout(min_height="48px", width="auto"))
        self.add.add_class("fadaa-add-item")
        self.remove = widgets.Button(description=_("Remove the last line"), icon="trash",
                                     layout=widgets.Layout(min_height="48px", width="auto"))
        self.own = number_field(_("The cooperative puts in"), self.sheet.own_contribution or None, icon="💪")
        self.item_feedback = widgets.HTML()
        self.budget = widgets.HTML()
        self.feedback = widgets.HTML()
        name = lesson.pick("fiche_projet", "bitaqat_al_mashrou")
        self.document = lesson.document(fr="📝 Ma fiche projet (Word)", ar="📝 بطاقة المشروع (Word)",
                                        filename=f"{name}.docx", build=self.docx)
        for field in (self.cooperative, self.product, self.programme, self.ceiling, self.goal, self.own):
            field.observe(lambda _c: self.refresh(save=True), names="value")
        self.add.on_click(lambda _b: self.add_item())
        self.remove.on_click(lambda _b: self.remove_last())
        buy = _("What the money would buy:")
        super().__init__([self.cooperative, self.product, self.programme, self.ceiling, self.goal,
                          widgets.HTML(f'<div class="fadaa-prompt">{html.escape(buy)}</div>'),
                          self.item_label, self.item_quantity, self.item_price,
                          widgets.HBox([self.add, self.remove], layout=widgets.Layout(flex_flow="row wrap")),
                          self.item_feedback, self.own, self.budget, self.feedback, self.document])
        self.refresh()

    def add_item(self) -> None:
        _ = self._
        item = read_or_say_why(lambda: project.make_item(self.item_label.value, read_number(self.item_quantity, 1.0),
                                                         read_number(self.item_price)),
                               self.item_feedback, feedback_line("error", _("Please type a number, for example 1 250.")),
                               lambda exc: feedback_line("error", error_text(exc, _)), project.ProjectError)
        if item is None:
            return
        if len(self.sheet.items) >= project.MAX_ITEMS:
            self.item_feedback.value = feedback_line("error", _("That is many lines: keep the main purchases."))
            return
        self.item_feedback.value = ""
        self.sheet = project.make_project(items=[*self.sheet.items, item])
        for field in (self.item_label, self.item_quantity, self.item_price):
            field.value = ""
        self.refresh(save=True)

    def remove_last(self) -> None:
        if self.sheet.items:
            self.sheet = project.make_project(items=self.sheet.items[:-1])
            self.refresh(save=True)

    def current(self) -> project.Project:
        return project.make_project(self.cooperative.value, self.product.value, self.goal.value, self.sheet.items,
                                    read_number(self.own), read_number(self.ceiling))

    def refresh(self, save: bool = False) -> None:
        _ = self._
        sheet = read_or_say_why(self.current, self.feedback,
                                feedback_line("error", _("Please type a number, for example 1 250.")),
                                lambda exc: feedback_line("error", error_text(exc, _)), project.ProjectError)
        if sheet is None:
            return
        self.sheet = sheet
        self.budget.value = budget_html(sheet, self.lesson.lang, _) if sheet.items else ""
        gaps = project.problems(sheet)
        names = problem_names(_)
        self.feedback.value = ("".join(feedback_line("info", names[g]) for g in gaps) if gaps
                               else feedback_line("right", _("Your project sheet holds together.")))
        if save:
            self.lesson.keep(self.DATA_KEY, {**sheet.to_json(), "programme": self.programme.value.strip()})

    def docx(self) -> bytes:
        sheet = self.current()
        if not sheet.items:
            raise ValueError("nothing to buy on the sheet yet")
        return documents.project_docx(sheet, self.records, self.lesson.lang, self.programme.value.strip())
