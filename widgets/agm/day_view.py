"""Lesson 3 on screen: her statutes' rules, the attendance sheet, the quorum check, the votes and
the minutes. Thin over ``quorum`` (every count and verdict) and ``documents`` (the PDFs)."""
from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from fadaa.core.checking import RuleError, read_or_say_why
from ..feedback_line import feedback_line
from ..lesson import Lesson
from . import examples
from . import quorum as q
from .documents import attendance_document, default_agenda, minutes_document
from .forms_view import STYLE, WIDE, AgmFile, CooperativeCard, explain, whole_number
from .records import Attendance, Decision, Meeting
from .words import majority_words, threshold_words

AT_LEAST, MORE_THAN, NO_MINIMUM = "at_least", "more_than", "none"


def quorum_html(result: q.QuorumResult, rule: q.Threshold, _) -> str:
    # gettext calls stay outside f-strings so that pybabel extracts them
    words = {k: html.escape(v) for k, v in {
        "members": _("Members"), "rule": _("Quorum set by the statutes"), "needed": _("Members needed"),
        "attending": _("Present and represented"), "threshold": threshold_words(rule, _),
        "met": _("The quorum is met: the assembly can validly decide."),
        "not_met": _("The quorum is not met: {missing} more members needed.")}.items()}
    verdict = "✅ " + words["met"] if result.met else "❌ " + words["not_met"].format(missing=result.missing)
    kind = "right" if result.met else "wrong"
    return (f'<table class="fadaa-agm-quorum">'
            f'<tr><td>👭 {words["members"]}</td><td class="num">{result.members}</td></tr>'
            f'<tr><td>📜 {words["rule"]}</td><td>{words["threshold"]}</td></tr>'
            f'<tr><td>🎯 {words["needed"]}</td><td class="num">{result.required}</td></tr>'
            f'<tr><td>🙋 {words["attending"]}</td><td class="num">{result.attending}</td></tr>'
            f'</table><div class="fadaa-feedback fadaa-feedback-{kind}">{verdict}</div>')


def votes_html(decisions: list[Decision], _) -> str:
    titles = (_("Resolution"), "✋ " + _("For"), "👎 " + _("Against"), "🤐 " + _("Abstentions"), _("Result"))
    head = "".join(f"<th>{html.escape(t)}</th>" for t in titles)
    results = {True: "✅ " + html.escape(_("Adopted")), False: "❌ " + html.escape(_("Rejected"))}
    rows = "".join(
        f'<tr><td>{html.escape(d.text)}</td><td class="num">{d.tally.votes_for}</td><td class="num">{d.tally.against}</td>'
        f'<td class="num">{d.tally.abstain}</td><td>{results[d.adopted]}</td></tr>'
        for d in decisions)
    return f'<table class="fadaa-agm-votes"><tr>{head}</tr>{rows}</table>'


def example_quorum(lesson: Lesson) -> widgets.HTML:
    rule = examples.STATUTES.first_call
    result = q.quorum(examples.MEMBERS, examples.PRESENT, examples.REPRESENTED, rule)
    return widgets.HTML(quorum_html(result, rule, lesson._))


def example_required() -> int:
    return examples.STATUTES.first_call.required(examples.MEMBERS)


def example_votes(lesson: Lesson) -> widgets.HTML:
    _ = lesson._
    rule = html.escape(_("Majority required by the statutes: {rule}.").format(
        rule=majority_words(examples.STATUTES.majority, _)))
    decisions = examples.decisions(lesson.lang, default_agenda(lesson.lang))
    return widgets.HTML(f"<p>📜 {rule}</p>" + votes_html(decisions, _))


def read_counts(read, out: widgets.HTML, _):
    """What ``read`` makes of her counts, or None once ``out`` asks for a whole number or explains the rule."""
    return read_or_say_why(read, out, feedback_line("error", _("Please type a whole number, for example 25.")),
                           lambda error: explain(error, _), RuleError)


