"""The Content-Security-Policy of the trainer's Jupyter server (JupyterLab with nbgrader's formgrader).

A learner's text reaches the trainer's browser through formgrader. It is stored inert and rendered
sanitised (``fadaa.core.answer_store``, ``fadaa.grading.sanitize``); the policy is the layer
under those: whatever slips through may talk to this server only, and on JupyterLab's pages it
cannot run at all.

What each kind of page needs, measured in Chromium (``tests/test_trainer_server_browser.py``):

- JupyterLab 4 compiles its settings schemas with ``new Function`` (ajv): its pages need
  ``'unsafe-eval'``. Its one inline script (taking the token out of the address) is allowed by its
  hash, read from the installed page; no other inline script or ``on...=`` attribute runs there.
- nbgrader 0.9.6's formgrader pages carry inline scripts holding per-page values and ``onclick``
  attributes, and so do Voilà's (a trainer previews a lesson): these pages, and only they, get
  ``'unsafe-inline'``. The files of a submission formgrader serves are sandboxed without scripts,
  and a formgrader address holding markup is refused (nbgrader prints its ids into the page). Formgrader's template loads MathJax from cdnjs and Voilà's Font Awesome from
  jsDelivr; both are refused (math shows as typed, Voilà's icons are missing).
- Every page connects to this server only (CSP 3's ``'self'`` covers its websockets), takes images,
  fonts and workers from it, has no plugins, no ``<base>``, sends forms to itself only, and is
  framed by this server only (JupyterLab shows formgrader in an iframe; JupyterHub's own default,
  ``frame-ancestors 'none'``, would blank that panel).

jupyter_server sends one policy for every page (``tornado_settings["headers"]``): JupyterLab's.
The server extension here adapts it for formgrader's and Voilà's pages (``page_policy``);
``trainer_server_config.py`` loads both.
"""
from __future__ import annotations

import base64
import hashlib
import re
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import unquote

from tornado.httputil import HTTPServerRequest
from tornado.web import OutputTransform

CONFIG = Path(__file__).with_name("trainer_server_config.py")  # jupyter server --config=<CONFIG>
HEADER = "Content-Security-Policy"
COMMON = ["default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
          "font-src 'self' data:", "connect-src 'self'", "worker-src 'self' blob:", "frame-src 'self' blob:",
          "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"]
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)  # no src, no type: code the page runs
# found, not imported: importing jupyterlab takes 2 s, and the hub's spawner imports this module for CONFIG
LAB_PAGE = Path(find_spec("jupyterlab").origin).parent / "static" / "index.html"


def lab_inline_hashes(page: Path = LAB_PAGE) -> list[str]:
    """CSP sources for the inline scripts of JupyterLab's page, as this JupyterLab serves them."""
    return [f"'sha256-{base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()}'"
            for code in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8"))]


def lab_policy() -> str:
    return "; ".join([*COMMON, " ".join(["script-src 'self' 'unsafe-eval'", *lab_inline_hashes()])])


SCRIPT_SRC = re.compile(r"script-src [^;]*")
INLINE_SCRIPTS = "script-src 'self' 'unsafe-inline'"


def page_policy(path: str, policy: str, base_url: str = "/") -> str:
    """``policy`` (the one jupyter_server set for the page at ``path``) as that page needs it.

    Pages of formgrader and Voilà's lessons run their inline scripts. A file of a submission that
    formgrader serves (``submissions/<id>/<her file>``: her own HTML and scripts, from this server)
    is sandboxed with no script at all, as jupyter_server's /files/ are sandboxed.
    """
    base = re.escape(base_url.rstrip("/"))
    if re.match(base + r"/formgrader/submissions/(?!components/)[^/]+/(?!(next|prev)(_incorrect)?/?$).", path):
        return policy + "; sandbox"
    if re.match(base + r"/(formgrader|voila/render)/", path):
        return SCRIPT_SRC.sub(INLINE_SCRIPTS, policy)
    return policy


def markup_in_formgrader_address(path: str, base_url: str = "/") -> bool:
    """nbgrader 0.9.6 prints the ids of a formgrader address into the page unescaped, inside inline
    scripts too: ``formgrader/manage_students/<script>...`` runs whatever it carries, and a link to
    it can sit in a submission. No student, assignment or notebook id holds < > " or '."""
    return (path.startswith(base_url.rstrip("/") + "/formgrader/")
            and any(character in unquote(path) for character in "<>\"'"))


REFUSED = b"400: this formgrader address holds markup\n"


def page_policies(base_url: str) -> type[OutputTransform]:
    """A tornado transform setting each page's policy with ``page_policy``, and answering 400
    instead of a formgrader page whose address holds markup."""

    class PagePolicy(OutputTransform):
        def __init__(self, request: HTTPServerRequest):
            super().__init__(request)
            self.path = request.path
            self.refused = markup_in_formgrader_address(request.path, base_url)

        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            if HEADER in headers:
                headers[HEADER] = page_policy(self.path, headers[HEADER], base_url)
            if self.refused:
                headers["Content-Type"] = "text/plain; charset=UTF-8"
                headers["Content-Length"] = str(len(REFUSED))
                return 400, headers, REFUSED
            return status_code, headers, chunk

        def transform_chunk(self, chunk: bytes, finishing: bool) -> bytes:
            return b"" if self.refused else chunk

    return PagePolicy


def _load_jupyter_server_extension(serverapp) -> None:
    serverapp.web_app.add_transform(page_policies(serverapp.base_url))
    from .recording_desk import handlers  # the desk's page and sounds (imported here: it needs the course)
    serverapp.web_app.add_handlers(".*$", handlers(serverapp.base_url))


def _jupyter_server_extension_points() -> list[dict]:
    return [{"module": "fadaa.hub.trainer_server"}]
