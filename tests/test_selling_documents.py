"""The price sheet she takes away: the XLSX opens with openpyxl, the PDF's text (pypdf) holds her
products, her prices and the right words in her language."""
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from fadaa.widgets.selling import price_sheet, pricing
from conftest import pdf_text

PLATFORM = pricing.make_platform("Souk Nour", commission=12, fixed_fee=4)
WORDS = {
    "fr": {"title": "Fiche de prix", "price": "Prix de vente", "margin": "Marge", "platform": "Plateforme",
           "prices_sheet": "Prix", "costs_sheet": "Coûts"},
    "ar": {"title": "بطاقة الأسعار", "price": "ثمن البيع", "margin": "الهامش", "platform": "المنصة",
           "prices_sheet": "الأسعار", "costs_sheet": "التكاليف"},
}
NAMES = {"fr": ("Coussin brodé", "Panier en doum"), "ar": ("وسادة مطرزة", "سلة دوم")}


def products(lang):
    cushion, basket = NAMES[lang]
    return [pricing.make_costs(cushion, materials=120, hours=5, hourly_rate=20, packaging=10, cod_fee=15,
                               return_rate=10, return_cost=50),
            pricing.make_costs(basket, materials=30, hours=2, hourly_rate=15, packaging=5, profit=10)]




@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_xlsx_holds_her_products_prices_and_costs(lang):
    book = load_workbook(io.BytesIO(price_sheet.xlsx_bytes(products(lang), PLATFORM, lang)))
    words = WORDS[lang]
    assert book.sheetnames == [words["prices_sheet"], words["costs_sheet"]]
    prices = book[words["prices_sheet"]]
    header = [c.value for c in prices[1]]
    assert words["price"] in header and words["margin"] in header
    rows = {r[0]: r for r in prices.iter_rows(min_row=2, values_only=True)}
    expected = {l.name: l for l in pricing.price_sheet(products(lang), PLATFORM)}
    assert set(rows) == set(NAMES[lang])
    for name, line in expected.items():
        row = rows[name]
        assert row[header.index(words["price"])] == line.price
        assert row[header.index(words["margin"])] == line.margin
        assert row[1] == line.cost
    cushion = rows[NAMES[lang][0]]
    assert cushion[3] == 290  # (250 + 4) / 0.88 = 288.64, rounded up to 290
    assert prices.sheet_view.rightToLeft is (lang == "ar")
    assert prices["D2"].number_format.endswith('"DH"')
    costs = list(book[words["costs_sheet"]].iter_rows(min_row=2, values_only=True))
    assert costs[0][0] == NAMES[lang][0] and costs[0][4] == 100 and costs[0][-1] == 250


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_pdf_text_holds_her_figures_and_words(lang):
    data = price_sheet.pdf_bytes(products(lang), PLATFORM, lang, seller="Nour", day=date(2026, 3, 31))
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    words = WORDS[lang]
    for word in (words["title"], words["price"], words["margin"], words["platform"]):
        assert word in text, word
    for name in NAMES[lang]:
        assert name in text, name  # Arabic names come out shaped back to their letters, in order
    lines = pricing.price_sheet(products(lang), PLATFORM)
    assert "290 DH" in text and "250 DH" in text
    assert f"{lines[1].price:g} DH" in text
    assert "Souk Nour" in text and "31/03/2026" in text
    if lang == "fr":
        assert "ثمن" not in text
    else:
        assert "Prix de vente" not in text


def test_arabic_pdf_is_right_to_left_with_amounts_kept_in_order():
    text = pdf_text(price_sheet.pdf_bytes(products("ar"), PLATFORM, "ar"), keep_lines=True)
    row = next(line for line in text.splitlines() if NAMES["ar"][0] in line)
    # the first column (the product) stands at the right, the margin at the left, and every amount
    # keeps "290 DH" order ("DH 290" would be an amount laid out backwards)
    assert row.strip() == f"1,2 DH 38,8 DH 290 DH 250 DH {NAMES['ar'][0]}"