class ThresholdField(widgets.VBox):
    """'at least' / 'more than' / 'no minimum', and a fraction: as her statutes write it."""

    def __init__(self, label: str, _, saved: dict | None, allow_none: bool = True):
        kinds = [("≥ " + _("at least"), AT_LEAST), ("> " + _("more than"), MORE_THAN)]
        if allow_none:
            kinds.append(("∅ " + _("no minimum"), NO_MINIMUM))
        kind = None
        if saved:
            kind = NO_MINIMUM if saved.get("numerator") == 0 else (MORE_THAN if saved.get("strict") else AT_LEAST)
        self.kind = widgets.ToggleButtons(options=kinds, value=kind, style={"button_width": "auto"})
        self.numerator = widgets.BoundedIntText(value=(saved or {}).get("numerator") or 1, min=1, max=99,
                                                layout=widgets.Layout(width="5em"))
        self.denominator = widgets.BoundedIntText(value=(saved or {}).get("denominator") or 2, min=1, max=99,
                                                  layout=widgets.Layout(width="5em"))
        self.fraction = widgets.HBox([self.numerator, widgets.HTML("<b>/</b>"), self.denominator,
                                      widgets.HTML(html.escape(_("of the members")))])
        self.fraction.add_class("fadaa-fraction")
        super().__init__([widgets.HTML(f'<div class="fadaa-prompt">{html.escape(label)}</div>'), self.kind, self.fraction])

    def threshold(self) -> q.Threshold | None:
        """None until she has chosen; raises AgmError for a fraction above one."""
        if self.kind.value is None:
            return None
        if self.kind.value == NO_MINIMUM:
            return q.Threshold(0, 1)
        return q.Threshold(self.numerator.value, self.denominator.value, strict=self.kind.value == MORE_THAN)

    def observe_all(self, callback) -> None:
        for field in (self.kind, self.numerator, self.denominator):
            field.observe(lambda _c: callback(), names="value")


class StatutesForm(widgets.VBox):
    """What her statutes say about the quorum, proxies and majority (never guessed)."""

    def __init__(self, lesson: Lesson, file: AgmFile):
        _ = self._ = lesson._
        self.file = file
        saved = file.get("statutes", {})
        self.first = ThresholdField("1️⃣ " + _("Quorum on first call"), _, saved.get("first_call"), allow_none=False)
        self.second = ThresholdField("2️⃣ " + _("Quorum on second call"), _, saved.get("second_call"))
        self.count_represented = widgets.Checkbox(value=saved.get("count_represented", True), indent=False,
                                                  description=_("Represented members count towards the quorum"))
        self.max_proxies = widgets.Text(value=str(saved.get("max_proxies") or ""), style=STYLE,
                                        description=_("Proxies one member may carry"),
                                        placeholder=_("leave empty if the statutes say nothing"),
                                        continuous_update=False)
        self.majority = ThresholdField("🗳️ " + _("Majority for a decision"), _,
                                       (saved.get("majority") or {}).get("threshold"), allow_none=False)
        self.majority_base = widgets.ToggleButtons(
            options=[(_("of the votes cast"), q.CAST), (_("of the members present or represented"), q.VOTERS)],
            value=(saved.get("majority") or {}).get("base", q.CAST), style={"button_width": "auto"})
        self.feedback = widgets.HTML()
        for field in (self.first, self.second, self.majority):
            field.observe_all(self.save)
        for field in (self.count_represented, self.max_proxies, self.majority_base):
            field.observe(lambda _c: self.save(), names="value")
        super().__init__([self.first, self.second, self.count_represented, self.max_proxies,
                          self.majority, self.majority_base, self.feedback])

    def rule(self, call: int) -> q.Threshold | None:
        return (self.first if call == 1 else self.second).threshold()

    def majority_rule(self) -> q.MajorityRule | None:
        threshold = self.majority.threshold()
        return q.MajorityRule(threshold, self.majority_base.value) if threshold else None

    def proxies(self) -> int | None:
        return whole_number(self.max_proxies.value)

    def save(self) -> None:
        _ = self._
        rules = read_counts(lambda: (self.rule(1), self.rule(2), self.majority_rule(), self.proxies()), self.feedback, _)
        if rules is None:
            return
        first, second, majority, proxies = rules
        self.feedback.value = (feedback_line("right", _("Saved. These rules are used on the next steps."))
                               if first and majority else
                               feedback_line("info", _("Choose the rules written in your statutes.")))
        self.file.update(statutes={
            "first_call": first.to_json() if first else None, "second_call": second.to_json() if second else None,
            "count_represented": self.count_represented.value, "max_proxies": proxies,
            "majority": majority.to_json() if majority else None})


