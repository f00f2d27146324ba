"""The selling views with her own figures: instant results, clear refusals, kept across a reload."""
import shutil

import pytest

from conftest import COURSE
from fadaa.widgets.lesson import Lesson
from fadaa.widgets.selling import channels_view, listing_view, pricing_view


@pytest.fixture(params=["fr", "ar"])
def lesson(request, tmp_path):
    def open_lesson(assignment, notebook):
        copy = tmp_path / notebook
        if not copy.exists():
            shutil.copy(COURSE / "source" / assignment / notebook, copy)
        return Lesson({"fr": "x", "ar": "x"}, request.param, copy)
    return open_lesson


def fill(fields, values):
    for field, value in zip(fields, values):
        field.value = value


def test_price_calculator_prices_saves_and_makes_documents(lesson):
    calc = pricing_view.PriceCalculator(lesson("selling_1", "pricing.ipynb"))
    fill([calc.platform_name, calc.commission, calc.fixed_fee, calc.name, calc.materials, calc.hours, calc.rate,
          calc.packaging, calc.cod_fee, calc.return_rate, calc.return_cost],
         ["Souk", "15", "5", "Coussin", "120", "5", "20", "10", "15", "10", "50"])
    assert "300" in calc.result.value
    calc.add_product()
    assert calc.pdf().startswith(b"%PDF") and calc.xlsx().startswith(b"PK")
    again = pricing_view.PriceCalculator(calc.lesson)  # a reload of the page
    assert [p.name for p in again.products] == ["Coussin"]
    assert again.commission.value == "15"
    assert "300" in again.sheet.value


def test_price_calculator_refuses_a_full_commission_in_words(lesson):
    calc = pricing_view.PriceCalculator(lesson("selling_1", "pricing.ipynb"))
    fill([calc.commission, calc.materials], ["100", "50"])
    assert "fadaa-feedback-error" in calc.result.value and "100" in calc.result.value
    calc.add_product()
    assert calc.products == []
    fill([calc.commission, calc.materials], ["15", "cent"])
    assert calc.lesson._("Please type a number, for example 1 250.") in calc.result.value
    calc.add_product()
    assert calc.products == []


def test_listing_checker_scores_and_keeps_her_listing(lesson):
    checker = listing_view.ListingChecker(lesson("selling_2", "listing.ipynb"))
    checker.description.value = "Coussin 40 x 40 cm"
    assert checker.boxes["dimensions"].value
    checker.boxes["photo_light"].value = True
    assert "2 / 10" in checker.score.value
    again = listing_view.ListingChecker(checker.lesson)
    assert again.ticked() == {"dimensions", "photo_light"} and again.description.value == "Coussin 40 x 40 cm"


def test_refusal_calculator(lesson):
    calc = channels_view.RefusalCalculator(lesson("selling_3", "channels.ipynb"))
    fill([calc.fields[k] for k in calc.FIELDS], ["40", "6", "250", "35", "20", "8"])
    assert "378" in calc.result.value and len(calc.chart.children) == 1
    calc.fields["refused"].value = "41"
    assert "fadaa-feedback-error" in calc.result.value
    calc.fields["refused"].value = "six"
    assert calc.lesson._("Please type a number, for example 1 250.") in calc.result.value
