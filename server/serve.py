"""Serving lessons with standalone Voilà and Fadaa's template, light enough for a phone on 3G.

Standalone Voilà (not the Jupyter server extension) because it refuses a browser's own
``execute_request``: a learner can use the lesson's widgets but cannot run code in its kernel.

Voilà 0.5.13's defaults send a lesson as 5.3 MB over ~105 requests, uncompressed, and make the
browser ask again for every script on each visit. ``FadaaVoila`` is Voilà with these changes
(``benchmarks/bench_phone.py`` measures them against plain Voilà):

- the page runs Fadaa's own script (``frontend/``, built into the template's ``static/``):
  ipywidgets' views over the page's kernel, one file of ~0.3 MB compressed, instead of
  JupyterLab's application (~1.1 MB in ~90 files); the template asks for it from ``<head>``;
- responses are gzip-compressed (tornado's ``compress_response``), and so are the kernel's
  websocket messages (permessage-deflate), which carry the widgets' state; static files are
  compressed once, at the strongest level, and kept in memory, so twenty learners opening a
  lesson together do not make the server compress the same files twenty times;
- the template's files are asked for with their content hash (``?v=``), so a repeat visit takes
  them from the browser's cache without asking;
- each page's kernel is forked from a process that has already imported ipykernel and the
  lesson kit (``forked_kernels``): a kernel is ready in a fraction of a second, not seconds;
- kernels talk to the server over Unix sockets, not TCP ports that can collide under load.

``python -m fadaa.server.serve <home> [Voilà options]`` runs it; ``voila_command`` builds that.
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import mimetypes
import os
import socket
import sys
from pathlib import Path

from jupyter_server.utils import url_path_join
from tornado.ioloop import IOLoop
from tornado.web import GZipContentEncoding, HTTPError, StaticFileHandler
from traitlets import Unicode, default
from voila.app import Voila

from fadaa.core.paths import REPO

from .forked_kernels import ForkingKernelSpecManager, Zygote
from fadaa.core.settings import site_settings
from fadaa.core.step_audio import AUDIO_PATH

TEMPLATE = "fadaa"
PAGE_SCRIPT = Path("static") / "fadaa-lesson.js"


def jupyter_data_dir() -> Path:
    """The folder holding ``voila/templates/fadaa`` (the checkout's ``share/jupyter``)."""
    here = REPO / "share" / "jupyter"
    return here if (here / "voila" / "templates" / TEMPLATE).is_dir() else Path(sys.prefix) / "share" / "jupyter"


def voila_environment(base: dict | None = None) -> dict:
    env = dict(os.environ if base is None else base)
    data = str(jupyter_data_dir())
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (data, env.get("JUPYTER_PATH", "")) if p)
    # nbgrader and the kernels find the venv's tools (alembic, python) first
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def page_script() -> Path:
    """Fadaa's page script as ``make`` builds it from ``frontend/``."""
    return jupyter_data_dir() / "voila" / "templates" / TEMPLATE / PAGE_SCRIPT


def check_page_script(path: Path) -> None:
    """Refuse to serve pages that would stay on their spinner for want of their script."""
    if not path.is_file():
        raise SystemExit(f"Fadaa's page script {path} is missing: `make serve` or `make test` builds it "
                         "(by hand: cd frontend && npm ci && npm run build).")


class CompressedOnce(StaticFileHandler):
    """A static file sent gzip-compressed from memory, compressed the first time it is asked for.

    Mixed in before a static handler's own class; files already compressed (fonts, images) and
    clients that do not take gzip get the file as it is.
    """

    _compressed: dict[tuple[str, float], bytes] = {}

    @functools.cached_property
    def _gzip(self) -> bytes | None:
        """The compressed file for this request, or None to send it as it is (asked for by size,
        content, headers and ETag: worked out once per request)."""
        if "gzip" not in self.request.headers.get("Accept-Encoding", ""):
            return None
        kind = (mimetypes.guess_type(self.absolute_path)[0] or "").split(";")[0]
        if not (kind.startswith("text/") or kind in GZipContentEncoding.CONTENT_TYPES):
            return None
        key = (self.absolute_path, os.path.getmtime(self.absolute_path))
        if key not in self._compressed:
            with open(self.absolute_path, "rb") as fh:
                self._compressed[key] = gzip.compress(fh.read(), compresslevel=9, mtime=0)
        return self._compressed[key]

    def get_content_size(self) -> int:
        packed = self._gzip
        return super().get_content_size() if packed is None else len(packed)

    def get_content(self, abspath, start=None, end=None):
        packed = self._gzip
        return super().get_content(abspath, start, end) if packed is None else packed[start:end]

    @classmethod
    def get_content_version(cls, abspath: str) -> str:
        # tornado hashes cls.get_content(abspath), which is per request here: hash the file itself
        hasher = hashlib.sha512()
        for chunk in StaticFileHandler.get_content(abspath):
            hasher.update(chunk)
        return hasher.hexdigest()

    def set_extra_headers(self, path) -> None:
        super().set_extra_headers(path)
        if self._gzip is not None:
            self.set_header("Content-Encoding", "gzip")  # tornado's own compression then leaves it alone

    def compute_etag(self) -> str | None:
        etag = super().compute_etag()
        return etag[:-1] + '-gz"' if etag and self._gzip is not None else etag