class MembersForm(widgets.VBox):
    """Her cooperative, the meeting's date and place, the members' names: the attendance sheet."""

    def __init__(self, lesson: Lesson, file: AgmFile):
        _ = self._ = lesson._
        self.lesson, self.file = lesson, file
        self.card = CooperativeCard(lesson, file)
        saved = file.get("meeting", {})
        self.day = widgets.DatePicker(description=_("Date of the assembly"), style=STYLE,
                                      value=date.fromisoformat(saved["day"]) if saved.get("day") else None)
        self.time = widgets.Text(value=saved.get("time", ""), description=_("Time"), placeholder="10:00",
                                 style=STYLE, continuous_update=False)
        self.place = widgets.Text(value=saved.get("place", ""), description=_("Place"), style=STYLE, layout=WIDE,
                                  continuous_update=False)
        self.names = widgets.Textarea(value="\n".join(file.get("members", [])), style=STYLE,
                                      description=_("Members (one name a line)"),
                                      layout=widgets.Layout(width="100%", min_height="10em"), continuous_update=False)
        self.feedback = widgets.HTML()
        self.agenda = saved.get("agenda") or default_agenda(lesson.lang)
        self.document = lesson.document(fr="📋 Ma feuille de présence (PDF)", ar="📋 ورقة الحضور (PDF)",
                                        filename="feuille_presence_ag.pdf" if lesson.lang == "fr" else "ورقة_الحضور.pdf",
                                        build=self.build_pdf)
        for field in (self.day, self.time, self.place, self.names):
            field.observe(lambda _c: self.save(), names="value")
        super().__init__([self.card, self.day, self.time, self.place, self.names, self.feedback, self.document])

    def member_names(self) -> list[str]:
        return q.member_list(self.names.value)

    def meeting(self, call: int = 1) -> Meeting:
        if self.day.value is None:
            raise ValueError("no date")
        return Meeting(self.day.value, self.time.value.strip()[:20], self.place.value.strip()[:160], self.agenda, call)

    def save(self) -> None:
        try:
            names = self.member_names()
        except q.AgmError as error:
            self.feedback.value = explain(error, self._)
            return
        self.feedback.value = "" if self.day.value else feedback_line("error", self._("Choose the date of the assembly."))
        if names:
            self.feedback.value += feedback_line("info", self._("{n} members on the sheet.").format(n=len(names)))
        meeting = dict(self.file.get("meeting", {}), day=self.day.value.isoformat() if self.day.value else None,
                       time=self.time.value.strip(), place=self.place.value.strip(), agenda=self.agenda)
        self.file.update(meeting=meeting, members=names)

    def build_pdf(self) -> bytes:
        return attendance_document(self.lesson.lang, self.card.cooperative(), self.meeting(), self.member_names())


class QuorumCheck(widgets.VBox):
    """On the day: which call, how many present and represented; the verdict with her statutes' rule."""

    def __init__(self, lesson: Lesson, file: AgmFile, statutes: StatutesForm, members: MembersForm):
        _ = self._ = lesson._
        self.file, self.statutes, self.members = file, statutes, members
        saved = file.get("day", {})
        self.call = widgets.ToggleButtons(options=[("1️⃣ " + _("first call"), 1), ("2️⃣ " + _("second call"), 2)],
                                          value=saved.get("call", 1), style={"button_width": "auto"})
        self.present = widgets.Text(value=str(saved.get("present", "")), description="🙋 " + _("Present"),
                                    style=STYLE, continuous_update=False)
        self.represented = widgets.Text(value=str(saved.get("represented", "")), description="✉️ " + _("Represented"),
                                        style=STYLE, continuous_update=False)
        for field in (self.present, self.represented):
            field.add_class("fadaa-number-input")
        self.result = widgets.HTML()
        for field in (self.call, self.present, self.represented):
            field.observe(lambda _c: self.refresh(save=True), names="value")
        super().__init__([self.call, self.present, self.represented, self.result])
        file.on_change(self.refresh)
        self.refresh()

    def counts(self) -> tuple[int, int]:
        return whole_number(self.present.value) or 0, whole_number(self.represented.value) or 0

    def attendance(self) -> Attendance | None:
        """None until her statutes' rule and the counts are there; raises AgmError on impossible counts."""
        rule = self.statutes.rule(self.call.value)
        members = self.members.card.cooperative().members or len(self.members.member_names())
        if rule is None or not members:
            return None
        present, represented = self.counts()
        result = q.quorum(members, present, represented, rule, self.statutes.count_represented.value)
        return Attendance(present, represented, members, result.required, result.met)

    def checked_attendance(self) -> tuple[Attendance | None, bool]:
        """Her attendance and whether its proxies are within her statutes' limit."""
        attendance = self.attendance()
        return attendance, attendance is None or q.check_proxies(attendance.present, attendance.represented,
                                                                 self.statutes.proxies())

    def refresh(self, save: bool = False) -> None:
        _ = self._
        if save:
            self.file.update(day={"call": self.call.value, "present": self.present.value.strip(),
                                  "represented": self.represented.value.strip()})
        checked = read_counts(self.checked_attendance, self.result, _)
        if checked is None:
            return
        attendance, proxies_ok = checked
        if attendance is None:
            self.result.value = feedback_line("info", _("Enter your statutes' quorum rule and the number of members first."))
            return
        rule = self.statutes.rule(self.call.value)
        result = q.quorum(attendance.members, attendance.present, attendance.represented, rule,
                          self.statutes.count_represented.value)
        self.result.value = quorum_html(result, rule, _) + ("" if proxies_ok else feedback_line(
            "wrong", _("More proxies than your statutes allow: check who carries which proxy.")))


