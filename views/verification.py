"""What the public page that checks a certificate (``/hub/verify``, ``fadaa.hub.certificates``) says.

Anyone may open it, logged in or not, so a valid certificate shows only what the certificate
itself states and the issue asks for: her name, the module's title and the date. No score, no
phone, no cooperative. Dates are written the Moroccan way by Babel (``fr_MA``, ``ar_MA``: « 30
novembre 2026 », « 30 نونبر 2026 », Western digits).
"""
from __future__ import annotations

from fadaa.grading.certificates import Certificate, grouped, normalise
from fadaa.core.i18n import direction, format_day, gettext_for, mark as _

LANGUAGES = {"fr": "Français", "ar": "العربية"}  # each language's name in itself, for the switch


TITLE = _("Check a certificate")
PROMPT = _("The code printed under the QR code of the certificate:")
CHECK = _("Check")
VALID = _("Valid certificate")
NOT_VALID = _("Not valid: no certificate has this code.")
REVOKED = _("Not valid: this certificate was withdrawn.")
NAME, MODULE, DATE = _("Name"), _("Module"), _("Date")
# what she reads when her certificate cannot be downloaded (the hub's error page, in both languages)
WITHDRAWN = _("This certificate was withdrawn. Ask your trainer.")
NOT_PASSED = _("No certificate yet: this module is not passed.")


def both_languages(message: str) -> str:
    return " / ".join(gettext_for(lang)(message) for lang in LANGUAGES)


def page(lang: str, code: str | None = None, found: Certificate | None = None) -> dict:
    """The page's words in ``lang``; with a ``code``, the verdict on it (``found``: its certificate, if any)."""
    _ = gettext_for(lang)
    clean = normalise(code) if code else None
    words = {"lang": lang, "dir": direction(lang), "title": _(TITLE), "prompt": _(PROMPT), "check": _(CHECK),
             "code": grouped(clean) if clean else code, "languages": LANGUAGES}
    if code is None:
        return words
    if found is None or not found.valid:
        return {**words, "valid": False, "verdict": _(REVOKED) if found else _(NOT_VALID), "facts": []}
    facts = [(_(NAME), found.name), (_(MODULE), found.title[lang]), (_(DATE), format_day(found.passed_on, lang))]
    return {**words, "valid": True, "verdict": _(VALID), "facts": facts}
