"""Her home as one plain HTML page, which the lesson service sends without starting a kernel.

Her home is the first page after every login: a class of twenty logs in at once. Built in a
kernel (as a Voilà notebook), each home cost about 0.3 s of CPU and a process; built here from the
same data (``learner.her_home``, one query) it costs about 20 ms, and a phone gets a page with
no script to load. Her lessons open from it in Voilà as before. What the notebook offered as
download buttons are links: her documents and her trainer's feedback (``files/``), served from her
home by the lesson service, and her certificate, which the hub issues (``hub_page``).
"""
from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from fadaa.core.i18n import SPOKEN, direction, format_day, format_number, gettext_for, mark as _

from .learner import HANDED_IN, Home, ModuleCard
from .page_style import bidi, language_links, page_css, status_text


TITLE = _("My training")
LISTEN_IN = _("I listen in:")
LOG_OUT = _("Log out")
SCORED = ("graded", "passed")
# each checkpoint's verdict: its class on the page, its icon and the word beside it
VERDICTS = {True: ("right", "✅", _("Right")), False: ("again", "🔁", _("Look at it again")),
            None: ("waiting", "⏳", _("Your trainer will read it"))}


def hub_page(path: str) -> str:
    """A page of the hub itself. Her certificates (``fadaa.hub.certificates``) come from the hub, so that
    their record is where neither the lesson service nor her kernel, one system user, can write; so
    does logging out."""
    return os.environ.get("JUPYTERHUB_BASE_URL", "/").rstrip("/") + "/hub/" + path


@dataclass(frozen=True)
class Links:
    """Where her home's links point, relative to the page: her lessons, her files, her certificates."""
    lessons: str = ""
    files: str | None = None          # None: the page has no file route (the notebook's buttons do it)
    certificates: str | None = None
    logout: str | None = None         # None: the page is inside a server with its own way out

    def lesson(self, card: ModuleCard, lang: str) -> str | None:
        return f"{self.lessons}{card.lesson_url(lang)}" if card.lesson else None

    def file(self, home: Path, path: Path) -> str:
        return f"{self.files}{quote(str(path.relative_to(home)))}"

    def certificate(self, card: ModuleCard) -> str:
        return f"{self.certificates}{quote(card.module)}.pdf"


def results_html(card: ModuleCard, lang: str) -> str:
    """What she got right and what to look at again, step by step, then her trainer's comments (in
    the words he wrote them: ``dir="auto"`` lets a French comment read left to right on an Arabic page)."""
    _ = gettext_for(lang)
    items = []
    for point, verdict in card.results:
        kind, icon, word = VERDICTS[verdict]
        items.append(f'<li class="fadaa-verdict fadaa-{kind}"><span aria-hidden="true">{icon}</span> '
                     f'<span class="fadaa-verdict-word">{html.escape(_(word))}</span> — '
                     f'<span class="fadaa-step-title">{html.escape(point.title(lang))}</span></li>')
    wrote, heading = html.escape(_("Your trainer wrote:")), html.escape(_("Your results"))
    comments = [f'<li class="fadaa-comment"><span class="fadaa-comment-label">💬 {wrote}</span> '
                f'<span dir="auto">{html.escape(comment)}</span></li>' for comment in card.comments]
    if not items and not comments:
        return ""
    return (f'<div class="fadaa-results"><h3>{heading}</h3><ul class="fadaa-checkpoints">{"".join(items)}</ul>'
            f'<ul class="fadaa-comments">{"".join(comments)}</ul></div>')


def card_html(card: ModuleCard, lang: str, links: Links = Links()) -> str:
    """One module: where she is, by when and whether she was late, her score, her results and her
    trainer's words once he released them, and the way in."""
    _ = gettext_for(lang)
    facts = [f'<li class="fadaa-status fadaa-status-{card.status}">'
             f'{html.escape(status_text(card.status, lang))}</li>']
    if card.duedate is not None:
        facts.append("<li>" + html.escape(_("Due on {date}")).format(date=html.escape(format_day(card.duedate, lang)))
                     + "</li>")
    if card.submitted_late:
        facts.append('<li class="fadaa-late">' + html.escape(_("Handed in after the due date")) + "</li>")
    if card.status in SCORED and card.max_score:
        score = f"{format_number(card.score, 'fr', 1)} / {format_number(card.max_score, 'fr', 1)}"
        facts.append("<li>" + html.escape(_("Score: {score}")).format(score=bidi(score, lang)) + "</li>")
    link = ""
    if links.lesson(card, lang):
        word = _("Open the lesson") if card.status not in HANDED_IN else _("See the lesson again")
        link = f'<a class="fadaa-open" href="{html.escape(links.lesson(card, lang))}">{html.escape(word)}</a>'
    return (f'<div class="fadaa-card" data-module="{html.escape(card.module)}">'
            f"<h2>{html.escape(card.title[lang])}</h2><ul class=\"fadaa-facts\">{''.join(facts)}</ul>"
            f"{results_html(card, lang)}{link}</div>")


