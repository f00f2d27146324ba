"""Module 2's documents open in real readers and hold her figures, in her language.

The XLSX is read back with openpyxl (values, DH money format, Arabic sheets right to left); the PDF's
text is extracted with pypdf (Arabic must come out as real, joined words, not reversed letters).
"""
import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.bookkeeping import cash_book, documents, own_records
from fadaa.widgets.bookkeeping import year_summary as ys
from fadaa.widgets.bookkeeping.lesson_examples import example_year
from fadaa.widgets.bookkeeping.summary import Totals
from fadaa.core.i18n import gettext_for
from fadaa.widgets.lesson import Lesson
from conftest import pdf_text

# Her own year: not the worked example, so the documents must carry her figures, not ours.
HER_ENTRIES = [
    cash_book.make_entry(date(2025, 1, 6), "in", 2340, "sale", "Vente de 3 tapis"),
    cash_book.make_entry(date(2025, 1, 9), "out", 615, "purchase", "Laine"),
    cash_book.make_entry(date(2025, 2, 14), "in", 1275.5, "sale", "Coussins"),
    cash_book.make_entry(date(2025, 2, 20), "out", 88, "delivery", "Amana"),
]
HER_OPENING = 430.0


def her_year(allocations=(ys.Allocation("reserve", 700),)):
    return ys.from_entries(2025, HER_OPENING, HER_ENTRIES, allocations, cooperative="Tifaouine")


def flat(text: str) -> str:
    """PDF text without spaces, narrow spaces and bidi isolates: '2 912,5 DH' -> '2912,5DH'."""
    return re.sub(r"[\s\u00a0\u202f\u2066-\u2069]", "", text)




def test_her_year_figures():
    y = her_year()
    assert (y.total_income, y.total_expenses, y.surplus) == (3615.5, 703, 2912.5)
    assert (y.closing_balance, y.carried_forward) == (3342.5, 2212.5)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_workbook_holds_her_figures_in_dh_and_right_to_left_in_arabic(lang):
    _ = gettext_for(lang)
    data = documents.workbook(her_year(), lang, _, (HER_OPENING, HER_ENTRIES))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [_("Summary"), _("Months"), _("Cash book")]
    for sheet in book.worksheets:
        assert sheet.sheet_view.rightToLeft is (lang == "ar")

    summary = {row[0]: row[1] for row in book[_("Summary")].iter_rows(min_row=2, values_only=True) if row[0]}
    assert summary[_("Total money in")] == 3615.5
    assert summary[_("Total money out")] == 703
    assert summary[_("Surplus")] == 2912.5
    assert summary[_("Cash at the end of the year")] == 3342.5
    assert summary[_("To the reserves")] == 700
    assert summary[_("Carried forward to next year")] == 2212.5
    assert "DH" in book[_("Summary")]["B2"].number_format

    months = list(book[_("Months")].iter_rows(min_row=2, values_only=True))
    assert months[0] == (documents.month_name(1, lang), 2340, 615, 1725)
    assert months[1][1:] == (1275.5, 88, 1187.5)
    assert months[-1] == (_("Total"), 3615.5, 703, 2912.5)
    assert len(months) == 13

    lines = list(book[_("Cash book")].iter_rows(min_row=2, values_only=True))
    assert lines[0][1] == _("Opening balance") and lines[0][5] == HER_OPENING
    assert [line[1] for line in lines[1:]] == ["Vente de 3 tapis", "Laine", "Coussins", "Amana"]
    assert lines[-1][5] == 3342.5  # the cash book's last balance is the summary's cash at the end
    assert "DH" in book[_("Cash book")]["F2"].number_format


def test_arabic_workbook_uses_arabic_words_and_moroccan_month_names():
    _ = gettext_for("ar")
    book = load_workbook(io.BytesIO(documents.workbook(her_year(), "ar", _)))
    assert book.sheetnames == ["الملخص", "الأشهر", "دفتر الصندوق"]
    words = [row[0] for row in book["الملخص"].iter_rows(min_row=2, values_only=True)]
    assert "مجموع المداخيل" in words and "فائض الصندوق" in words and "إلى الاحتياطي" in words
    assert [r[0] for r in book["الأشهر"].iter_rows(min_row=2, max_row=13, values_only=True)][7] == "غشت"


