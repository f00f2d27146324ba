"""Certificates in the hub: she downloads hers, anyone checks one.

- ``/hub/certificates/<module>.pdf`` (logged in, learners): the hub checks in the gradebook that she
  passed the module, issues her certificate once (``fadaa.grading.certificates``: the same code on
  every download) and sends the PDF, with its code and a QR code of its verification address.
- ``/hub/verify`` (a form) and ``/hub/verify/<code>`` (what the QR code holds): public, no login, no
  script. Valid, with the name, the module and the date; or not valid (unknown, altered, revoked).

The hub issues, not the lesson service: the service and the learners' kernels run as the same
system user, so the table of issued certificates sits in the hub's own database, which neither can
open. The hub is root, so it never runs the course's ``nbgrader_config.py`` (trainers write it): its
pass marks, if a site changes them, go in the hub's configuration too (``c.ProgressRules``). The
PDF is made by ``fadaa.hub.issue_certificate`` in a process of its own, which keeps the hub light.
"""
from __future__ import annotations

import asyncio
import functools
import json
import os
import sys
from pathlib import Path
from urllib.parse import quote

from jupyterhub.handlers import BaseHandler
from jupyterhub.utils import url_path_join
from tornado import web
from traitlets import Unicode
from traitlets.config import Configurable

from fadaa.grading import certificates

from fadaa.views import verification
from fadaa.core.i18n import normalise

from .issue_certificate import DB_URL_VARIABLE, NOT_PASSED, REVOKED


TEMPLATES = Path(__file__).resolve().parent / "templates"  # verify.html


class Certificates(Configurable):
    db_url = Unicode(help="The hub's own database, where issued and revoked certificates are kept "
                          "(only the hub and root's `fadaa certificate` open it).").tag(config=True)
    public_url = Unicode("", help="Where people reach this hub, e.g. https://fadaa.example.ma: the QR code "
                                  "of a certificate points there. Empty: the address her browser used to "
                                  "download it.").tag(config=True)

    @functools.cached_property
    def engine(self):
        return certificates.open_certificates(self.db_url)


def _certificates(handler: BaseHandler) -> Certificates:
    settings = handler.settings
    if "fadaa_certificates" not in settings:
        settings["fadaa_certificates"] = Certificates(config=settings["config"])
    return settings["fadaa_certificates"]


class CertificateHandler(BaseHandler):
    """``/hub/certificates/<module>.pdf``: her own certificate, for a module she passed."""

    @web.authenticated
    async def get(self, module: str):
        user = self.current_user
        if "learners" not in [group.name for group in user.groups]:
            raise web.HTTPError(403, "Certificates are for learners.")
        settings = _certificates(self)
        public = settings.public_url or f"{self.request.protocol}://{self.request.host}"
        verify_url = public.rstrip("/") + url_path_join(self.hub.base_url, "verify/")
        rules = json.dumps(self.settings["config"].get("ProgressRules", {}))
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "fadaa.hub.issue_certificate", user.name, module, f"--verify-url={verify_url}",
            f"--rules={rules}", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env={**os.environ, DB_URL_VARIABLE: settings.db_url})  # not in its command line: ps shows that to all
        pdf, errors = await process.communicate()
        if process.returncode == REVOKED:
            raise web.HTTPError(410, verification.both_languages(verification.WITHDRAWN))
        if process.returncode == NOT_PASSED:
            raise web.HTTPError(404, verification.both_languages(verification.NOT_PASSED))
        if process.returncode:
            self.log.error("Certificate of %s for %s failed:\n%s", module, user.name, errors.decode(errors="replace"))
            raise web.HTTPError(500, "The certificate could not be made.")
        self.set_header("Content-Type", "application/pdf")
        self.set_header("Content-Disposition", f'inline; filename="certificate_{quote(module)}.pdf"')
        self.finish(pdf)


class VerifyHandler(BaseHandler):
    """``/hub/verify`` and ``/hub/verify/<code>``: for anyone, logged in or not."""

    def _language(self) -> str:
        """``?lang=``, else the first of French and Arabic her browser asks for, else French."""
        asked = [self.get_argument("lang", "")] + self.request.headers.get("Accept-Language", "").split(",")
        return next(filter(None, (normalise(part.split(";")[0]) for part in asked)), "fr")

    async def get(self, code: str | None = None):
        lang = self._language()
        typed = self.get_argument("code", "").strip()
        if code is None and typed:
            # the form sends GET: it needs no script, and the address is the one a QR code holds
            shown = certificates.normalise(typed)
            shown = certificates.grouped(shown) if shown else typed
            self.redirect(url_path_join(self.hub.base_url, "verify", quote(shown, safe="")) + f"?lang={lang}")
            return
        found = None
        if code:
            found = await asyncio.to_thread(certificates.find, _certificates(self).engine, code)
        self.set_header("Cache-Control", "no-store")  # a revoked certificate says so at once
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(await self.render_template("verify.html", **verification.page(lang, code, found)))


handlers = [
    (r"/certificates/([A-Za-z0-9_.-]+)\.pdf", CertificateHandler),
    (r"/verify", VerifyHandler),
    (r"/verify/([^/]+)", VerifyHandler),
]
