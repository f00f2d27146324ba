"""The coordinator's dashboard (``notebooks/coordinator_dashboard.ipynb``): filters, charts, tables, exports.

Every section shows one table of ``grading.export.tables`` for the current filter (and a chart of
it where one reads better), and the export buttons write those same tables: what the coordinator
sends to the programme is what she saw.
"""
from __future__ import annotations

import html
import tempfile
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from fadaa.grading import export
from fadaa.grading.progress import FILTERS
from fadaa.grading.regions import region_name
from fadaa.widgets.charts import image_widget
from fadaa.widgets.download import DocumentButton
from fadaa.core.i18n import gettext_for, mark as _

from . import page
from .dashboard import CHARTS
from .place import Place
from .reminders import ReminderButtons

SHOWN_ROWS = 50  # a phone screen; the XLSX export carries every row


TITLE = _("Progress of the cohorts")
FILTER_LABELS = {"cohort": _("Cohort"), "region": _("Region"), "cooperative": _("Cooperative"), "module": _("Module")}
EXPORTS = {".csv": _("Cooperatives (CSV)"), ".xlsx": _("Every table (XLSX)"), ".pdf": _("Report (PDF)")}


def export_bytes(board, lang: str, suffix: str) -> bytes:
    """The file ``grading.export`` writes for ``suffix``, as bytes for a download link."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fadaa{suffix}"
        export.WRITERS[suffix](board, path, lang)
        return path.read_bytes()


class CoordinatorDashboard(widgets.VBox):
    def __init__(self, lang: str, place: Place | None = None, now=None):
        self.lang = lang
        self.now = now
        self.place = place or Place.from_settings()
        self.progress = self.place.progress()
        _ = gettext_for(lang)
        everyone = _("All")
        options = self.progress.choices()
        self.filters = {name: widgets.Dropdown(options=[(everyone, "")] + self._labelled(name, options[name]),
                                               description=_(FILTER_LABELS[name])) for name in FILTERS}
        self.quiet_days = widgets.BoundedIntText(value=self.progress.rules.at_risk_days, min=1, max=365,
                                                 description=_("Days without activity"),
                                                 style={"description_width": "initial"})
        self.tables = {key: widgets.HTML() for key in export.TITLES}
        self.charts = {key: widgets.Box() for key in CHARTS}
        self.exports = {suffix: DocumentButton(_(label), f"fadaa_progress{suffix}",
                                               lambda s=suffix: export_bytes(self.board, self.lang, s), _)
                        for suffix, label in EXPORTS.items()}
        self.reminders = ReminderButtons(lang, self.place, self.progress, lambda: self.filter_values, now)
        sections = []
        for key in export.TITLES:
            sections.append(widgets.HTML("<h2>" + html.escape(export.title(key, lang)) + "</h2>"))
            if key in CHARTS:
                sections.append(self.charts[key])
            sections.append(self.tables[key])
        self._narrowing = False
        for control in (*self.filters.values(), self.quiet_days):
            control.observe(self._changed, "value")
        super().__init__([*self.filters.values(), self.quiet_days, *sections,
                          widgets.HTML("<h2>" + html.escape(_("Exports")) + "</h2>"), *self.exports.values(),
                          self.reminders])
        page.dress(self, lang)
        self.refresh()

    def _labelled(self, name: str, values: list[str]) -> list[tuple[str, str]]:
        """Dropdown options as (what she reads, the value filtered on): regions by their name,
        modules by their title."""
        read = {"region": lambda v: region_name(v, self.lang),
                "module": lambda v: self.progress.titles(v, self.lang)}.get(name, str)
        return [(read(v), v) for v in values]

    def _changed(self, change) -> None:
        """One refresh per change: narrowing the cooperatives to a new cohort or region changes
        that dropdown too, which must not refresh the screen a second time."""
        if self._narrowing:
            return
        if change.owner in (self.filters["cohort"], self.filters["region"]):
            self._narrowing = True
            try:
                self._narrow_cooperatives()
            finally:
                self._narrowing = False
        self.refresh()

    def _narrow_cooperatives(self) -> None:
        found = self.progress.choices(self.filters["cohort"].value, self.filters["region"].value)["cooperative"]
        dropdown = self.filters["cooperative"]
        keep = dropdown.value if dropdown.value in found else ""
        dropdown.options = [dropdown.options[0]] + self._labelled("cooperative", found)
        dropdown.value = keep

    @property
    def filter_values(self) -> dict[str, str | None]:
        return {name: dropdown.value or None for name, dropdown in self.filters.items()}

    def refresh(self) -> None:
        self.progress.rules.at_risk_days = self.quiet_days.value
        self.board = self.progress.dashboard(now=self.now, **self.filter_values)
        for key, table in export.tables(self.board, self.lang).items():
            self.tables[key].value = page.table_html(table, self.lang, SHOWN_ROWS)
        for key, draw in CHARTS.items():
            self.charts[key].children = [image_widget(draw(self.board, self.lang))]
        for button in self.exports.values():
            button.link.value = ""  # a link made before the filter changed would not match the screen
        self.reminders.reset()


def show() -> None:
    lang = page.language()
    page.header(gettext_for(lang)(TITLE), lang)
    board = CoordinatorDashboard(lang)
    display(board)
