"""Her pages that need no kernel, which the lesson service sends: her home and her files.

Her home is the page every learner gets right after logging in, so a class logging in at once
asks for twenty of them together. Built in a kernel it took a fork and ~0.3 s of CPU each; here it
is one query and a page of HTML (``fadaa.views.home_page``), done in a worker thread so the
service keeps answering lessons meanwhile.

Her files are what her lessons made (``documents/``) and her trainer's feedback pages
(``<module>/feedback/<time>/<lesson>.html``), from her own home only. They are sent as downloads
with a sandbox policy: a feedback page holds her notebook's outputs, which must not run as a page
of the hub's site.
"""
from __future__ import annotations

import functools
import mimetypes
import re
from pathlib import Path
from urllib.parse import quote

from jupyter_server.utils import url_path_join
from tornado.web import HTTPError

from fadaa.views.home_page import Links, home_page, hub_page
from fadaa.views.learner import UnknownLearner, her_home
from fadaa.views.place import Place
from fadaa.core.home_layout import profile_of
from fadaa.core.i18n import choose_language, choose_spoken

FILES = "files/"
# what of her home may be downloaded: what her lessons made, and the feedback nbgrader fetched for her
DOWNLOADABLE = re.compile(r"documents/[^/]+|[^/]+/feedback/[^/]+/[^/]+\.html")


@functools.cache
def _progress():
    """The course's progress (one database engine for the service's life)."""
    return Place.from_settings().progress()


def her_page(home: Path, query: str, base_url: str) -> str:
    """Her home page in the language she asks for (``?lang=``), else her remembered one, else her
    roster's; and the language she listens in (``?spoken=``, remembered: her lessons read it too)."""
    try:
        found = her_home(_progress(), home)
    except UnknownLearner:
        found = None
    lang = choose_language(query, profile=profile_of(home), default=found.lang if found else None)
    links = Links(lessons=url_path_join(base_url, "voila/render/"), files=url_path_join(base_url, FILES),
                  certificates=hub_page("certificates/"), logout=hub_page("logout"))
    return home_page(found, lang, links, home, choose_spoken(query, lang, profile=profile_of(home)))


def downloadable(home: Path, relative: str) -> Path:
    """Her file at ``relative`` if it is one she may download (``DOWNLOADABLE``, inside her home), else 404."""
    if not DOWNLOADABLE.fullmatch(relative) or any(part.startswith(".") for part in relative.split("/")):
        raise HTTPError(404)
    path = (home / relative).resolve()
    if not path.is_relative_to(home.resolve()) or not path.is_file():  # a link out of her home is not hers
        raise HTTPError(404)
    return path


def send_download(handler, data: bytes, filename: str) -> None:
    """Send ``data`` as an attachment, never run as a page of the site."""
    handler.set_header("Content-Type", mimetypes.guess_type(filename)[0] or "application/octet-stream")
    handler.set_header("Content-Disposition", f"attachment; filename*=UTF-8''{quote(filename)}")
    handler.set_header("Content-Security-Policy", "sandbox")
    handler.set_header("X-Content-Type-Options", "nosniff")
    handler.finish(data)
