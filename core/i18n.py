"""Language and direction of a lesson.

The learner picks French or Arabic once (``?lang=`` in the lesson's URL, which Voilà passes to the
kernel as ``QUERY_STRING``) and the choice is remembered in her profile, so every later lesson opens
in her language. Until she picks, her pages follow her roster language, which her home (the page
that reads the roster) keeps in her profile beside her own choice. UI strings go through the
gettext catalogs in ``core/locale``; lesson text lives in the notebooks, one block per language.
"""
from __future__ import annotations

import functools
import io
import json
import os
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from fadaa.core.home_layout import PROFILE

SUPPORTED = ("fr", "ar")
# what she may listen in, apart from what she reads: Darija, Tachelhit, Central Atlas Tamazight,
# Tarifit besides the two written languages; each by its own name, as she would say it
SPOKEN = {"ar": "العربية", "fr": "Français", "ary": "الدارجة", "shi": "Taclḥit ⵜⴰⵛⵍⵃⵉⵜ",
          "tzm": "Tamaziɣt ⵜⴰⵎⴰⵣⵉⵖⵜ", "rif": "Tarifit ⵜⴰⵔⵉⴼⵉⵜ"}
DEFAULT = "fr"
RIGHT_TO_LEFT = frozenset({"ar"})
LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "fadaa"

# Unicode isolates: keep a number or a price left-to-right inside Arabic text.
LEFT_TO_RIGHT_ISOLATE = "\u2066"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def normalise(lang: str | None) -> str | None:
    """The supported language code for ``lang`` ('ar-MA' -> 'ar'), or None."""
    if not lang:
        return None
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED else None


def language_from_query(query: str | None) -> str | None:
    """The language asked for in a query string such as ``lang=ar&x=1``, or None."""
    values = parse_qs(query or "").get("lang", [])
    return normalise(values[0]) if values else None


def profile_path() -> Path:
    """Where the learner's choices are remembered: her own home, unless FADAA_PROFILE says else."""
    return Path(os.environ.get("FADAA_PROFILE", Path.home() / PROFILE))


def _profile(path: Path) -> dict:
    try:
        profile = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return profile if isinstance(profile, dict) else {}


def remembered_language(path: Path | None = None, key: str = "lang") -> str | None:
    """Her own choice (``lang``), or with ``key="roster_lang"`` what her roster says."""
    return normalise(_profile(path or profile_path()).get(key))


def remember_language(lang: str, path: Path | None = None, key: str = "lang") -> None:
    """Store the choice; a profile that cannot be written never stops a lesson."""
    path = path or profile_path()
    profile = _profile(path)
    if profile.get(key) == lang:
        return
    profile[key] = lang
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass


def choose_language(query: str | None, profile: Path | None = None, default: str | None = None) -> str:
    """``?lang=`` wins and is remembered; otherwise her remembered choice; otherwise her roster's
    language; otherwise French.

    ``default`` is the roster's language, given by the pages that read the roster (her home). It is
    kept apart from her own choice (``roster_lang``) so that a lesson opened later without ``?lang=``
    follows it too, while a correction on the roster still reaches her until she picks herself.
    """
    asked = language_from_query(query)
    if asked:
        remember_language(asked, profile)
        return asked
    roster = normalise(default)
    if roster:
        remember_language(roster, profile, key="roster_lang")
    return (remembered_language(profile) or roster or remembered_language(profile, key="roster_lang")
            or DEFAULT)


def spoken_code(lang: str | None) -> str | None:
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in SPOKEN else None


def choose_spoken(query: str | None, written: str, profile: Path | None = None) -> str:
    """The language she listens in: ``?spoken=`` wins and is remembered (her home offers it);
    otherwise her remembered choice; otherwise her roster's (``roster_spoken``, which her arrival
    keeps in her profile: ``fadaa.hub.homes``); otherwise the language she reads."""
    asked = spoken_code((parse_qs(query or "").get("spoken") or [""])[0])
    if asked:
        remember_language(asked, profile, key="spoken")
        return asked
    remembered = _profile(profile or profile_path())
    return spoken_code(remembered.get("spoken")) or spoken_code(remembered.get("roster_spoken")) or written


