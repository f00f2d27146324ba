"""The trainer's desk (``notebooks/trainer_desk.ipynb``): his cohort's modules, who to call, the
assign / collect / autograde / feedback buttons, which call what the ``fadaa`` CLI calls, and who
needs help with which checkpoint of the chosen module."""
from __future__ import annotations

import datetime as dt
import html
import os

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from fadaa.grading import trainer
from fadaa.grading.autograde import FLAG_MESSAGES, autograde_all
from fadaa.grading.course import NbgraderStepFailed, source_modules
from fadaa.grading.difficulty import who_needs_help
from fadaa.grading.names import checkpoints, lessons_in
from fadaa.grading.voice_answers import VoiceAnswer, voice_answers
from fadaa.core.i18n import format_day, gettext_for, mark as _

from . import page
from .extension_form import ExtensionForm
from .place import Place
from .trainer import module_counts, to_nudge

SHOWN_ROWS = 50


TITLE = _("Trainer's desk")
NUDGE_COLUMNS = {"name": _("Learner"), "cooperative": _("Cooperative"), "module": _("Module"),
                 "status": _("Status"), "duedate": _("Due date")}


def formgrader_url() -> str:
    """nbgrader's formgrader on his own Jupyter server (under the hub's prefix when there is one)."""
    return os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/") + "formgrader"


