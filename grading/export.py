"""The coordinator's exports, CSV, XLSX and PDF, written from the very tables the screen shows.

Every format starts from ``tables(board, lang)``: the ``Dashboard``'s tables with headers, module
titles, region names, yes/no and dates (Moroccan month names) in the reader's language. Nothing is
recomputed on the way, so the numbers in a file are the numbers on the screen (a test reads each
file back and compares).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from fadaa.core.documents.formulas import inert_table
from fadaa.core.documents.pdf import PdfDocument
from fadaa.core.i18n import format_day, gettext_for, mark as _

from .progress import Dashboard
from .regions import region_name


TITLES = {
    "by_module": _("Progress by module"),
    "by_region": _("Completion by region"),
    "by_cooperative": _("Cooperatives: share of members who passed each module"),
    "agm_ready": _("Cooperatives ready for their AGM"),
    "score_bands": _("Score distribution"),
    "weekly": _("Submissions per week"),
    "at_risk": _("Cooperatives at risk (no recent activity)"),
}
COLUMNS = {
    "module": _("Module"), "not_released": _("Not released"), "released": _("Released"), "started": _("Started"),
    "late": _("Late"), "submitted": _("Submitted"), "needs_manual": _("Needs manual grading"),
    "graded": _("Graded"), "passed": _("Passed"), "region": _("Region"), "learners": _("Learners"),
    "learner_modules": _("Learner modules"), "share_passed": _("Share passed"), "cohort": _("Cohort"),
    "cooperative": _("Cooperative"), "members": _("Members"), "ready": _("Ready for its AGM"),
    "band": _("Score band"), "submissions": _("Submissions"), "week": _("Week"), "todo": _("Modules to do"),
    "last_activity": _("Last activity"),
}
SHARES = ("share_passed",)
PDF_MAX_ROWS = 300  # a PDF is read, not searched: the XLSX carries every row


def tables(board: Dashboard, lang: str) -> dict[str, pd.DataFrame]:
    """Each table of the screen, ready to show or write in ``lang`` (numbers untouched)."""
    _ = gettext_for(lang)
    found = {}
    for key in TITLES:
        table = getattr(board, key).copy()
        if "module" in table:
            table["module"] = [board.titles(module, lang) for module in table.module]
        if "region" in table:
            table["region"] = [region_name(code, lang) for code in table.region]
        if "ready" in table:
            table["ready"] = [_("yes") if ready else _("no") for ready in table.ready]
        if "band" in table:
            table["band"] = [f"{10 * b}–{10 * b + 10} %" for b in table.band]
        for column in ("week", "last_activity"):
            if column in table:
                table[column] = [format_day(day, lang) if pd.notna(day) else ""
                                 for day in pd.to_datetime(table[column])]
        found[key] = table.rename(columns={c: _(COLUMNS[c]) for c in table.columns})
    return found


def title(key: str, lang: str) -> str:
    return gettext_for(lang)(TITLES[key])


def write_csv(board: Dashboard, path: str | Path, lang: str = "fr", table: str = "by_cooperative") -> Path:
    """One table as CSV that Excel opens in a French locale (semicolons, BOM), no cell a formula."""
    path = Path(path)
    # CRLF, as Excel writes it: a cell holding a carriage return is then quoted, not split in two
    inert_table(tables(board, lang)[table]).to_csv(path, index=False, sep=";", encoding="utf-8-sig", lineterminator="\r\n")
    return path


def write_xlsx(board: Dashboard, path: str | Path, lang: str = "fr") -> Path:
    """Every table of the screen, one sheet each (named by the table's key, stable for scripts),
    no cell a formula."""
    path = Path(path)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for key, table in tables(board, lang).items():
            inert_table(table).to_excel(writer, sheet_name=key, index=False)
            if lang == "ar":
                writer.sheets[key].sheet_view.rightToLeft = True
    return path


def _cell(value, column: str) -> str:
    if column in SHARES:
        return f"{round(100 * value)} %"
    return str(value)


def write_pdf(board: Dashboard, path: str | Path, lang: str = "fr", heading: str | None = None) -> Path:
    """A report for the programme: every table of the screen, Arabic shaped and right to left."""
    _ = gettext_for(lang)
    path = Path(path)
    doc = PdfDocument(lang, heading or _("Fadaa: progress of the cohorts"))
    doc.paragraph(_("Figures on {date}.").format(date=format_day(board.now, lang)))
    labels = {_(label): column for column, label in COLUMNS.items()}
    for key, table in tables(board, lang).items():
        doc.heading(title(key, lang))
        if table.empty:
            doc.paragraph(_("Nothing to show."))
            continue
        shown = table.head(PDF_MAX_ROWS)
        rows = [[_cell(value, labels.get(column, "")) for column, value in zip(shown.columns, row)]
                for row in shown.itertuples(index=False)]
        numeric = [i for i, column in enumerate(shown.columns) if pd.api.types.is_numeric_dtype(shown[column])]
        doc.table(list(shown.columns), rows, numeric_columns=numeric)
        if len(table) > PDF_MAX_ROWS:
            doc.paragraph(_("First {shown} rows of {total}; the XLSX export has them all.")
                          .format(shown=PDF_MAX_ROWS, total=len(table)))
    path.write_bytes(doc.to_bytes())
    return path


WRITERS = {".csv": write_csv, ".xlsx": write_xlsx, ".pdf": write_pdf}
