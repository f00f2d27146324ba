"""The recording desk in the trainer's own Jupyter server: ``<his server>/fadaa/recordings``.

A page (``fadaa.views.recording_desk``) and its sound files, loaded by the server extension
``fadaa.hub.trainer_server``: only a trainer's server has it, and jupyter_server's login guards
it as every page of that server. He records in the browser (MediaRecorder); the sound is checked
(really audio, not empty, at most ``step_audio.LIMITS``), encoded small and
kept with the course source, where the lesson service plays it to learners.
"""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado.web import HTTPError, StaticFileHandler, authenticated

from fadaa.core import step_audio
from fadaa.core.settings import site_settings
from fadaa.core.lesson_steps import lesson_steps
from fadaa.server.serve import StepAudioHandler
from fadaa.views.recording_desk import desk_page
from fadaa.core.i18n import SUPPORTED, spoken_code

ROUTE = "fadaa/recordings"
STATIC = Path(__file__).with_name("static")


def course_source() -> Path:
    """The course he teaches (the site's settings: the hub gives his server ``FADAA_COURSE_ROOT``)."""
    return site_settings().course_folder() / "source"


class DeskHandler(JupyterHandler):
    @authenticated
    def get(self):
        lang = self.get_query_argument("lang", "fr")
        spoken = spoken_code(self.get_query_argument("spoken", "")) or "fr"
        base = url_path_join(self.base_url, ROUTE)
        self.finish(desk_page(course_source(), self.get_query_argument("lesson", None), spoken,
                              lang if lang in SUPPORTED else "fr", base + "/audio/", base + "/desk.js",
                              self.xsrf_token.decode()))


class DeskAudioHandler(JupyterHandler, StepAudioHandler):
    """``audio/<module>/audio/<lesson>/<NN>.<lang>[.<ext>]``: listen (GET), record (PUT the sound),
    delete (DELETE) a step's recording."""

    @authenticated
    async def get(self, path: str, include_body: bool = True) -> None:
        await super().get(path, include_body)

    def _step(self, path: str) -> tuple[Path, int, str, str]:
        """The lesson's audio folder, the step's number and language, and what it says now."""
        module, _audio, stem, name = (path.split("/") + ["", "", "", ""])[:4]
        number, _dot, lang = name.partition(".")
        notebook = course_source() / module / f"{stem}.ipynb"
        if not (step_audio.AUDIO_PATH.fullmatch(f"{path}.ogg") and notebook.is_file()):
            raise HTTPError(404)
        steps = lesson_steps(notebook)
        if not 1 <= int(number) <= len(steps):
            raise HTTPError(404)
        return (step_audio.lesson_audio_dir(course_source(), module, stem), int(number), lang,
                steps[int(number) - 1].script(lang))

    @authenticated
    async def put(self, path: str) -> None:
        folder, number, lang, text = self._step(path)
        try:
            encoded = await asyncio.to_thread(step_audio.checked_recording, self.request.body)
        except step_audio.AudioRefused as refused:
            self.set_status(400)
            self.finish({"error": " — ".join(refused.text(code) for code in SUPPORTED)})
            return
        await asyncio.to_thread(step_audio.write, folder, number, lang, encoded, text, False)
        self.finish({"saved": f"{number:02d}.{lang}"})

    @authenticated
    def delete(self, path: str) -> None:
        folder, number, lang, _text = self._step(path)
        step_audio.delete(folder, number, lang)
        self.finish(json.dumps({"deleted": f"{number:02d}.{lang}"}))


class DeskScriptHandler(JupyterHandler, StaticFileHandler):
    @authenticated
    async def get(self, path: str = "recording_desk.js", include_body: bool = True) -> None:
        await super().get("recording_desk.js", include_body)


def handlers(base_url: str) -> list:
    base = url_path_join(base_url, ROUTE)
    return [(base, DeskHandler),
            (base + "/desk.js()", DeskScriptHandler, {"path": str(STATIC)}),
            (base + "/audio/(.+)", DeskAudioHandler, {"path": str(course_source())})]