@pytest.mark.parametrize("lang, words", [
    ("fr", ["Résumé financier de l'année 2025", "Tifaouine", "Total des entrées", "Total des sorties",
            "Excédent", "Aux réserves", "Reporté à l'année suivante", "janvier", "La trésorière"]),
    ("ar", ["الملخص المالي لسنة", "Tifaouine", "مجموع المداخيل", "مجموع المصاريف", "الفائض",
            "إلى الاحتياطي", "مرحّل إلى السنة الموالية", "يناير", "أمين(ة) المال"]),
])
def test_pdf_holds_her_figures_and_the_right_words(lang, words):
    text = pdf_text(documents.pdf(her_year(), lang, gettext_for(lang)))
    for word in words:
        assert word in text, word
    figures = flat(text)
    for figure in ("3615,5", "703", "2912,5", "3342,5", "700", "2212,5", "430"):
        assert figure in figures, figure
    if lang == "ar":  # shaped and in reading order: no reversed Arabic words in the text layer
        assert "يرئاخ" not in text and "ضئافلا" not in text


def test_a_deficit_reads_as_a_deficit_in_the_pdf():
    months = {3: Totals({"sale": 200}, {"purchase": 650})}
    y = ys.from_month_totals(2025, 1000, months)
    text = pdf_text(documents.pdf(y, "fr", gettext_for("fr")))
    assert "Déficit" in text and "450" in flat(text)
    text_ar = pdf_text(documents.pdf(y, "ar", gettext_for("ar")))
    assert "العجز" in text_ar


def test_example_year_documents_build_in_both_languages():
    for lang in ("fr", "ar"):
        _ = gettext_for(lang)
        assert documents.pdf(example_year(), lang, _).startswith(b"%PDF")
        assert load_workbook(io.BytesIO(documents.workbook(example_year(), lang, _)))


# -- her cash book from lesson 1, read from her notebook beside this lesson ---------------------------

def _her_home(tmp_path, cash_book_data):
    import nbformat
    home = tmp_path / "home"
    for folder, name in (("bookkeeping_1", "cash_book.ipynb"), ("bookkeeping_4", "year_summary.ipynb")):
        (home / folder).mkdir(parents=True)
        nbformat.write(nbformat.v4.new_notebook(), home / folder / name)
    if cash_book_data is not None:
        AnswerStore(home / "bookkeeping_1" / "cash_book.ipynb").save_data("cash_book", cash_book_data)
    return home / "bookkeeping_4" / "year_summary.ipynb"


def test_year_editor_takes_her_cash_book_and_leaves_her_documents(tmp_path):
    data = {"opening": HER_OPENING, "entries": [e.to_json() for e in HER_ENTRIES]
            + [{"day": "2025-13-40", "direction": "in", "amount": 1, "category": "sale"}]}  # a damaged line
    notebook = _her_home(tmp_path, data)
    from fadaa.widgets.bookkeeping.year_summary_view import YearSummaryEditor

    lesson = Lesson({"fr": "x", "ar": "y"}, "fr", notebook)
    editor = YearSummaryEditor(lesson)
    editor.year.value = 2025
    assert editor.import_cash_book() == 2
    editor.cooperative.value = "Tifaouine"
    editor.allocation_fields["reserve"].value = "700"
    assert editor.summary == her_year()
    saved = AnswerStore(notebook).load_data("year_summary")
    assert ys.YearSummary.from_json(saved) == her_year()  # what module 3 reads back

    book = load_workbook(io.BytesIO(editor.workbook()))
    assert [r[1] for r in book["Cahier de caisse"].iter_rows(min_row=3, values_only=True)][-1] == "Amana"
    assert "2912,5" in flat(pdf_text(editor.pdf()))

    editor.allocation_fields["reserve"].value = "5000"  # more than the surplus: refused, kept out
    assert "plus que l" in editor.allocation_message.value
    assert editor.summary.allocations == ()


def test_no_cash_book_means_typing_month_by_month(tmp_path):
    notebook = _her_home(tmp_path, None)
    assert own_records.her_cash_book(Lesson({"fr": "x", "ar": "y"}, "ar", notebook)) is None
    from fadaa.widgets.bookkeeping.year_summary_view import YearSummaryEditor

    editor = YearSummaryEditor(Lesson({"fr": "x", "ar": "y"}, "ar", notebook))
    assert editor.import_button.layout.display == "none"
    editor.month.value = 5
    editor.fields["sale"].value = "1 500"
    editor.fields["transport"].value = "١٢٠"  # Arabic-Indic digits from a phone keyboard
    editor.store_month()
    assert editor.summary.surplus == 1380 and editor.summary.missing_months() == [m for m in range(1, 13) if m != 5]
