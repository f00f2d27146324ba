"""A lesson: her language, her notebook, and a list of short steps shown one at a time.

A lesson notebook stays thin: it opens a ``Lesson``, adds steps whose text it holds in French and
Arabic, and shows them. The checkpoint blocks save each answer into the notebook's nbgrader answer
cell as she gives it.
"""
from __future__ import annotations

import functools
import html
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, Union
from urllib.parse import unquote

import ipywidgets as widgets
import mistune
from IPython.display import HTML, display

from fadaa.core import step_audio
from fadaa.core.answer_store import STEP_KEY, WORKED_KEY, AnswerStore, recording_reads, set_aside
from fadaa.core.checking import bounded_answer
from fadaa.core.home_layout import documents_of, home_of
from fadaa.core.i18n import choose_language, choose_spoken, direction, gettext_for
from fadaa.core.settings import site_settings

from . import her_work
from .feedback_line import feedback_line
from .questions import Calculator, ChoiceQuestion, FreeTextAnswer, NumericAnswer
from .steps import Step, StepNavigator
from .styles import LESSON_CSS
from .submit import SubmitButton

log = logging.getLogger(__name__)

Parts = Union[widgets.Widget, Sequence[widgets.Widget]]
Text = tuple[str, str]  # (French, Arabic)

# nbgrader's default ClearSolutions.text_stub: a free-text cell that still says this is blank.
RELEASED_TEXT_STUB = "YOUR ANSWER HERE"

def notebook_from_environment() -> Path | None:
    """The notebook Voilà is serving: the kernel runs in its folder and SCRIPT_NAME ends with its name."""
    script = os.environ.get("SCRIPT_NAME", "")
    if not script.endswith(".ipynb"):
        return None
    path = Path.cwd() / unquote(script.rsplit("/", 1)[-1])
    return path if path.is_file() else None


def request_query() -> str:
    """The page's query string; a preheated Voilà kernel first waits for the request to arrive."""
    if os.environ.get("VOILA_PREHEAT", "False") == "True":
        from voila.utils import wait_for_request
        wait_for_request()
    return os.environ.get("QUERY_STRING", "")


AUDIO_ROUTE = "step-audio/"  # fadaa.server.serve.StepAudioHandler, beside voila/render/


@dataclass(frozen=True)
class LessonAudio:
    """Her lesson's step audio: its folder in the course source, and the address it is served at."""
    folder: Path
    url: str

    @classmethod
    def from_environment(cls, notebook: Path | None) -> "LessonAudio | None":
        """Found from the course the site's settings name (``FADAA_COURSE_ROOT``) and the page Voilà
        serves (``SCRIPT_NAME``): her copy ``<module>/<lesson>.ipynb`` is the source's ``<module>/audio/<lesson>/``."""
        root, script = site_settings().course_root, os.environ.get("SCRIPT_NAME", "")
        if not (notebook and root and "/voila/render/" in script):
            return None
        base = script.split("/voila/render/")[0] + "/" + AUDIO_ROUTE
        module, stem = notebook.parent.name, notebook.stem
        return cls(step_audio.lesson_audio_dir(Path(root) / "source", module, stem),
                   step_audio.lesson_audio_url(base, module, stem))


def _submit(notebook: Path) -> None:
    # nbgrader is imported when she presses Send, not while her lesson opens (about a second)
    from fadaa.grading.exchange import submit_notebook
    submit_notebook(notebook)


