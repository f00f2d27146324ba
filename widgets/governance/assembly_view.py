"""Governance lesson 3 on screen: which assembly takes which decision, how many votes an
extraordinary decision needs under her statutes, and her moral report draft (Word and PDF) built
from her AGM, bookkeeping and governance answers.

Thin over ``assemblies`` (usual practice, votes needed), ``moral_draft`` and ``documents``.
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from ..agm import quorum as q
from ..agm import reports
from ..agm.day_view import ThresholdField
from ..agm.documents_view import MoralForm
from ..agm.forms_view import STYLE, AgmFile, explain, whole_number
from ..agm.words import majority_words
from fadaa.core.checking import NotANumber
from ..feedback_line import feedback_line
from ..lesson import Lesson
from . import assemblies as rules
from . import examples
from .documents import figure_rows, moral_report_document
from .moral_draft import MoralDraft, draft_from
from .records import board_of, register_of
from .words import assembly_names, decision_names

ASSEMBLY_ICONS = {rules.ORDINARY: "🏛️", rules.EXTRAORDINARY: "⚠️📜"}


def usual_decisions(lesson: Lesson) -> widgets.HTML:
    _ = lesson._
    names, assemblies = decision_names(_), assembly_names(_)
    rows = "".join(f"<tr><td>{html.escape(names[d])}</td><td>{ASSEMBLY_ICONS[a]} {html.escape(assemblies[a])}</td></tr>"
                   for d, a in rules.USUAL_ASSEMBLY.items())
    note = _("Usual practice: the list that binds your cooperative is in your statutes. Check with ODCO or your statutes.")
    return widgets.HTML(f'<table class="fadaa-assemblies">{rows}</table><p><i>{html.escape(note)}</i></p>')


def example_rule(lesson: Lesson) -> widgets.HTML:
    _ = lesson._
    rule = _("Nour's statutes (example): changing the statutes needs {rule}.").format(
        rule=majority_words(examples.EXTRAORDINARY_MAJORITY, _))
    present = _("At the extraordinary assembly, {count} members are present or represented.").format(
        count=examples.VOTERS_PRESENT)
    return widgets.HTML(f"<p>📜 {html.escape(rule)}</p><p>👭 {html.escape(present)}</p>")


def example_votes_needed() -> int:
    return rules.votes_for_needed(examples.EXTRAORDINARY_MAJORITY, examples.VOTERS_PRESENT)


class ExtraordinaryRule(widgets.VBox):
    """Her statutes' majority for an extraordinary assembly, and what it means in votes."""

    def __init__(self, lesson: Lesson, file: AgmFile):
        _ = self._ = lesson._
        self.file = file
        saved = file.get("statutes_extraordinary", {}) or {}
        self.majority = ThresholdField("⚠️📜 " + _("Majority for an extraordinary decision"), _,
                                       (saved.get("majority") or {}).get("threshold"), allow_none=False)
        self.base = widgets.ToggleButtons(
            options=[(_("of the votes cast"), q.CAST), (_("of the members present or represented"), q.VOTERS)],
            value=(saved.get("majority") or {}).get("base", q.VOTERS), style={"button_width": "auto"})
        self.voters = widgets.Text(value=str(saved.get("voters") or ""), style=STYLE, continuous_update=False,
                                   description="👭 " + _("Members present or represented"), placeholder="21")
        self.voters.add_class("fadaa-number-input")
        self.feedback = widgets.HTML()
        self.majority.observe_all(self.refresh)
        for field in (self.base, self.voters):
            field.observe(lambda _c: self.refresh(), names="value")
        super().__init__([self.majority, self.base, self.voters, self.feedback])
        self.refresh()

    def refresh(self) -> None:
        _ = self._
        try:
            threshold = self.majority.threshold()
            voters = whole_number(self.voters.value)
        except NotANumber:
            self.feedback.value = feedback_line("error", _("Please type a whole number, for example 25."))
            return
        except q.AgmError as error:  # a fraction above one, or a count out of bounds
            self.feedback.value = explain(error, _)
            return
        if threshold is None:
            self.feedback.value = feedback_line("info", _("Choose the rules written in your statutes."))
            return
        rule = q.MajorityRule(threshold, self.base.value)
        self.file.update(statutes_extraordinary={"majority": rule.to_json(), "voters": voters})
        if voters:
            needed = rules.votes_for_needed(rule, voters)
            text = _("With {voters} members present or represented, the decision needs at least {needed} votes for.") \
                if rule.base == q.VOTERS else \
                _("If all {voters} vote for or against, the decision needs at least {needed} votes for.")
            self.feedback.value = feedback_line("right", text.format(voters=voters, needed=needed))
        else:
            self.feedback.value = feedback_line("saved", _("Saved. These rules are used on the next steps."))


