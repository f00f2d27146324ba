"""Checkpoint blocks: a choice, a number with tolerance, a free text. Each gives instant feedback
in the learner's language and hands the answer to ``on_answer`` (the lesson saves it)."""
from __future__ import annotations

from typing import Callable, Mapping

import ipywidgets as widgets

from .checking import NotANumber, parse_number, within_tolerance
from .feedback_line import feedback_line
from .i18n import format_number

Saver = Callable[[object], None]
FULL_WIDTH = widgets.Layout(width="100%")


def _save(saver: Saver | None, value, gettext) -> str:
    """Save through the lesson; on failure say so in her language instead of a traceback."""
    if saver is None:
        return ""
    try:
        saver(value)
    except Exception:  # noqa: BLE001 - any failure to save must be shown, never lost silently
        return feedback_line("error", gettext("Your answer could not be saved. Tell your trainer."))
    return ""


class NumericAnswer(widgets.VBox):
    """A number typed as she would write it ('1 250,50', Arabic digits too), checked with a tolerance."""

    def __init__(self, prompt: str, expected: float, gettext, lang: str, tolerance: float = 0.5,
                 on_answer: Saver | None = None, initial: float | None = None):
        self._ = gettext
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
        super().__init__([self.prompt, widgets.HBox([self.field, self.check]), self.feedback],
                         layout=FULL_WIDTH)
        self.add_class("fadaa-question")
        if initial is not None:
            self.field.value = format_number(initial, "fr")  # the input box itself stays left-to-right

    def submit(self, text: str) -> bool | None:
        """Check and save the answer; None when the text is not a number."""
        if not str(text).strip():
            self.feedback.value = ""
            return None
        try:
            value = parse_number(text)
        except NotANumber:
            self.feedback.value = feedback_line("error", self._("Please type a number, for example 1 250."))
            return None
        problem = _save(self.on_answer, value, self._)
        right = within_tolerance(value, self.expected, self.tolerance)
        message = self._("Correct!") if right else self._("Not yet. Check your sums and try again.")
        self.feedback.value = feedback_line("right" if right else "wrong", message) + problem
        return right


class ChoiceQuestion(widgets.VBox):
    """Big buttons to tap, one right option; the learner can try again."""

    def __init__(self, prompt: str, options: Mapping[str, str], correct: str, gettext,
                 explanation: str = "", on_answer: Saver | None = None, initial: str | None = None):
        if correct not in options:
            raise ValueError(f"the right option {correct!r} is not among the options")
        self._ = gettext
        self.correct = correct
        self.explanation = explanation
        self.on_answer = on_answer
        self.prompt = widgets.HTML(f'<div class="fadaa-prompt">{prompt}</div>')
        self.options = widgets.ToggleButtons(options=[(text, key) for key, text in options.items()],
                                             value=None, style={"button_width": "auto"})
        self.options.add_class("fadaa-choices")
        self.feedback = widgets.HTML()
        self.options.observe(lambda change: self.submit(change["new"]), names="value")
        super().__init__([self.prompt, self.options, self.feedback], layout=FULL_WIDTH)
        self.add_class("fadaa-question")
        if initial in options:
            self.options.value = initial

    def submit(self, key: str | None) -> bool | None:
        if key is None:
            return None
        problem = _save(self.on_answer, key, self._)
        right = key == self.correct
        message = self._("Correct!") if right else self._("Not quite. Read the step again and choose another answer.")
        extra = f" {self.explanation}" if right and self.explanation else ""
        self.feedback.value = feedback_line("right" if right else "wrong", message + extra) + problem
        return right


class FreeTextAnswer(widgets.VBox):
    """Her own words, for the trainer to read and grade; saved when she leaves the box or taps Save."""

    MAX_CHARS = 4000

    def __init__(self, prompt: str, gettext, on_answer: Saver | None = None, initial: str | None = None):
        self._ = gettext
        self.on_answer = on_answer
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
        super().__init__([self.prompt, self.text, self.save, self.feedback], layout=FULL_WIDTH)
        self.add_class("fadaa-question")

    def submit(self, text: str) -> None:
        text = str(text)[: self.MAX_CHARS].strip()
        problem = _save(self.on_answer, text, self._)
        self.feedback.value = problem or feedback_line("saved", self._("Saved. Your trainer will read your answer."))
