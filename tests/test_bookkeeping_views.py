"""Module 2's editors on a figure that is not a number or that a rule refuses: a clear word in her
language, and nothing added or kept until she corrects it."""
import nbformat
import pytest

from fadaa.widgets.bookkeeping.summary_view import MonthSummaryEditor, ProductEditor
from fadaa.widgets.bookkeeping.year_summary_view import YearSummaryEditor
from fadaa.core.i18n import format_amount
from fadaa.widgets.lesson import Lesson

NOT_A_NUMBER = "Écrivez un nombre, par exemple 1 250."
NOT_POSITIVE = "Le montant doit être plus grand que 0."


@pytest.fixture
def lesson(tmp_path):
    notebook = tmp_path / "bookkeeping_2" / "summary.ipynb"
    notebook.parent.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), notebook)
    return Lesson({"fr": "x", "ar": "y"}, "fr", notebook)


def test_her_month_waits_for_amounts_it_can_read(lesson):
    editor = MonthSummaryEditor(lesson)
    editor.fields["sale"].value = "mille"
    assert NOT_A_NUMBER in editor.message.value
    editor.fields["sale"].value = "-500"
    assert NOT_POSITIVE in editor.message.value
    editor.fields["sale"].value = "1 500"
    assert editor.message.value == "" and format_amount(1500, "fr") in editor.table.value


def test_a_product_is_added_only_with_figures_it_can_read(lesson):
    editor = ProductEditor(lesson)
    editor.name.value, editor.quantity.value, editor.price.value, editor.cost.value = "Coussin", "deux", "150", "90"
    assert editor.add_product() is None and NOT_A_NUMBER in editor.message.value
    editor.quantity.value = "-2"
    assert editor.add_product() is None and NOT_POSITIVE in editor.message.value
    editor.quantity.value = "2"
    assert editor.add_product() is not None and [p.name for p in editor.products] == ["Coussin"]


def test_a_month_of_her_year_is_kept_only_with_figures_it_can_read(lesson):
    editor = YearSummaryEditor(lesson)
    editor.month.value = 3
    editor.fields["sale"].value = "mille"
    assert editor.store_month() is None and NOT_A_NUMBER in editor.message.value
    editor.fields["sale"].value = "-500"
    assert editor.store_month() is None and NOT_POSITIVE in editor.message.value
    assert 3 not in editor.months
    editor.fields["sale"].value = "1 500"
    assert editor.store_month() is not None and editor.summary.months[3].income["sale"] == 1500


def test_her_proposal_shares_the_accountants_net_surplus_once_she_writes_it(lesson):
    editor = YearSummaryEditor(lesson)
    editor.month.value = 3
    editor.fields["sale"].value = "1 500"
    editor.store_month()
    editor.allocation_fields["reserve"].value = "1 200"
    assert editor.allocation_message.value == "" and editor.summary.carried_forward == 300  # the cash surplus
    editor.net_surplus.value = "1 000"
    assert "fadaa-feedback-error" in editor.allocation_message.value   # more than the net surplus
    editor.allocation_fields["reserve"].value = "600"
    assert editor.summary.net_surplus == 1000 and editor.summary.carried_forward == 400
    assert lesson.store.load_data("year_summary")["net_surplus"] == 1000   # kept for the AGM module
