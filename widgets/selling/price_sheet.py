"""Her price sheet as documents she keeps: an XLSX workbook (prices, and every cost for her
accountant) and a PDF to print or send, in her language, Arabic shaped and right to left."""
from __future__ import annotations

from datetime import date
from typing import Sequence

from fadaa.core.documents.pdf import PdfDocument
from fadaa.core.documents.xlsx import workbook_bytes
from fadaa.core.i18n import format_amount, format_number, gettext_for
from . import pricing
from .words import part_names


def _words(lang: str) -> dict[str, str]:
    _ = gettext_for(lang)
    return {
        "title": _("Price sheet"), "prices": _("Prices"), "costs": _("Costs"),
        "product": _("Product"), "cost": _("Cost of one piece"), "covering": _("Price that covers everything"),
        "price": _("Selling price"), "platform_share": _("Platform's share"), "margin": _("Margin"),
        "margin_percent": _("Margin (%)"), **part_names(_),
        "hours": _("Hours"), "rate": _("Hourly rate"), "profit": _("Profit wanted"),
        "platform": _("Platform"), "commission": _("Commission (%)"), "fixed_fee": _("Fixed fee per sale"),
        "date": _("Date"), "seller": _("Cooperative or artisan"),
        "formula": _("Price that covers everything = (cost + profit + fixed fee) ÷ (1 − commission)."),
        "rates_note": _("Rates of your own platform, as written in its seller conditions."),
    }


def _platform_text(platform: pricing.Platform, lang: str, words: dict[str, str]) -> str:
    name = platform.name or "—"
    return (f'{words["platform"]}: {name} · {words["commission"]}: {format_number(platform.commission, lang)} · '
            f'{words["fixed_fee"]}: {format_amount(platform.fixed_fee, lang)}')


def xlsx_bytes(products: Sequence[pricing.ProductCosts], platform: pricing.Platform, lang: str) -> bytes:
    """Two sheets: the prices, and every cost of each product (what her accountant will ask for)."""
    w = _words(lang)
    lines = pricing.price_sheet(products, platform)
    prices_header = [w["product"], w["cost"], w["covering"], w["price"], w["platform_share"], w["margin"],
                     w["margin_percent"], w["platform"], w["commission"], w["fixed_fee"]]
    price_rows = [[l.name, l.cost, l.covering, l.price, l.platform, l.margin, l.margin_percent,
                   platform.name, platform.commission, platform.fixed_fee] for l in lines]
    cost_header = [w["product"], w["materials"], w["hours"], w["rate"], w["labour"], w["packaging"],
                   w["delivery"], w["cod_fee"], w["returns"], w["profit"], w["cost"]]
    cost_rows = []
    for p in products:
        parts = pricing.cost_parts(p)
        cost_rows.append([p.name, parts["materials"], p.hours, p.hourly_rate, parts["labour"], parts["packaging"],
                          parts["delivery"], parts["cod_fee"], parts["returns"], p.profit, pricing.total_cost(p)])
    return workbook_bytes({w["prices"]: (prices_header, price_rows), w["costs"]: (cost_header, cost_rows)}, lang,
                          money_columns={w["prices"]: [1, 2, 3, 4, 5, 9],
                                         w["costs"]: [1, 3, 4, 5, 6, 7, 8, 9, 10]})


def pdf_bytes(products: Sequence[pricing.ProductCosts], platform: pricing.Platform, lang: str,
              seller: str = "", day: date | None = None) -> bytes:
    """One page to print or send: her platform's rates, then one line per product."""
    w = _words(lang)
    doc = PdfDocument(lang, w["title"])
    if seller.strip():
        doc.paragraph(f'{w["seller"]}: {seller.strip()}')
    doc.paragraph(f'{w["date"]}: {(day or date.today()):%d/%m/%Y}')
    doc.paragraph(_platform_text(platform, lang, w))
    rows = [[l.name, format_amount(l.cost, lang), format_amount(l.price, lang),
             format_amount(l.platform, lang), format_amount(l.margin, lang)]
            for l in pricing.price_sheet(products, platform)]
    doc.table([w["product"], w["cost"], w["price"], w["platform_share"], w["margin"]], rows,
              widths=[60, 30, 30, 30, 25], numeric_columns=[1, 2, 3, 4])
    doc.paragraph(w["formula"], size=9)
    doc.paragraph(w["rates_note"], size=9)
    return doc.to_bytes()