class Lesson:
    """One lesson's steps, in the learner's language, saving into her notebook."""

    def __init__(self, title: Mapping[str, str], lang: str, notebook: Path | None = None,
                 icon: str = "", spoken: str | None = None, audio: LessonAudio | None = None):
        self.lang = lang
        self.spoken = spoken or lang  # the language she listens in, which may not be one she reads
        self.audio = audio
        self.dir = direction(lang)
        self._ = gettext_for(lang)
        self.title = title[lang]
        self.icon = icon
        self.store = AnswerStore(notebook) if notebook else None
        self.steps: list[Step] = []
        self.navigator: StepNavigator | None = None

    @classmethod
    def open(cls, fr: str, ar: str, icon: str = "", notebook: str | Path | None = None) -> "Lesson":
        """The lesson as Voilà serves it: language from ``?lang=`` (or her profile), the one she
        listens in (``?spoken=``, her profile, else the one she reads), her notebook and its audio."""
        query = request_query()
        lang = choose_language(query)
        path = Path(notebook) if notebook else notebook_from_environment()
        return cls({"fr": fr, "ar": ar}, lang, path, icon, choose_spoken(query, lang),
                   LessonAudio.from_environment(path))

    # -- text in her language
    def pick(self, fr: str, ar: str) -> str:
        return ar if self.lang == "ar" else fr

    def markdown(self, fr: str, ar: str) -> widgets.HTML:
        return widgets.HTML(mistune.html(self.pick(fr, ar)))

    # -- building the steps
    def step(self, fr: str, ar: str, parts: Parts | Callable[[], Parts] = (), icon: str = "",
             source: Text = ("", ""), say: Text = ("", "")) -> None:
        """A step: a short text (both languages given, hers shown) and the widgets that follow it.

        The step is built when she first reaches it. Give ``parts`` as a function
        (``parts=lambda: ...``) so that its widgets are made then too, not while the lesson opens.
        ``source`` (the law, the newspaper and its date) goes behind an ⓘ line she can open, so the
        step itself stays short. ``say`` (French, Arabic) is what its ▶ says when that is more than
        it shows: the fuller explanation, spoken, where a learner who reads little hears it. It is
        read from the notebook at build time (``core/lesson_steps``) for the drafts and the trainers'
        recording desk; the page itself only plays it.
        """
        number = len(self.steps) + 1  # its audio's number (core/lesson_steps counts them the same way)
        self.steps.append(lambda: self._step_box(fr, ar, self._from_saved(parts), icon, source, number))

    @staticmethod
    def part(build: Callable[[], widgets.Widget]) -> Callable[[], widgets.Widget]:
        """A part that several steps share (a form that a later step reads): built once, when the
        first step that shows or reads it is reached. Call it for the widget, or give it as a
        step's ``parts``."""
        return functools.cache(build)

    def _from_saved(self, parts: Parts | Callable[[], Parts]) -> list[widgets.Widget]:
        """A step's widgets, built from her saved answers. A saved value the step cannot be built from
        (27 digits, 1e308, a text where a number was, a hand-edited notebook) is set aside, the last
        one read first, until it builds: she sees the step with that answer empty, and a line that
        asks her to give it again, instead of a step that never shows."""
        set_aside_any = False
        while True:
            with recording_reads() as reads:
                try:
                    built = parts() if callable(parts) else parts
                    break
                except Exception:
                    if not reads:
                        raise  # not her saved answers: the step itself is broken
                    # for the kernel's log, not her page (a warning would print there, in the first step)
                    log.info("set aside a saved answer the step could not use: %s", reads[-1], exc_info=True)
                    set_aside(reads[-1])
                    set_aside_any = True
        built = [built] if isinstance(built, widgets.Widget) else list(built)
        if set_aside_any:
            notice = widgets.HTML(feedback_line(
                "error", self._("An answer you gave earlier could not be used. Please give it again.")))
            notice.add_class("fadaa-set-aside")
            built.insert(0, notice)
        return built

    def source_html(self, fr: str, ar: str) -> str:
        """An ⓘ line that opens on the source of what a step says."""
        text = self.pick(fr, ar)
        if not text:
            return ""
        body, label = mistune.html(text), html.escape(self._("Source"))
        return f'<details class="fadaa-source"><summary>ⓘ {label}</summary>{body}</details>'

    def listen_html(self, number: int) -> str:
        """A big ▶ that plays step ``number`` in the language she listens in (else the one she
        reads): a recording, else a machine draft, which says so. The page fetches the sound only
        when she taps (``preload="none"``), Opus first and AAC for older Safari."""
        found = step_audio.best(self.audio.folder, number, (self.spoken, self.lang)) if self.audio else None
        if found is None:
            return ""
        sources = "".join(f'<source src="{html.escape(self.audio.url + found.name(ext))}?v={found.version()}" '
                          f'type="{html.escape(step_audio.FORMATS[ext])}">' for ext in found.files)
        listen, machine_voice = html.escape(self._("Listen")), html.escape(self._("Machine voice"))
        machine = f'<span class="fadaa-machine-voice">{machine_voice}</span>' if found.machine else ""
        return (f'<div class="fadaa-listen" lang="{found.lang}"><button type="button" class="fadaa-play" '
                f'aria-label="{listen}">▶</button><audio preload="none">{sources}</audio>{machine}</div>')

    def _step_box(self, fr: str, ar: str, parts: Parts, icon: str, source: Text = ("", ""),
                  number: int = 0) -> widgets.VBox:
        parts = [parts] if isinstance(parts, widgets.Widget) else list(parts)
        text = self.markdown(fr, ar)
        text.value += self.source_html(*source)
        if icon:
            text.value = f'<div class="fadaa-step-icon" aria-hidden="true" style="font-size:2em">{icon}</div>' + text.value
        text.value = self.listen_html(number) + text.value
        box = widgets.VBox([text, *parts], layout=widgets.Layout(width="100%"))
        box.add_class("fadaa-step")
        return box

    # -- her work that is not graded but must survive a reload (her own figures, her AGM file)
    @property
    def notebook(self) -> Path | None:
        """Her copy of this lesson; None in a trainer's preview or a test without one."""
        return self.store.path if self.store else None

    def kept(self, key: str, default: Any = None) -> Any:
        """What this lesson keeps under ``key`` in her notebook's metadata; ``default`` when nothing
        is, or when the lesson has no notebook."""
        return self.store.load_data(key, default) if self.store else default

    def keep(self, key: str, data: Any) -> None:
        """Keep ``data`` (JSON) under ``key`` in her notebook, now. Without a notebook nothing is
        kept, not even in memory: a preview's forms hold what is typed while the page is open, and
        a reload starts blank."""
        if self.store:
            self.store.save_data(key, data)

    def earlier(self, lesson: str | Path, key: str, default: Any = None) -> Any:
        """What she kept under ``key`` in an earlier lesson of hers (``"bookkeeping_4/year_summary.ipynb"``,
        her copy beside this lesson's folder); ``default`` when she has not done it, it cannot be
        read, or this lesson has no notebook."""
        return her_work.earlier(self.notebook, lesson, key, default)

    def _saver(self, grade_id: str):
        return (lambda value, right=None: self.store.save(grade_id, value, right)) if self.store else None

    def _saved(self, grade_id: str, blank: str = "") -> object:
        return self.store.load(grade_id, blank) if self.store else None

    def _worked_seen(self, name: str) -> Callable[[], None] | None:
        """Records in her notebook that she opened the worked answer of ``name``, and when."""
        if not self.store:
            return None

        def record() -> None:
            from datetime import datetime, timezone
            try:
                seen = dict(self.kept(WORKED_KEY, {}) or {})
                seen.setdefault(name, datetime.now(timezone.utc).isoformat(timespec="seconds"))
                self.keep(WORKED_KEY, seen)
            except Exception:  # noqa: BLE001 - showing her the answer never fails because of the record
                pass
        return record

    def _worked_html(self, worked: Text) -> str:
        text = self.pick(*worked)
        return mistune.html(text).strip() if text else ""

    def numeric(self, grade_id: str, fr: str, ar: str, expected: float, tolerance: float = 0.5,
                mistakes: Mapping[float, Text] | None = None, worked: Text = ("", "")) -> NumericAnswer:
        """A number to type. ``mistakes``: {a number a usual mistake gives: what it tells her};
        ``worked``: the worked answer, offered after two wrong tries."""
        saved = self._saved(grade_id)
        return NumericAnswer(self.pick(fr, ar), expected, self._, self.lang, tolerance,
                             on_answer=self._saver(grade_id),
                             initial=None if saved is None else bounded_answer(saved),
                             mistakes={k: self.pick(*v) for k, v in (mistakes or {}).items()},
                             worked=self._worked_html(worked), on_worked=self._worked_seen(grade_id))

    def choice(self, grade_id: str | None, fr: str, ar: str, options: Mapping[str, tuple[str, str]],
               correct: str, explanation: tuple[str, str] = ("", ""),
               mistakes: Mapping[str, Text] | None = None, worked: Text = ("", "")) -> ChoiceQuestion:
        """A tap-to-answer question; with a ``grade_id`` the choice is saved for grading.
        ``mistakes``: {a wrong option: what choosing it tells her}."""
        saved = self._saved(grade_id) if grade_id else None
        return ChoiceQuestion(self.pick(fr, ar), {k: self.pick(*v) for k, v in options.items()}, correct,
                              self._, self.pick(*explanation),
                              on_answer=self._saver(grade_id) if grade_id else None,
                              initial=saved if isinstance(saved, str) else None,
                              mistakes={k: self.pick(*v) for k, v in (mistakes or {}).items()},
                              worked=self._worked_html(worked),
                              on_worked=self._worked_seen(grade_id) if grade_id else None)

    def calculator(self) -> Calculator:
        """The kit's small calculator, beside a checkpoint that asks her to divide."""
        return Calculator(self._, self.lang)

    def free_text(self, grade_id: str, fr: str, ar: str) -> FreeTextAnswer:
        """Her own words, typed or spoken (a voice note kept beside her notebook)."""
        saved = self._saved(grade_id, RELEASED_TEXT_STUB)
        store = self.store
        return FreeTextAnswer(self.pick(fr, ar), self._, on_answer=self._saver(grade_id),
                              initial=saved if isinstance(saved, str) else None,
                              on_voice=(lambda data: store.save_voice(grade_id, data, RELEASED_TEXT_STUB)) if store else None,
                              saved_voice=(lambda: store.voice_file(grade_id)) if store else None)

    @property
    def documents_dir(self) -> Path | None:
        """Her documents folder, beside her lessons: what the learner home lists for her."""
        return documents_of(home_of(self.notebook)) if self.notebook else None

    def document(self, fr: str, ar: str, filename: str, build) -> "DocumentButton":
        """A button that makes a document (``build()`` returns its bytes) and offers it for download."""
        from .download import DocumentButton
        return DocumentButton(self.pick(fr, ar), filename, build, self._, self.documents_dir)

    def submit_button(self) -> SubmitButton:
        """Hands her notebook in through nbgrader's exchange (disabled outside her own copy)."""
        if self.store is None:
            return SubmitButton(None, self._)
        return SubmitButton(lambda: _submit(self.store.path), self._)

    # -- showing it
    def _step_reached(self) -> int:
        """The step she was on last time (0 for a first visit, or a value that is not a step)."""
        step = self.kept(STEP_KEY, 0)
        return step if isinstance(step, int) and not isinstance(step, bool) and 0 <= step < len(self.steps) else 0

    def header_html(self) -> str:
        icon = f'<span aria-hidden="true">{self.icon}</span> ' if self.icon else ""
        return (f'<style>{LESSON_CSS}</style>'
                f'<div class="fadaa fadaa-{self.dir}" dir="{self.dir}" lang="{self.lang}">'
                f'<h1 class="fadaa-title">{icon}{html.escape(self.title)}</h1></div>')

    def show(self) -> StepNavigator:
        display(HTML(self.header_html()))
        self.navigator = StepNavigator(self.steps, self._, right_to_left=self.dir == "rtl", start=self._step_reached())
        self.navigator.observe(lambda change: self.keep(STEP_KEY, change["new"]), "index")
        self.navigator.add_class("fadaa")
        self.navigator.add_class(f"fadaa-{self.dir}")
        display(self.navigator)
        return self.navigator