def _file_link(href: str, label: str, icon: str = "⬇️") -> str:
    return f'<a class="fadaa-file" href="{html.escape(href)}" download>{icon} {html.escape(label)}</a>'


def _module_html(home: Home, card: ModuleCard, lang: str, links: Links, folder: Path) -> str:
    _ = gettext_for(lang)
    parts = [card_html(card, lang, links)]
    if card.feedback:
        parts.append(_file_link(links.file(folder, card.feedback[0]), _("My trainer's feedback")))
    if card.passed:
        parts.append(_file_link(links.certificate(card), _("My certificate (PDF)"), "🎓"))
    return "".join(parts)


def body_html(found: Home | None, lang: str, links: Links, folder: Path) -> str:
    """What her home says: hello, one card per module, then the documents her lessons made."""
    _ = gettext_for(lang)
    if found is None:
        return "<p>" + html.escape(_("Your account is not on the roster yet. Ask your trainer to add you.")) + "</p>"
    parts = ["<p>" + html.escape(_("Hello {name}!")).format(name=html.escape(found.name)) + "</p>"]
    if not found.modules:
        parts.append("<p>" + html.escape(_("No module has been given to you yet.")) + "</p>")
    parts += [_module_html(found, card, lang, links, folder) for card in found.modules]
    parts.append("<h2>" + html.escape(_("My documents")) + "</h2>")
    if not found.documents:
        parts.append("<p>" + html.escape(_("Your lessons have not made any document yet.")) + "</p>")
    parts += [f"<p>{_file_link(links.file(folder, path), path.name)}</p>" for path in found.documents]
    return "".join(parts)


def listening_html(lang: str, spoken: str) -> str:
    """The language her lessons' ▶ speak, which she may choose apart from the one she reads
    (``?spoken=``, remembered in her profile)."""
    links = []
    for code, name in SPOKEN.items():
        current = ' aria-current="true"' if code == spoken else ""
        links.append(f'<a href="?spoken={code}" lang="{code}"{current}>{html.escape(name)}</a>')
    return ('<p class="fadaa-languages fadaa-spoken"><span aria-hidden="true">🔊</span> '
            + html.escape(gettext_for(lang)(LISTEN_IN)) + " " + " · ".join(links) + "</p>")


def home_page(found: Home | None, lang: str, links: Links, folder: Path, spoken: str | None = None) -> str:
    """The whole page, in her language and its direction, with a link to the other language and
    her choice of the language she listens in."""
    title = gettext_for(lang)(TITLE)
    dir_ = direction(lang)
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{dir_}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
            f'<title>{html.escape(title)}</title><link rel="icon" href="data:;base64,=">'
            f'<style>{page_css()}</style></head><body>'
            f'<main class="fadaa fadaa-view fadaa-{dir_}" dir="{dir_}" lang="{lang}">'
            f'<h1 class="fadaa-title">{html.escape(title)}</h1><div class="fadaa-languages">{language_links(lang)}</div>'
            f'{listening_html(lang, spoken or lang)}'
            f'{body_html(found, lang, links, folder)}{_logout_html(links, lang)}</main></body></html>')


def _logout_html(links: Links, lang: str) -> str:
    """On a shared phone or PC she leaves by this: the hub asks her to confirm (hub/logout.py)."""
    if not links.logout:
        return ""
    word = gettext_for(lang)(LOG_OUT)
    return f'<p class="fadaa-logout"><a class="fadaa-file" href="{html.escape(links.logout)}">🚪 {html.escape(word)}</a></p>'
