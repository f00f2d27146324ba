"""The trainer's recording desk as one HTML page: each lesson's steps, their text, and their sound.

For the chosen lesson and spoken language, each step shows what to read aloud: its French and
Arabic text as the lesson shows it, or, where the step says more than it shows, its spoken script
(with the shown text beneath it, for reference); what plays
now (his recording, or the machine draft, which says so; a recording made for a text the step no
longer has says that too), and his buttons: record, stop, listen, delete. The page's script
(``hub/static/recording_desk.js``) records with the browser's microphone and sends the sound to
``hub/recording_desk.py``, which keeps it with the course source (``core/step_audio``).
"""
from __future__ import annotations

import html
from pathlib import Path

import mistune
from urllib.parse import quote

from fadaa.core import step_audio
from fadaa.core.lesson_steps import LessonFile, StepText, course_lessons, lesson_steps
from fadaa.core.i18n import SPOKEN, direction, gettext_for, mark as _

from .page_style import page_css


TITLE = _("Recording desk")
HOW = _("Record each step as you would say it to a learner. A recording replaces the machine voice.")
DESK_CSS = """
.fadaa-desk-step { border-top: 1px solid #ccc; padding: 0.6em 0; }
.fadaa-desk-texts { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; font-size: 0.9em; }
.fadaa-desk-sound { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; margin-top: 0.4em; }
.fadaa-desk-sound button { min-height: 44px; min-width: 110px; font-size: 1em; }
.fadaa-desk-refused { color: #b00020; }
.fadaa-desk-changed { color: #8a5300; }
.fadaa-desk-shown { color: #555; font-size: 0.85em; }
.fadaa-desk-choice a { margin: 0 0.3em; }
.fadaa-desk-choice a[aria-current] { font-weight: bold; text-decoration: none; }
"""


def _link(href: str, label: str, current: bool) -> str:
    mark = ' aria-current="page"' if current else ""
    return f'<a href="{html.escape(href)}"{mark}>{html.escape(label)}</a>'


def _sound_html(lesson: LessonFile, step: StepText, spoken: str, audio_url: str, lang: str, source: Path) -> str:
    _ = gettext_for(lang)
    folder = step_audio.lesson_audio_dir(source, lesson.module, lesson.stem)
    recording = step_audio.read(folder, step.number, spoken, machine=False)
    playing = recording or step_audio.read(folder, step.number, spoken, machine=True)
    if recording is None and playing is None:
        said = _("Not recorded yet.")
    elif recording is None:
        said = _("Machine voice") + " — " + _("not recorded yet.")
    elif recording.made_for(step.script(spoken)):
        said = _("Your recording.")
    else:
        said = _("Your recording was made before the step's text changed: record it again.")
    player = ""
    if playing:
        url = f"{audio_url}{quote(lesson.module)}/audio/{quote(lesson.stem)}/"
        sources = "".join(f'<source src="{html.escape(url + playing.name(ext))}?v={playing.version()}" '
                          f'type="{html.escape(step_audio.FORMATS[ext])}">' for ext in playing.files)
        player = f'<audio controls preload="none">{sources}</audio>'
    state = "fadaa-desk-changed" if recording and not recording.made_for(step.script(spoken)) else ""
    put = f"{audio_url}{quote(lesson.module)}/audio/{quote(lesson.stem)}/{step.number:02d}.{spoken}"
    words = {key: html.escape(word) for key, word in (("record", _("Record")), ("stop", _("Stop")), ("delete", _("Delete")))}
    delete = f'<button type="button" class="fadaa-desk-delete">🗑 {words["delete"]}</button>' if recording else ""
    return (f'<div class="fadaa-desk-sound" data-put="{html.escape(put)}">'
            f'<button type="button" class="fadaa-desk-record">🎙 {words["record"]}</button>'
            f'<button type="button" class="fadaa-desk-stop" hidden>⏹ {words["stop"]}</button>'
            f'{player}{delete}<span class="fadaa-desk-state {state}">{html.escape(said)}</span>'
            f'<span class="fadaa-desk-refused" role="alert"></span></div>')


def _texts_html(step: StepText, lang: str) -> str:
    """The step's French and Arabic, side by side: its script to read, and what the lesson shows
    when the script says more."""
    _ = gettext_for(lang)
    script = "".join(f'<div dir="{direction(code)}" lang="{code}">{mistune.html(step.script(code))}</div>'
                     for code in ("fr", "ar"))
    if not (step.say_fr or step.say_ar):
        return f'<div class="fadaa-desk-texts">{script}</div>'
    shown = "".join(f'<div dir="{direction(code)}" lang="{code}">{mistune.html(text)}</div>'
                    for code, text in (("fr", step.fr), ("ar", step.ar)))
    read, shows = html.escape(_("Read aloud:")), html.escape(_("The lesson shows:"))
    return (f'<p>{read}</p><div class="fadaa-desk-texts fadaa-desk-script">{script}</div>'
            f'<p class="fadaa-desk-shown">{shows}</p>'
            f'<div class="fadaa-desk-texts fadaa-desk-shown">{shown}</div>')


def desk_page(source: Path, chosen: str | None, spoken: str, lang: str, audio_url: str, script_url: str,
              xsrf: str) -> str:
    """The desk, in the trainer's language ``lang``: lessons to choose from, spoken languages, and
    the chosen lesson's steps (``chosen`` is ``<module>/<lesson stem>``)."""
    _ = gettext_for(lang)
    dir_ = direction(lang)
    lessons = course_lessons(source)
    found = next((lesson for lesson in lessons if f"{lesson.module}/{lesson.stem}" == chosen), None)
    lesson_links = " · ".join(
        _link(f"?lesson={quote(f'{item.module}/{item.stem}')}&spoken={spoken}&lang={lang}",
              f"{item.module}/{item.stem}", item is found) for item in lessons)
    spoken_links = " · ".join(
        _link(f"?lesson={quote(chosen or '')}&spoken={code}&lang={lang}", name, code == spoken)
        for code, name in SPOKEN.items())
    step_word = _("Step {n}")
    if found:
        steps = "".join(
            f'<section class="fadaa-desk-step" id="step-{step.number}"><h3>{html.escape(step_word.format(n=step.number))}</h3>'
            f'{_texts_html(step, lang)}'
            f'{_sound_html(found, step, spoken, audio_url, lang, source)}</section>'
            for step in lesson_steps(found.notebook))
    else:
        steps = "<p>" + html.escape(_("Choose a lesson.")) + "</p>"
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{dir_}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
            f'<title>{html.escape(_(TITLE))}</title><link rel="icon" href="data:;base64,=">'
            f'<style>{page_css()}{DESK_CSS}</style></head>'
            f'<body data-xsrf="{html.escape(xsrf)}" data-max-seconds="{step_audio.LIMITS.max_seconds}">'
            f'<main class="fadaa fadaa-view fadaa-{dir_}" dir="{dir_}" lang="{lang}">'
            f'<h1 class="fadaa-title">🎙 {html.escape(_(TITLE))}</h1><p>' + html.escape(_(HOW)) + '</p>'
            '<p class="fadaa-desk-choice">' + html.escape(_("Lesson:")) + f' {lesson_links}</p>'
            '<p class="fadaa-desk-choice">' + html.escape(_("Spoken language:")) + f' {spoken_links}</p>'
            f'{steps}</main><script src="{html.escape(script_url)}"></script></body></html>')
