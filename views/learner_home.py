"""The learner's home page as a Voilà notebook (``notebooks/learner_home.ipynb``), for a server of
her own or a trainer's preview: the lesson service sends the same cards as a plain page
(``home_page``), without a kernel.

Each card says where she is (icon and word), by when, her score, her trainer's feedback, and opens
the lesson; a passed module links to her certificate, which the hub issues. Below, the documents her
lessons made.
"""
from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from fadaa.widgets.download import DocumentButton
from fadaa.core.i18n import gettext_for

from . import page
from .home_page import TITLE, Links, card_html, hub_page
from .learner import Home, ModuleCard, UnknownLearner, her_home
from .place import Place

def _file_button(path: Path, label: str, _) -> DocumentButton:
    return DocumentButton(label, path.name, path.read_bytes, _)


def module_widget(card: ModuleCard, lang: str) -> widgets.VBox:
    _ = gettext_for(lang)
    parts: list[widgets.Widget] = [widgets.HTML(card_html(card, lang))]
    if card.feedback:
        parts.append(_file_button(card.feedback[0], _("My trainer's feedback"), _))
    if card.passed:
        href = html.escape(Links(certificates=hub_page("certificates/")).certificate(card))
        word = html.escape(_("My certificate (PDF)"))
        parts.append(widgets.HTML(f'<a class="fadaa-open fadaa-certificate" href="{href}" target="_blank">🎓 {word}</a>'))
    return widgets.VBox(parts, layout=widgets.Layout(width="100%"))


def home_widget(found: Home | None, lang: str) -> widgets.VBox:
    """Every widget of her home page; ``found`` is None when the roster does not know her."""
    _ = gettext_for(lang)
    if found is None:
        return page.container([widgets.HTML("<p>" + html.escape(
            _("Your account is not on the roster yet. Ask your trainer to add you.")) + "</p>")], lang)
    children: list[widgets.Widget] = [widgets.HTML("<p>" + html.escape(
        _("Hello {name}!")).format(name=html.escape(found.name)) + "</p>")]
    if not found.modules:
        children.append(widgets.HTML("<p>" + html.escape(_("No module has been given to you yet.")) + "</p>"))
    children += [module_widget(card, lang) for card in found.modules]
    children.append(widgets.HTML("<h2>" + html.escape(_("My documents")) + "</h2>"))
    if not found.documents:
        children.append(widgets.HTML("<p>" + html.escape(_("Your lessons have not made any document yet.")) + "</p>"))
    children += [_file_button(path, path.name, _) for path in found.documents]
    return page.container(children, lang)


def her_page(home: Path, place: Place | None = None) -> tuple[str, widgets.VBox]:
    """Her page and its language: ``?lang=``, else the one she picked before, else her roster's.

    ``home`` is her folder (where Voilà runs this page). Her lesson links carry the language, so her
    lessons open in it too.
    """
    place = place or Place.from_settings()
    try:
        found = her_home(place.progress(), home)
    except UnknownLearner:
        found = None
    lang = page.language(default=found.lang if found else None)
    return lang, home_widget(found, lang)


def show(home: Path | None = None) -> None:
    """What the notebook calls: her page in her language."""
    lang, view = her_page(home or Path.cwd())
    page.header(gettext_for(lang)(TITLE), lang)
    display(view)