def direction(lang: str) -> str:
    return "rtl" if lang in RIGHT_TO_LEFT else "ltr"


def forward_arrow(lang: str) -> str:
    """The arrow of 'carried forward' points the way her text reads: ⬅️ right to left, ➡️ left to right."""
    return "⬅️" if lang in RIGHT_TO_LEFT else "➡️"


@functools.lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """Every catalog of ``lang`` merged: the kit's ``fadaa.po`` and one ``<subject>.po`` per subject.

    Catalogs are compiled from their .po files when first used, so a checkout never runs stale .mo
    files; they are small, and a kernel compiles them once.
    """
    merged: NullTranslations = NullTranslations()
    for po_file in sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po")):
        with po_file.open("rb") as fh:
            catalog = read_po(fh, locale=lang, domain=po_file.stem)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        part = Translations(buffer, domain=DOMAIN)
        if isinstance(merged, Translations):
            merged.merge(part)
        else:
            merged = part
    return merged


def warm_up() -> None:
    """Compile every language's catalogs and load its number and date formats now, not in a lesson's
    first second (a kernel forked after this, see ``grading/forked_kernels``, starts with them)."""
    for lang in SUPPORTED:
        translations(lang)
        format_number(1.5, lang)
        format_day(date(2026, 1, 1), lang)


def gettext_for(lang: str):
    return translations(lang).gettext


def mark(message: str) -> str:
    """Marks a message for the catalogs, translated when shown: a module that words a message
    before it knows her language imports it as ``_`` (what pybabel extracts)."""
    return message


class TranslatedError(Exception):
    """A refusal worded once (its catalog's message id, with ``params``) and told in the reader's
    language by ``text``."""

    def __init__(self, message: str, **params):
        super().__init__(message.format(**params))
        self.message, self.params = message, params

    def text(self, lang: str) -> str:
        return gettext_for(lang)(self.message).format(**self.params)


def format_number(value: float, lang: str, decimals: int = 2) -> str:
    """Western digits, grouped by thousands with a narrow space, decimal comma: '1 250,5'."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    text = format_decimal(value, format=pattern, locale="fr_FR")
    return isolate(text) if lang in RIGHT_TO_LEFT else text


def format_amount(value: float, lang: str) -> str:
    """A price as Moroccans write it in both languages: '1 250 DH', kept left-to-right in Arabic."""
    text = format_decimal(value, format="#,##0.##", locale="fr_FR") + "\u00a0DH"
    return isolate(text) if lang in RIGHT_TO_LEFT else text


def format_day(moment, lang: str, year: bool = True) -> str:
    """A date as Moroccans read it, with Babel's ``fr_MA`` / ``ar_MA`` month names (novembre, نونبر)
    and Western digits: '20 novembre 2026', '20 نونبر 2026'."""
    return format_date(moment, "d MMMM y" if year else "d MMMM", locale=f"{lang}_MA")


def isolate(text: str) -> str:
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


# A number grouped by thousands ("1 200", "10 000,50"), whatever space groups it.
GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?")


def unisolated_amounts(text: str) -> list[str]:
    """The grouped numbers of an Arabic ``text`` that a right-to-left page would show backwards
    ("200 1" for "1 200"): grouped by an ordinary space (the line may break there, and the bidi
    algorithm splits the number), or not inside a left-to-right isolate."""
    found = []
    for match in GROUPED_NUMBER.finditer(text):
        before = text[:match.start()]
        inside = before.count(LEFT_TO_RIGHT_ISOLATE) > before.count(POP_DIRECTIONAL_ISOLATE)
        if " " in match.group() or not inside:
            found.append(match.group())
    return found
