"""Exports hold the numbers the coordinator sees: each file is read back and compared."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from pypdf import PdfReader

from fadaa.grading import demo_data, export
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
