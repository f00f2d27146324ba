"""Getting paid at a distance (selling_4): what cash on delivery costs her with her own month of
parcels from lesson 3, the advance on a piece made to order, and the payment options sheet she
shows buyers, read back in both languages."""
import shutil
from datetime import date

import pytest

from conftest import COURSE, pdf_text
from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.lesson import Lesson
from fadaa.widgets.selling import channels, examples, payment_examples, payment_sheet, payments, payments_view


def test_cash_on_delivery_costs_the_fees_and_the_refusals():
    month = examples.EXAMPLE_MONTH  # 40 sent, 6 refused, 378 DH of refusals
    assert payments.cod_fees(month, 10) == 340
    assert payments.cod_month_cost(month, 10) == 718 == payment_examples.example_cod_month_cost()
    assert payments.cod_cost_per_sale(month, 10) == 21.12
    assert payments.cod_share_of_sales(month, 10) == 8.4  # of 34 x 250 = 8 500 DH collected
    nothing = channels.make_month(0, 0, 250, 35, 20, 8)
    assert payments.cod_cost_per_sale(nothing, 10) == 0 and payments.cod_share_of_sales(nothing, 10) == 0


def test_an_advance_is_a_share_of_the_price_and_never_more():
    assert payments.advance(1800, 30) == 540 == payment_examples.example_advance()
    with pytest.raises(payments.PaymentError, match="percent_over_100"):
        payments.advance(1800, 120)
    with pytest.raises(payments.PaymentError, match="negative"):
        payments.courier_fee(-5)


def test_the_sheet_says_what_a_buyer_would_still_ask():
    options = payments.make_options(seller="Nour", methods=["transfer", "cash_on_delivery"])
    assert options.methods == ("cash_on_delivery", "transfer")  # the sheet's order, not the ticking order
    assert payments.missing(options) == ["phone", "transfer_details", "delivery_time", "return_rule"]
    with pytest.raises(payments.PaymentError, match="unknown_method"):
        payments.make_options(methods=["cheque"])
    # a saved sheet that was edited by hand keeps what still reads
    again = payments.PaymentOptions.from_json({"seller": "Nour", "methods": ["cheque", "transfer"],
                                               "advance_percent": "beaucoup"})
    assert again.seller == "Nour" and again.methods == ("transfer",) and again.advance_percent == 0


@pytest.fixture(params=["fr", "ar"])
def home(request, tmp_path):
    """Her home with lessons 3 and 4 side by side, as nbgrader's fetch lays them out."""
    for folder, name in (("selling_3", "channels.ipynb"), ("selling_4", "payments.ipynb")):
        (tmp_path / folder).mkdir()
        shutil.copy(COURSE / "source" / folder / name, tmp_path / folder / name)
    return request.param, tmp_path


def lesson4(home):
    lang, root = home
    return Lesson({"fr": "x", "ar": "x"}, lang, root / "selling_4" / "payments.ipynb")


def test_cod_cost_reads_her_month_from_lesson_3_and_keeps_her_fee(home):
    lang, root = home
    view = payments_view.CodCost(lesson4(home))
    # not yet: she is told, and lesson 3's example month stands in
    assert view.month is None and {"fr": "Pas encore", "ar": "ليس بعد"}[lang] in view.children[0].value
    view.fee.value = "10"
    assert "718" in view.result.value
    AnswerStore(root / "selling_3" / "channels.ipynb").save_data(
        "refusals", {"sent": 20, "refused": 2, "price": 300, "delivery_out": 30, "delivery_back": 15, "packaging": 5})
    view = payments_view.CodCost(lesson4(home))
    assert view.month.sent == 20
    view.fee.value = "12"
    # 18 parcels paid for x 12 DH + 2 refusals x 50 DH = 316 DH
    assert "316" in view.result.value and ("\u2066" in view.result.value) == (lang == "ar")
    assert payments_view.CodCost(lesson4(home)).fee.value == "12"  # kept across a reload
    view.fee.value = "-3"
    assert "fadaa-feedback-error" in view.result.value


def test_payment_options_form_is_kept_and_printed_in_her_language(home):
    lang, _root = home
    form = payments_view.PaymentOptionsForm(lesson4(home))
    assert "fadaa-feedback-saved" in form.feedback.value  # what is still missing, as a note
    form.texts["seller"].value = "Coopérative Nour" if lang == "fr" else "تعاونية نور"
    form.texts["phone"].value = "06 12 34 56 78"
    form.boxes["transfer"].value = True
    form.boxes["cash_on_delivery"].value = True
    form.boxes["mobile_wallet"].value = True
    form.texts["wallet"].value = "06 11 22 33 44"
    form.texts["account_holder"].value = "Nour"
    form.texts["account_number"].value = "011 780 0000123456789012 34"
    form.texts["delivery_time"].value = "3 - 5"
    form.texts["return_rule"].value = "7"
    form.advance.value = "30"
    assert "fadaa-feedback-right" in form.feedback.value
    again = payments_view.PaymentOptionsForm(lesson4(home))
    assert again.boxes["transfer"].value and not again.boxes["platform_card"].value
    text = pdf_text(again.pdf())
    words = {"fr": ("Comment nous payer", "Virement bancaire", "Paiement à la livraison", "Titulaire du compte",
                    "Coopérative Nour"),
             "ar": ("طرق الدفع لدينا", "التحويل البنكي", "الدفع عند التسليم", "صاحب الحساب", "تعاونية نور")}[lang]
    for word in words:
        assert word in text, word
    assert "011 780 0000123456789012 34" in text and "06 12 34 56 78" in text and "30 %" in text
    assert "06 11 22 33 44" in text  # her wallet's number, in order in Arabic too
    assert ("Virement" in text) == (lang == "fr")
    for box in form.boxes.values():
        box.value = False
    with pytest.raises(ValueError):
        form.pdf()  # no way to pay ticked: the document button says the document could not be made


def test_arabic_sheet_keeps_the_advance_in_reading_order():
    options = payments.make_options(seller="تعاونية نور", methods=["cash_on_delivery"], advance_percent=30)
    text = pdf_text(payment_sheet.pdf_bytes(options, "ar", day=date(2026, 3, 31)), keep_lines=True)
    line = next(l for l in text.splitlines() if "تسبيق" in l)
    assert "30 %" in line and "% 30" not in line
    assert "31/03/2026" in text