def voice_answers_html(answers: list[VoiceAnswer], questions: dict, lang: str) -> str:
    """Her spoken answers, each with a player of the note formgrader serves (fetched when he taps
    play) and the link to grade it in formgrader, as her typed answers are."""
    _ = gettext_for(lang)
    if not answers:
        return "<p>" + html.escape(_("No voice answers collected yet.")) + "</p>"
    rows = []
    for answer in answers:
        question = questions.get(answer.checkpoint)
        grade = f"{formgrader_url()}/submissions/{answer.submission_id}/"
        grade_it = html.escape(_("Grade in formgrader"))
        rows.append(
            f"<tr><td>{html.escape(answer.name)}</td>"
            f"<td>{html.escape(question.title(lang) if question else answer.checkpoint)}</td>"
            f'<td><audio class="fadaa-voice-answer" controls preload="none" '
            f'src="{html.escape(answer.url(formgrader_url()))}"></audio></td>'
            f'<td><a href="{html.escape(grade)}" target="_blank">{grade_it}</a></td></tr>')
    head = "".join(f"<th>{html.escape(label)}</th>" for label in (_("Learner"), _("Checkpoint"), _("Voice note"), ""))
    return (f'<div class="fadaa-scroll"><table class="fadaa-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def recording_desk_url(lang: str) -> str:
    """The recording desk on his own Jupyter server (``fadaa.hub.recording_desk``)."""
    return os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/") + f"fadaa/recordings?lang={lang}"


class TrainerDesk(widgets.VBox):
    def __init__(self, lang: str, place: Place | None = None):
        self.lang = lang
        self.gettext = gettext_for(lang)
        self.place = place or Place.from_settings()
        self.progress = self.place.progress()
        self._course = None
        _ = self.gettext
        self.cohort = widgets.Dropdown(options=self.progress.cohorts(), description=_("Cohort"))
        titled = [(self.progress.titles(m, lang), m) for m in source_modules(self.place.course_root)]
        self.module = widgets.Dropdown(options=titled, description=_("Module"))
        self.module.add_class("fadaa-steps-module")  # the module his steps and "who needs help" are about
        self.due = widgets.DatePicker(value=dt.date.today() + dt.timedelta(days=21), description=_("Due date"))
        self.counts = widgets.HTML()
        self.nudge = widgets.HTML()
        self.help = widgets.HTML()
        self.voices = widgets.HTML()
        self.message = widgets.HTML()
        self.bar = widgets.IntProgress(layout=widgets.Layout(visibility="hidden", width="100%"))
        self.buttons = {name: widgets.Button(description=label, button_style=style)
                        for name, label, style in (("assign", _("Assign"), "primary"), ("collect", _("Collect"), ""),
                                                   ("autograde", _("Autograde"), ""), ("feedback", _("Release feedback"), ""))}
        for name, button in self.buttons.items():
            button.add_class(f"fadaa-{name}")
            button.on_click(lambda _b, step=getattr(self, name): self.run(step))
        self.extension = ExtensionForm(lang, self.place, self.progress, on_done=self.refresh)
        self.extension.show_cohort(self.cohort.value)
        self.cohort.observe(lambda _c: self.refresh(), "value")
        self.cohort.observe(lambda change: self.extension.show_cohort(change.new), "value")
        self.module.observe(lambda _c: self.refresh_help(), "value")
        link = (f'<a class="fadaa-open" href="{html.escape(formgrader_url())}" target="_blank">'
                + html.escape(_("Grade free-text answers in formgrader")) + "</a>"
                f' <a class="fadaa-open fadaa-recording-desk" href="{html.escape(recording_desk_url(lang))}" target="_blank">'
                + "🎙 " + html.escape(_("Record the steps' sound")) + "</a>")
        super().__init__([
            self.cohort,
            widgets.HTML("<h2>" + html.escape(_("Modules")) + "</h2>"), self.counts,
            widgets.HTML("<h2>" + html.escape(_("Late or not started")) + "</h2>"), self.nudge,
            widgets.HTML("<h2>" + html.escape(_("Extra time")) + "</h2>"), self.extension,
            widgets.HTML("<h2>" + html.escape(_("Steps")) + "</h2>"), self.module, self.due,
            widgets.HBox(list(self.buttons.values()), layout=widgets.Layout(flex_flow="row wrap")),
            self.bar, self.message,
            widgets.HTML("<h2>" + html.escape(_("Who needs help")) + "</h2>"), self.help,
            widgets.HTML("<h2>" + html.escape(_("Voice answers")) + "</h2>"), self.voices, widgets.HTML(link)])
        page.dress(self, lang)
        self.refresh()
        self.refresh_help()

    @property
    def course(self):
        if self._course is None:
            self._course = self.place.course()
        return self._course

    def refresh(self) -> None:
        _ = self.gettext
        self.counts.value = page.table_html(module_counts(self.progress, self.cohort.value, self.lang), self.lang)
        waiting = to_nudge(self.progress, self.cohort.value)
        waiting["status"] = [page.status_text(s, self.lang) for s in waiting.status]
        waiting["module"] = [self.progress.titles(m, self.lang) for m in waiting.module]
        waiting["duedate"] = [format_day(day, self.lang) if pd.notna(day) else ""
                              for day in pd.to_datetime(waiting.duedate)]
        shown = waiting[list(NUDGE_COLUMNS)].rename(columns={c: _(label) for c, label in NUDGE_COLUMNS.items()})
        self.nudge.value = page.table_html(shown, self.lang, SHOWN_ROWS)

    def refresh_help(self) -> None:
        """The chosen module's checkpoints from the submissions collected so far, and its voice answers
        from those autograded."""
        if self.module.value is None:
            self.help.value = self.voices.value = ""
            return
        self.help.value = page.table_html(who_needs_help(self.course, self.module.value, self.lang), self.lang)
        questions = checkpoints(lessons_in(self.place.course_root / "source").get(self.module.value))
        self.voices.value = voice_answers_html(voice_answers(self.course, self.module.value), questions, self.lang)

    def run(self, step) -> None:
        """Run one step with every button off, then say what happened and show the new counts."""
        for button in self.buttons.values():
            button.disabled = True
        self.message.value = "⏳"
        try:
            text = step()
        except (NbgraderStepFailed, trainer.NoSuchGroup) as failed:
            text = "⚠️ " + str(failed)
        finally:
            for button in self.buttons.values():
                button.disabled = False
        self.message.value = '<div class="fadaa-feedback fadaa-feedback-saved">' + html.escape(text).replace("\n", "<br>") + "</div>"
        self.refresh()
        self.refresh_help()

    def assign(self) -> str:
        _ = self.gettext
        due = dt.datetime.combine(self.due.value, dt.time(23, 59, 59))
        done = trainer.assign(self.course, self.module.value, due, cohort=self.cohort.value)
        return _("{module} released to {name} ({count} learners), due {date}.").format(
            module=self.progress.titles(done.module, self.lang), name=done.name, count=done.learners,
            date=format_day(done.duedate, self.lang))

    def collect(self) -> str:
        _ = self.gettext
        students = trainer.collect(self.course, self.module.value)
        lines = [_("{count} submissions collected.").format(count=len(students))]
        lines += [_("{name} opened the worked answer of: {checkpoints}.").format(name=name, checkpoints=", ".join(seen))
                  for name, seen in trainer.worked_answers_opened(self.course, self.module.value).items()]
        return "\n".join(lines)

    def autograde(self) -> str:
        _ = self.gettext
        students = self.course.submitted_students(self.module.value)
        self.bar.value, self.bar.max = 0, max(len(students), 1)
        self.bar.layout.visibility = "visible"

        def done(_outcome) -> None:
            self.bar.value += 1

        report = autograde_all(self.course, self.module.value, students, on_done=done)
        self.bar.layout.visibility = "hidden"
        lines = [f"{o.student_id}: {_(FLAG_MESSAGES[flag])}" for o in report.flagged for flag in o.flags]
        lines.append(_("{graded} of {total} submissions graded in {seconds:.0f} s; {flagged} flagged.").format(
            graded=len(report.graded), total=len(report.outcomes), seconds=report.seconds,
            flagged=len(report.flagged)))
        return "\n".join(lines)

    def feedback(self) -> str:
        _ = self.gettext
        self.course.release_feedback(self.module.value)
        return _("Feedback released for {module}.").format(module=self.progress.titles(self.module.value, self.lang))


def show() -> None:
    lang = page.language()
    page.header(gettext_for(lang)(TITLE), lang)
    desk = TrainerDesk(lang)
    display(desk)
