"""The Content-Security-Policy of the trainer's Jupyter server (JupyterLab with nbgrader's formgrader).

A learner's text reaches the trainer's browser through formgrader. It is stored inert and rendered
sanitised (``fadaa.widgets.answer_store``, ``fadaa.grading.sanitize``); the policy is the layer
under those: whatever slips through may talk to this server only, and on JupyterLab's pages it
cannot run at all.

What each kind of page needs, measured in Chromium (``tests/test_trainer_server_browser.py``):

- JupyterLab 4 compiles its settings schemas with ``new Function`` (ajv): its pages need
  ``'unsafe-eval'``. Its one inline script (taking the token out of the address) is allowed by its
  hash, read from the installed page; no other inline script or ``on...=`` attribute runs there.
- nbgrader 0.9.6's formgrader pages carry inline scripts holding per-page values and ``onclick``
  attributes, and so do Voilà's (a trainer previews a lesson): these pages, and only they, get
  ``'unsafe-inline'``. Formgrader's template loads MathJax from cdnjs and Voilà's Font Awesome from
  jsDelivr; both are refused (math shows as typed, Voilà's icons are missing).
- Every page connects to this server only (CSP 3's ``'self'`` covers its websockets), takes images,
  fonts and workers from it, has no plugins, no ``<base>``, sends forms to itself only, and is
  framed by this server only (JupyterLab shows formgrader in an iframe; JupyterHub's own default,
  ``frame-ancestors 'none'``, would blank that panel).

jupyter_server sends one policy for every page (``tornado_settings["headers"]``): JupyterLab's.
The server extension here gives formgrader's and Voilà's pages theirs; ``trainer_server_config.py``
loads both.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import jupyterlab
from tornado.httputil import HTTPServerRequest
from tornado.web import OutputTransform

CONFIG = Path(__file__).with_name("trainer_server_config.py")  # jupyter server --config=<CONFIG>
HEADER = "Content-Security-Policy"
COMMON = ["default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
          "font-src 'self' data:", "connect-src 'self'", "worker-src 'self' blob:", "frame-src 'self' blob:",
          "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"]
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)  # no src, no type: code the page runs


def lab_inline_hashes(page: Path = Path(jupyterlab.__file__).parent / "static" / "index.html") -> list[str]:
    """CSP sources for the inline scripts of JupyterLab's page, as this JupyterLab serves them."""
    return [f"'sha256-{base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()}'"
            for code in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8"))]


def lab_policy() -> str:
    return "; ".join([*COMMON, " ".join(["script-src 'self' 'unsafe-eval'", *lab_inline_hashes()])])


INLINE_POLICY = "; ".join([*COMMON, "script-src 'self' 'unsafe-inline'"])
INLINE_APPS = ("formgrader", "voila")  # their pages' own scripts are inline


def inline_policy_for(base_url: str) -> type[OutputTransform]:
    """A tornado transform giving the pages of INLINE_APPS (under ``base_url``) INLINE_POLICY."""
    prefixes = tuple(f"{base_url.rstrip('/')}/{app}/" for app in INLINE_APPS)

    class InlinePolicy(OutputTransform):
        def __init__(self, request: HTTPServerRequest):
            super().__init__(request)
            self.inline = request.path.startswith(prefixes)

        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            if self.inline and HEADER in headers:
                headers[HEADER] = INLINE_POLICY
            return status_code, headers, chunk

    return InlinePolicy


def _load_jupyter_server_extension(serverapp) -> None:
    serverapp.web_app.add_transform(inline_policy_for(serverapp.base_url))


def _jupyter_server_extension_points() -> list[dict]:
    return [{"module": "fadaa.hub.trainer_server"}]
