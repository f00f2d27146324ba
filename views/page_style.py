"""What every view page looks like, without ipywidgets: styles, status words and icons, bidi.

The views' notebooks (``page.py``) and her home as the lesson service sends it (``home_page.py``)
both use these, so a card reads the same in either.
"""
from __future__ import annotations

from fadaa.grading.export import COLUMNS
from fadaa.core.i18n import direction, gettext_for, isolate
from fadaa.widgets.styles import LESSON_CSS

# the status words are the dashboard's column titles (already in both catalogs): one word per status
STATUS_ICONS = {"not_released": "🔒", "released": "📘", "started": "✏️", "late": "⏰", "submitted": "📨",
                "needs_manual": "⏳", "graded": "📝", "passed": "✅"}

VIEWS_CSS = """
.fadaa-view { max-width: 60em; }
.fadaa-languages a { display: inline-block; min-height: 44px; line-height: 44px; padding: 0 0.6em; }
.fadaa-card { border: 1px solid #ddd; border-radius: 10px; padding: 0.6em 0.9em; margin: 0.6em 0; }
.fadaa-card h2 { font-size: 1.15em; margin: 0.1em 0 0.3em 0; }
.fadaa-status { font-weight: 600; }
.fadaa-status-passed { color: #1b5e20; } .fadaa-status-late { color: #b71c1c; }
.fadaa-facts { margin: 0.2em 0; padding: 0; list-style: none; }
a.fadaa-open { display: inline-block; min-height: 48px; line-height: 48px; padding: 0 1.2em;
               background: #1976d2; color: white; border-radius: 6px; text-decoration: none; }
a.fadaa-file { display: inline-block; min-height: 44px; line-height: 44px; margin: 0.2em 0; }
.fadaa-view .jupyter-button, .fadaa-view .widget-dropdown select { min-height: 48px; font-size: 17px; }
.fadaa-view .widget-dropdown, .fadaa-view .widget-text { width: calc(100% - 12px); max-width: 30em; box-sizing: border-box; }
.fadaa-view .widget-dropdown > select, .fadaa-view .widget-text > input { flex: 1 1 auto; min-width: 0; }
.fadaa-results h3 { font-size: 1em; margin: 0.5em 0 0.2em 0; }
.fadaa-checkpoints, .fadaa-comments { margin: 0; padding: 0; list-style: none; overflow-wrap: anywhere; }
.fadaa-verdict { padding: 0.3em 0; } .fadaa-verdict-word { font-weight: 600; }
.fadaa-right .fadaa-verdict-word { color: #1b5e20; } .fadaa-again .fadaa-verdict-word, .fadaa-late { color: #b71c1c; }
.fadaa-comment { background: #f3f6fa; border-radius: 6px; padding: 0.4em 0.6em; margin: 0.3em 0; }
.fadaa-view h2 { font-size: 1.2em; }
"""

# a page sent without Voilà's template: the template's font and margins (frontend/src/lesson.css)
PLAIN_PAGE_CSS = """
body { margin: 0; padding: 8px; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; background: #fff; }
"""


LANGUAGES = (("fr", "Français"), ("ar", "العربية"))


def language_links(lang: str) -> str:
    """Links to the page in the other languages (``?lang=``, which the page then remembers)."""
    return " · ".join(f'<a href="?lang={code}" lang="{code}">{name}</a>' for code, name in LANGUAGES if code != lang)


def page_css() -> str:
    return LESSON_CSS + VIEWS_CSS + PLAIN_PAGE_CSS


def status_word(status: str, lang: str) -> str:
    return gettext_for(lang)(COLUMNS[status])


def status_text(status: str, lang: str) -> str:
    return f"{STATUS_ICONS[status]} {status_word(status, lang)}"


def bidi(text: str, lang: str) -> str:
    """A date or score kept left to right inside Arabic text."""
    return isolate(text) if direction(lang) == "rtl" else text
