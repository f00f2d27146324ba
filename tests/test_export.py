"""Exports hold the numbers the coordinator sees: each file is read back and compared."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from pypdf import PdfReader

from fadaa.demo import data as demo_data

from fadaa.grading import export
from fadaa.grading.database import open_database
from fadaa.grading.progress import Progress
from course_fixtures import COURSE_ID


@pytest.fixture(scope="module")
def board(tmp_path_factory, empty_gradebook):
    path = tmp_path_factory.mktemp("export") / "gradebook.db"
    shutil.copy(empty_gradebook, path)
    db_url = f"sqlite:///{path}"
    sim = demo_data.Simulation(weeks=10, seed=3)
    demo_data.populate(open_database(db_url, COURSE_ID), COURSE_ID,
                       demo_data.cohorts(seed=3, prize_winners=2, projects=6), module_count=6, simulation=sim)
    return Progress(db_url, COURSE_ID).dashboard(now=sim.now)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_xlsx_holds_every_table_of_the_screen(board, tmp_path, lang):
    path = export.write_xlsx(board, tmp_path / "progress.xlsx", lang)
    shown = export.tables(board, lang)
    sheets = pd.read_excel(path, sheet_name=None, keep_default_na=False)
    assert list(sheets) == list(shown)
    for key, table in shown.items():
        read = sheets[key]
        assert list(read.columns) == list(table.columns)
        for column in table.columns:
            if pd.api.types.is_numeric_dtype(table[column]):
                assert read[column].tolist() == pytest.approx(table[column].tolist()), (key, column)
            else:
                assert read[column].astype(str).tolist() == table[column].astype(str).tolist(), (key, column)


def test_the_csv_numbers_equal_the_cooperatives_table(board, tmp_path):
    path = export.write_csv(board, tmp_path / "cooperatives.csv", "fr")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel recognises UTF-8 by its BOM
    read = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    assert read["Membres"].tolist() == board.by_cooperative.members.tolist()
    assert read["Réussi"].tolist() == board.by_cooperative.passed.tolist()
    assert read["Part de réussite"].tolist() == pytest.approx(board.by_cooperative.share_passed.tolist())
    assert read["Région"].iloc[0] in {"Souss-Massa", "L'Oriental"} or read["Région"].str.contains("-").any()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_pdf_shows_the_module_counts(board, tmp_path, lang):
    path = export.write_pdf(board, tmp_path / "progress.pdf", lang)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    unwrapped = text.replace("\n", "")  # narrow columns wrap long module names
    for row in board.by_module.itertuples(index=False):
        assert row.module in unwrapped
    totals = board.by_module[["passed", "graded", "late"]].to_numpy().ravel()
    assert all(str(n) in text for n in totals)
    if lang == "ar":
        assert any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in text)
    else:
        assert "Avancement par module" in text


HOSTILE_NAMES = ["=1+1", "=cmd|'/C calc'!A0", "+33 1 00", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def hostile_board(board):
    """The screen's tables with cooperatives named as a formula would start."""
    import dataclasses
    renamed = dict(zip(board.summary.cooperative.unique(), HOSTILE_NAMES))
    return dataclasses.replace(board, summary=board.summary.assign(cooperative=board.summary.cooperative.replace(renamed)))


def test_no_export_cell_is_a_formula_whatever_a_cooperative_is_called(hostile_board, tmp_path):
    from openpyxl import load_workbook
    import csv
    with open(export.write_csv(hostile_board, tmp_path / "cooperatives.csv", "fr"), encoding="utf-8-sig", newline="") as fh:
        csv_cells = [cell for row in csv.reader(fh, delimiter=";") for cell in row]
    book = load_workbook(export.write_xlsx(hostile_board, tmp_path / "progress.xlsx", "fr"))
    sheet = book["by_cooperative"]
    column = [cell.value for cell in sheet[1]].index("Coopérative") + 1
    names = [row[0].value for row in sheet.iter_rows(min_row=2, min_col=column, max_col=column)]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    for name in HOSTILE_NAMES:
        assert "'" + name in names  # shown as the text it is
        assert "'" + name in csv_cells
    assert not [cell for cell in csv_cells if cell.startswith(export_formula_starts())]


def export_formula_starts() -> tuple[str, ...]:
    from fadaa.core.documents.formulas import FORMULA_STARTS
    return FORMULA_STARTS


def test_a_learners_workbook_keeps_her_formula_like_text_as_text():
    import io
    from openpyxl import load_workbook
    from fadaa.core.documents.xlsx import workbook_bytes
    data = workbook_bytes({"caisse": (["Libellé", "Montant"], [["=HYPERLINK(\"http://x\")", 12.5], ["-vente", -3]])}, "fr")
    sheet = load_workbook(io.BytesIO(data))["caisse"]
    assert sheet["A2"].value == "'=HYPERLINK(\"http://x\")" and sheet["A2"].data_type != "f"
    assert sheet["A3"].value == "'-vente" and sheet["B3"].value == -3  # numbers stay numbers
