"""What the three views share on screen: the page header, status words and icons, tables.

The lesson kit's stylesheet and language choice are reused as they are; this adds what a progress
page needs beyond a lesson: cards, big touch targets, tables that scroll sideways on a phone.
"""
from __future__ import annotations

import html
import numbers

import pandas as pd
from IPython.display import HTML, display
import ipywidgets as widgets

from fadaa.grading.export import COLUMNS, SHARES
from fadaa.core.i18n import choose_language, direction, gettext_for
from fadaa.widgets.lesson import request_query

from .page_style import bidi, language_links, page_css, status_text  # noqa: F401 - the views' page kit, in one import


def language(default: str | None = None) -> str:
    """The page's language: ``?lang=`` in its address, else her remembered choice, else ``default``
    (her roster language), else French."""
    return choose_language(request_query(), default=default)


def header(title: str, lang: str) -> None:
    """The page's styles and title, in its direction, with a link to the other language."""
    dir_ = direction(lang)
    display(HTML(f'<style>{page_css()}</style>'
                 f'<div class="fadaa fadaa-view fadaa-{dir_}" dir="{dir_}" lang="{lang}">'
                 f'<h1 class="fadaa-title">{html.escape(title)}</h1>'
                 f'<div class="fadaa-languages">{language_links(lang)}</div></div>'))


def dress(box: widgets.Box, lang: str) -> widgets.Box:
    """The page's styles and direction on a box (the template leaves <html> left to right)."""
    for name in ("fadaa", "fadaa-view", f"fadaa-{direction(lang)}"):
        box.add_class(name)
    return box


def container(children: list[widgets.Widget], lang: str) -> widgets.VBox:
    """One column in the page's direction."""
    return dress(widgets.VBox(children, layout=widgets.Layout(width="100%")), lang)


def number(value) -> str:
    """A count or score as shown in a table: no needless '.0', Western digits."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def table_html(table: pd.DataFrame, lang: str, max_rows: int | None = None) -> str:
    """A table from ``export.tables`` (headers already in ``lang``), shares as percentages.

    Numbers are kept left to right in Arabic; a long table shows its first rows and says so.
    """
    _ = gettext_for(lang)
    if table.empty:
        return "<p>" + html.escape(_("Nothing to show.")) + "</p>"
    shares = {_(COLUMNS[c]) for c in SHARES}
    shown = table if max_rows is None else table.head(max_rows)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for row in shown.itertuples(index=False):
        cells = []
        for column, value in zip(shown.columns, row):
            if column in shares:
                cells.append(f'<td class="num">{round(100 * value)} %</td>')
            elif isinstance(value, numbers.Number) and not isinstance(value, bool):
                cells.append(f'<td class="num">{number(value)}</td>')
            else:
                cells.append(f"<td>{html.escape(str(value))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    note = ""
    if len(shown) < len(table):
        note = "<p>" + html.escape(_("First {shown} rows of {total}; the XLSX export has them all.")
                                   .format(shown=len(shown), total=len(table))) + "</p>"
    return (f'<div class="fadaa-scroll"><table class="fadaa-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>{note}")
