"""Checkpoint blocks: a choice, a number with tolerance, a free text. Each gives instant feedback
in the learner's language and hands the answer to ``on_answer`` (the lesson saves it; a checked
answer comes with ``right=``, the verdict she was shown, which the lesson keeps among her tries).

A wrong answer explains itself: a checkpoint names its usual mistakes (a number she gets when she
forgets her work, an option chosen for a reason) and what each one tells her. After two wrong tries
she may open the worked answer; ``on_worked`` is told (the lesson records it for her trainer)."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Callable, Mapping

import ipywidgets as widgets

from fadaa.core import audio
from fadaa.core.checking import NotANumber, RuleError, bounded_answer, parse_number, within_tolerance
from . import voice_note
from .feedback_line import feedback_line
from fadaa.core.i18n import format_number
from .voice_recorder import VoiceRecorder

Saver = Callable[..., None]  # saver(value), or saver(value, right=...) for a checked answer
FULL_WIDTH = widgets.Layout(width="100%")


def _save(saver: Saver | None, value, gettext, **verdict) -> str:
    """Save through the lesson; on failure say so in her language instead of a traceback."""
    if saver is None:
        return ""
    try:
        saver(value, **verdict)
    except Exception:  # noqa: BLE001 - any failure to save must be shown, never lost silently
        return feedback_line("error", gettext("Your answer could not be saved. Tell your trainer."))
    return ""


TRIES_BEFORE_WORKED = 2


def _typed_number(text: str, gettext) -> tuple[float | None, str]:
    """The number she typed, within the kit's bounds; or None and the line that says why not."""
    try:
        return bounded_answer(parse_number(text)), ""
    except NotANumber:
        return None, feedback_line("error", gettext("Please type a number, for example 1 250."))
    except RuleError:
        return None, feedback_line("error", gettext("This number is too large. Check it."))


class WorkedAnswer(widgets.VBox):
    """The worked answer (HTML) behind a button, offered after ``TRIES_BEFORE_WORKED`` wrong tries."""

    def __init__(self, text: str, gettext, on_shown: Callable[[], None] | None = None):
        self.text, self.on_shown, self.wrong_tries = text, on_shown, 0
        self._last_wrong: object = None
        self.button = widgets.Button(description=gettext("See the worked answer"), icon="book",
                                     layout=widgets.Layout(min_height="48px", width="auto", display="none"))
        self.button.add_class("fadaa-worked-button")
        self.answer = widgets.HTML()
        self.answer.add_class("fadaa-worked")
        self.button.on_click(lambda _b: self.show())
        super().__init__([self.button, self.answer], layout=FULL_WIDTH)

    def count(self, right: bool, answer: object) -> None:
        """One wrong try per different wrong answer: the same answer checked twice (Enter, then the
        Check button) is one try."""
        if self.text and not right and answer != self._last_wrong:
            self._last_wrong = answer
            self.wrong_tries += 1
            if self.wrong_tries >= TRIES_BEFORE_WORKED and not self.answer.value:
                self.button.layout.display = None

    def show(self) -> None:
        self.answer.value = f'<div class="fadaa-worked-text">📖 {self.text}</div>'
        self.button.layout.display = "none"
        if self.on_shown:
            self.on_shown()