def gap_words(_) -> dict[str, str]:
    return {"figures": _("No figures of the year yet: do the year summary (bookkeeping lesson 4) or type them "
                         "in AGM lesson 2."),
            "register": _("No members register yet (lesson 2): the number of members comes from your cooperative's card."),
            "board": _("No board yet (lesson 1): the part on the board stays blank."),
            "moral": _("Write the four parts below: the draft uses them.")}


def _their_answers(lesson: Lesson, file: AgmFile, moral: MoralForm) -> MoralDraft:
    data = dict(file.data, moral=moral.report().to_json())
    return draft_from(data, reports.her_year_summary(lesson), register_of(lesson), board_of(lesson))


class MoralDraftView(widgets.VBox):
    """What her draft is built from, her four parts (shared with her AGM file), and the draft."""

    def __init__(self, lesson: Lesson, file: AgmFile):
        _ = self._ = lesson._
        self.lesson, self.file = lesson, file
        self.moral = MoralForm(lesson, file)
        self.sources = widgets.HTML()
        self.figures = widgets.HTML()
        name = "rapport_moral" if lesson.lang == "fr" else "التقرير_الأدبي"
        self.word = lesson.document(fr="📄 Mon rapport moral (Word)", ar="📄 التقرير الأدبي (Word)",
                                    filename=f"{name}.docx", build=lambda: self.build("docx"))
        self.pdf = lesson.document(fr="📄 Mon rapport moral (PDF)", ar="📄 التقرير الأدبي (PDF)",
                                   filename=f"{name}.pdf", build=lambda: self.build("pdf"))
        for field in self.moral.fields.values():
            field.observe(lambda _c: self.refresh(), names="value")
        super().__init__([self.sources, self.figures, self.moral, self.word, self.pdf])
        self.refresh()

    def draft(self) -> MoralDraft:
        return _their_answers(self.lesson, self.file, self.moral)

    def refresh(self) -> None:
        _, draft = self._, self.draft()
        gaps = draft.missing()
        used = []
        if draft.from_bookkeeping:
            used.append(_("Figures taken from your year summary (bookkeeping module)."))
        if "register" not in gaps:
            used.append(_("Members from your register (lesson 2)."))
        if "board" not in gaps:
            used.append(_("Board and mandates from lesson 1."))
        words = gap_words(_)
        self.sources.value = "".join(feedback_line("right", t) for t in used) + \
            "".join(feedback_line("info", words[g]) for g in gaps)
        title = html.escape(_("1. The year in figures: {period}").format(period=draft.period))
        rows = "".join(f'<tr><td>{html.escape(a)}</td><td class="num">{html.escape(b)}</td></tr>'
                       for a, b in figure_rows(draft, self.lesson.lang, _))
        self.figures.value = f'<div class="fadaa-prompt">{title}</div><table class="fadaa-figures">{rows}</table>'

    def build(self, fmt: str) -> bytes:
        return moral_report_document(self.lesson.lang, self.draft(), fmt=fmt)