class VotesForm(widgets.VBox):
    """For each item on the agenda: for, against, abstentions; the result with her statutes' majority."""

    def __init__(self, lesson: Lesson, file: AgmFile, statutes: StatutesForm, members: MembersForm,
                 check: QuorumCheck):
        _ = self._ = lesson._
        self.lesson, self.file, self.statutes, self.members, self.check = lesson, file, statutes, members, check
        saved = file.get("votes", {})
        self.rows = []
        boxes = []
        for index, item in enumerate(members.agenda):
            fields = [widgets.Text(value=str(saved.get(str(index), ["", "", ""])[i]), placeholder="0",
                                   description=label, style=STYLE, continuous_update=False,
                                   layout=widgets.Layout(width="11em"))
                      for i, label in enumerate(("✋ " + _("For"), "👎 " + _("Against"), "🤐 " + _("Abstentions")))]
            for field in fields:
                field.add_class("fadaa-number-input")
                field.observe(lambda _c: self.refresh(save=True), names="value")
            self.rows.append((item, fields))
            boxes.append(widgets.VBox([widgets.HTML(f'<div class="fadaa-prompt">{index + 1}. {html.escape(item)}</div>'),
                                       widgets.HBox(fields, layout=widgets.Layout(flex_flow="row wrap"))]))
        self.result = widgets.HTML()
        name = "proces_verbal_ag" if lesson.lang == "fr" else "محضر_الجمع_العام"
        self.document = lesson.document(fr="🖋️ Mon projet de procès-verbal (PDF)", ar="🖋️ مشروع المحضر (PDF)",
                                        filename=f"{name}.pdf", build=self.build_pdf)
        # Word, for a draft the secretary completes after the meeting
        self.editable = lesson.document(fr="🖋️ Mon projet de procès-verbal (Word)", ar="🖋️ مشروع المحضر (Word)",
                                        filename=f"{name}.docx", build=lambda: self.build_pdf(fmt="docx"))
        super().__init__([*boxes, self.result, self.document, self.editable])
        file.on_change(self.refresh)
        self.refresh()

    def decisions(self) -> list[Decision]:
        """The items she counted votes for; raises AgmError / NotANumber on impossible counts."""
        majority = self.statutes.majority_rule()
        attendance = self.check.attendance()
        voters = attendance.present + attendance.represented if attendance else 0
        found = []
        for item, fields in self.rows:
            counts = [whole_number(f.value) for f in fields]
            if all(c is None for c in counts):
                continue
            tally = q.tally_counts(*(c or 0 for c in counts), voters)
            found.append(Decision(item, tally, bool(majority) and q.adopted(tally, majority, voters)))
        return found

    def refresh(self, save: bool = False) -> None:
        _ = self._
        if save:
            self.file.update(votes={str(i): [f.value.strip() for f in fields] for i, (_item, fields) in enumerate(self.rows)})
        decisions = read_counts(self.decisions, self.result, _)
        if decisions is None:
            return
        if self.statutes.majority_rule() is None:
            self.result.value = feedback_line("info", _("Enter your statutes' majority first."))
            return
        self.result.value = votes_html(decisions, _) if decisions else ""

    def build_pdf(self, fmt: str = "pdf") -> bytes:
        attendance = self.check.attendance()
        if attendance is None:
            raise ValueError("no quorum rule or members yet")
        return minutes_document(self.lesson.lang, self.members.card.cooperative(),
                                self.members.meeting(self.check.call.value), attendance,
                                self.statutes.rule(self.check.call.value), self.decisions(),
                                self.statutes.majority_rule(), fmt=fmt)