class NumericAnswer(widgets.VBox):
    """A number typed as she would write it ('1 250,50', Arabic digits too), checked with a tolerance.

    ``mistakes`` maps the numbers a usual mistake gives to what that mistake tells her."""

    def __init__(self, prompt: str, expected: float, gettext, lang: str, tolerance: float = 0.5,
                 on_answer: Saver | None = None, initial: float | None = None,
                 mistakes: Mapping[float, str] | None = None, worked: str = "",
                 on_worked: Callable[[], None] | None = None):
        self._ = gettext
        self.mistakes = dict(mistakes or {})
        self.worked = WorkedAnswer(worked, gettext, on_worked)
        self.lang = lang
        self.expected = expected
        self.tolerance = tolerance
        self.on_answer = on_answer
        self.prompt = widgets.HTML(f'<div class="fadaa-prompt">{prompt}</div>')
        self.field = widgets.Text(placeholder=gettext("e.g. 1 250"), continuous_update=False,
                                  layout=widgets.Layout(width="12em", min_height="44px"))
        self.field.add_class("fadaa-number-input")
        self.check = widgets.Button(description=gettext("Check"), button_style="primary",
                                    layout=widgets.Layout(min_height="48px"))
        self.check.add_class("fadaa-check")
        self.feedback = widgets.HTML()
        self.check.on_click(lambda _b: self.submit(self.field.value))
        self.field.observe(lambda change: self.submit(change["new"]), names="value")
        super().__init__([self.prompt, widgets.HBox([self.field, self.check]), self.feedback, self.worked],
                         layout=FULL_WIDTH)
        self.add_class("fadaa-question")
        if initial is not None:
            self.field.value = format_number(initial, "fr")  # the input box itself stays left-to-right

    def submit(self, text: str) -> bool | None:
        """Check and save the answer; None when the text is not a number."""
        if not str(text).strip():
            self.feedback.value = ""
            return None
        value, refused = _typed_number(text, self._)
        if refused:
            self.feedback.value = refused
            return None
        right = within_tolerance(value, self.expected, self.tolerance)
        problem = _save(self.on_answer, value, self._, right=right)
        message = self._("Correct!") if right else self.why_wrong(value)
        self.feedback.value = feedback_line("right" if right else "wrong", message) + problem
        self.worked.count(right, value)
        return right

    def why_wrong(self, value: float) -> str:
        """What a usual mistake tells her, or the general 'not yet'."""
        for mistaken, meaning in self.mistakes.items():
            if within_tolerance(value, mistaken, self.tolerance):
                return meaning
        return self._("Not yet. Check your sums and try again.")


class ChoiceQuestion(widgets.VBox):
    """Big buttons to tap, one right option; the learner can try again.

    ``mistakes`` maps a wrong option to what choosing it tells her."""

    def __init__(self, prompt: str, options: Mapping[str, str], correct: str, gettext,
                 explanation: str = "", on_answer: Saver | None = None, initial: str | None = None,
                 mistakes: Mapping[str, str] | None = None, worked: str = "",
                 on_worked: Callable[[], None] | None = None):
        if correct not in options:
            raise ValueError(f"the right option {correct!r} is not among the options")
        self._ = gettext
        self.mistakes = dict(mistakes or {})
        self.worked = WorkedAnswer(worked, gettext, on_worked)
        self.correct = correct
        self.explanation = explanation
        self.on_answer = on_answer
        self.prompt = widgets.HTML(f'<div class="fadaa-prompt">{prompt}</div>')
        self.options = widgets.ToggleButtons(options=[(text, key) for key, text in options.items()],
                                             value=None, style={"button_width": "auto"})
        self.options.add_class("fadaa-choices")
        self.feedback = widgets.HTML()
        self.options.observe(lambda change: self.submit(change["new"]), names="value")
        super().__init__([self.prompt, self.options, self.feedback, self.worked], layout=FULL_WIDTH)
        self.add_class("fadaa-question")
        if initial in options:
            self.options.value = initial

    def submit(self, key: str | None) -> bool | None:
        if key is None:
            return None
        right = key == self.correct
        problem = _save(self.on_answer, key, self._, right=right)
        if right:
            message = self._("Correct!") + (f" {self.explanation}" if self.explanation else "")
        else:
            message = self.mistakes.get(key) or self._("Not quite. Read the step again and choose another answer.")
        self.feedback.value = feedback_line("right" if right else "wrong", message) + problem
        self.worked.count(right, key)
        return right