@functools.cache
def _compressed_once(handler: type) -> type:
    return type(f"CompressedOnce{handler.__name__}", (CompressedOnce, handler), {})


class StepAudioHandler(StaticFileHandler):
    """``step-audio/<module>/audio/<lesson>/<file>``: a step's sound from the course source, and
    nothing else of it (``step_audio.AUDIO_PATH``). Tornado answers the range requests Safari's
    player makes, and a URL with its ``?v=`` is cached for good."""

    async def get(self, path: str, include_body: bool = True) -> None:
        if not AUDIO_PATH.fullmatch(path):
            raise HTTPError(404)
        await super().get(path, include_body)


def course_source_from_settings() -> str:
    """The source folder of the course the site's settings name (``FADAA_COURSE_ROOT``), if they name one."""
    root = site_settings().course_root
    return str(Path(root) / "source") if root else ""


class FadaaVoila(Voila):
    """Voilà with Fadaa's page script, compressed responses and forked kernels (see the module's
    docstring)."""

    course_source = Unicode(config=True, help=(
        "The course's source folder, whose step audio the pages play (default: FADAA_COURSE_ROOT/source; "
        "none: steps have no ▶)."))

    @default("course_source")
    def _course_source_default(self) -> str:
        return course_source_from_settings()

    def initialize(self, argv=None) -> None:
        check_page_script(page_script())
        super().initialize(argv)

    def init_settings(self) -> dict:
        settings = super().init_settings()
        settings["compress_response"] = True
        # permessage-deflate on the kernel's websocket: the widgets' state (~200 KB of JSON for a
        # lesson, mostly its texts) is the largest thing a page receives after its script
        settings["websocket_compression_options"] = {}
        return settings

    def listen(self) -> None:
        if isinstance(self.kernel_spec_manager, ForkingKernelSpecManager):
            # the zygote imports the kit while the server waits for its first learner; scheduled
            # before Voilà's listen(), which runs the event loop until the server stops
            IOLoop.current().add_callback(Zygote.ready)
        super().listen()

    def init_handlers(self) -> list:
        handlers = []
        for pattern, handler, *rest in super().init_handlers():
            if isinstance(handler, type) and issubclass(handler, StaticFileHandler):
                handler = _compressed_once(handler)
            handlers.append((pattern, handler, *rest))
        if self.course_source:
            handlers.insert(0, (url_path_join(self.server_url, "step-audio/(.+)"), StepAudioHandler,
                                {"path": self.course_source}))
        return handlers


def voila_command(root: Path, port: int, ip: str = "127.0.0.1") -> list[str]:
    """Voilà serving every lesson under ``root`` (a learner's home) on ``ip:port``."""
    return [sys.executable, "-m", "fadaa.server.serve", *voila_args(root, port, ip)]


def voila_args(root: Path, port: int, ip: str = "127.0.0.1") -> list[str]:
    """Voilà's command line after the program name (the hub's launcher runs Voilà in its own process)."""
    return [
        str(root),
        f"--port={port}", f"--Voila.ip={ip}", "--no-browser",
        f"--template={TEMPLATE}", "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        # kernel websocket frames are checked before they are parsed (a malformed one closes the socket)
        "--Voila.kernel_websocket_connection_class=fadaa.server.kernel_frames.CheckedChannels",
        # kernels talk to the server over Unix sockets: TCP ports picked for twenty kernels starting at
        # once collided under load ("Address already in use") and left a page waiting on a dead kernel
        "--KernelManager.transport=ipc",
        # each page's kernel is forked from one warm parent instead of started from scratch
        "--VoilaConfiguration.kernel_spec_manager_class=fadaa.server.forked_kernels.ForkingKernelSpecManager",
    ]


def free_ports(count: int) -> list[int]:
    """``count`` different such ports: each is held open until all are found, or the system may
    hand the same one out twice (a hub whose proxy API took its own port did not start)."""
    with contextlib.ExitStack() as held:
        ports = []
        for _ in range(count):
            sock = held.enter_context(socket.socket())
            sock.bind(("127.0.0.1", 0))
            ports.append(sock.getsockname()[1])
        return ports


if __name__ == "__main__":
    FadaaVoila.launch_instance()