def voice_refusals(_) -> dict[str, str]:
    """Why her voice note was not kept, or why the page cannot record: what she can do instead."""
    return {
        "empty": _("Nothing was heard. Tap Record, speak, then tap Stop."),
        "too_long": _("Your voice note is longer than {minutes} minutes. Record a shorter one.").format(
            minutes=voice_note.LIMITS.max_seconds // 60),
        "too_large": _("Your voice note is too large (more than {size} MB). Record a shorter one.").format(
            size=voice_note.LIMITS.max_bytes // 1_000_000),
        "not_audio": _("This recording cannot be played. Record it again."),
        "denied": _("The microphone is not allowed. Allow it in the browser's settings, or write your answer."),
        "no_microphone": _("No microphone was found. Write your answer instead."),
        "unsupported": _("This browser cannot record here. Write your answer instead."),
        "failed": _("The recording did not work. Try again, or write your answer."),
    }


class FreeTextAnswer(widgets.VBox):
    """Her own words, for the trainer to read and grade; saved when she leaves the box or taps Save.

    With ``on_voice`` she may also say them: a voice note, checked (``voice_note.check``) and handed
    to ``on_voice`` when she keeps it; ``saved_voice`` gives back the file of the note kept. A note refused, or a
    microphone she cannot use, is told on the feedback line, and her typed text stays as it is."""

    MAX_CHARS = 4000

    def __init__(self, prompt: str, gettext, on_answer: Saver | None = None, initial: str | None = None,
                 on_voice: Saver | None = None, saved_voice: Callable[[], Path | None] | None = None):
        self._ = gettext
        self.on_answer, self.on_voice = on_answer, on_voice
        self.prompt = widgets.HTML(f'<div class="fadaa-prompt">{prompt}</div>')
        self.text = widgets.Textarea(value=initial or "", continuous_update=False,
                                     placeholder=gettext("Write your answer here."),
                                     layout=widgets.Layout(width="100%", min_height="8em"))
        self.text.add_class("fadaa-free-text")
        self.save = widgets.Button(description=gettext("Save"), icon="save", layout=widgets.Layout(min_height="48px"))
        self.save.add_class("fadaa-save")
        self.feedback = widgets.HTML()
        self.save.on_click(lambda _b: self.submit(self.text.value))
        self.text.observe(lambda change: self.submit(change["new"]), names="value")
        parts = [self.prompt, self.text, self.save]
        if on_voice:
            saved = saved_voice or (lambda: None)
            self.recorder = VoiceRecorder(gettext, self.keep_voice, self.voice_refused, saved, kept=saved() is not None)
            parts += [widgets.HTML(f'<div class="fadaa-voice-prompt">{html.escape(gettext("Or say it:"))}</div>'),
                      self.recorder]
        super().__init__([*parts, self.feedback], layout=FULL_WIDTH)
        self.add_class("fadaa-question")

    def submit(self, text: str) -> None:
        text = str(text)[: self.MAX_CHARS].strip()
        problem = _save(self.on_answer, text, self._)
        self.feedback.value = problem or feedback_line("saved", self._("Saved. Your trainer will read your answer."))

    def keep_voice(self, data: bytes, size: int) -> bool:
        """Check and keep her voice note; True when it is kept."""
        try:
            note = voice_note.check(data, size)
        except audio.Refused as refused:
            self.voice_refused(refused.reason)
            return False
        problem = _save(self.on_voice, note.data, self._)
        self.feedback.value = problem or feedback_line(
            "saved", self._("Your voice note is saved. Your trainer will listen to it."))
        return not problem

    def voice_refused(self, reason: str) -> None:
        refusals = voice_refusals(self._)
        self.feedback.value = feedback_line("error", refusals.get(reason, refusals["failed"]))


class Calculator(widgets.VBox):
    """A small calculator for the one division a step asks of her (255 ÷ 0,85): two numbers as she
    writes them, an operation to tap, the result. Nothing is saved or graded."""

    OPERATIONS = {"÷": lambda a, b: a / b, "×": lambda a, b: a * b, "+": lambda a, b: a + b, "−": lambda a, b: a - b}

    def __init__(self, gettext, lang: str):
        self._, self.lang = gettext, lang
        layout = widgets.Layout(width="8em", min_height="44px")
        self.first = widgets.Text(layout=layout, continuous_update=False)
        self.second = widgets.Text(layout=layout, continuous_update=False)
        for field in (self.first, self.second):
            field.add_class("fadaa-number-input")
        self.operation = widgets.Dropdown(options=list(self.OPERATIONS), value="÷",
                                          layout=widgets.Layout(width="4em", min_height="44px"))
        self.result = widgets.HTML()
        for control in (self.first, self.second, self.operation):
            control.observe(lambda _c: self.compute(), names="value")
        row = widgets.HBox([self.first, self.operation, self.second])  # read the way her text reads
        title = widgets.HTML("<b>🧮 " + html.escape(self._("Calculator")) + "</b>")
        super().__init__([title, row, self.result], layout=FULL_WIDTH)
        self.add_class("fadaa-calculator")

    def compute(self) -> float | None:
        self.result.value = ""
        if not self.first.value.strip() or not self.second.value.strip():
            return None
        (a, refused_a), (b, refused_b) = (_typed_number(field.value, self._) for field in (self.first, self.second))
        if refused_a or refused_b:
            self.result.value = refused_a or refused_b
            return None
        if self.operation.value == "÷" and b == 0:
            self.result.value = feedback_line("error", self._("One cannot divide by 0."))
            return None
        value = round(self.OPERATIONS[self.operation.value](a, b), 2)
        self.result.value = f'<div class="fadaa-calculator-result fadaa-big">= {format_number(value, self.lang)}</div>'
        return value
