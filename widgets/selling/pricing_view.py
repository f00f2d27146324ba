"""Pricing on screen: the worked cushion, the margin chart, and her own price sheet.

Thin over ``pricing``: every sum comes from the rules; this module only lays them out.
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from .. import charts
from fadaa.core.checking import read_or_say_why
from fadaa.core.i18n import format_amount, format_number
from ..lesson import Lesson
from . import examples, price_sheet, pricing
from ..feedback_line import feedback_line
from ..forms import NotANumber, number_field, read_number, text_field
from .words import part_names

ICONS = {"materials": "🧶", "labour": "⏱️", "packaging": "📦", "delivery": "🚚", "cod_fee": "💵",
         "returns": "↩️", "platform": "🏪", "margin": "💰", "cost": "🧾"}
COLOURS = {"cost": "#9e9e9e", "platform": "#ef6c00", "margin": "#2e7d32", "loss": "#c62828"}


def error_text(exc: pricing.PricingError, _) -> str:
    return {"commission_too_high": _("A commission of 100 % or more takes the whole price: no price can cover it. Check the rate."),
            "return_rate_too_high": _("If every parcel came back, nothing would be sold. Check the share of returns."),
            "negative": _("A cost cannot be below 0."),
            "too_large": _("This figure is too large. Check it."),
            }.get(exc.reason, _("Please type a number, for example 1 250."))


def costs_table(costs: pricing.ProductCosts, lang: str, _) -> str:
    """One line per cost of one piece, with its icon, and the total."""
    names = part_names(_)
    total_word = html.escape(_("Cost of one piece"))
    rows = "".join(f'<tr><td>{ICONS[key]} {html.escape(names[key])}</td>'
                   f'<td class="num">{format_amount(value, lang)}</td></tr>'
                   for key, value in pricing.cost_parts(costs).items())
    return (f'<table class="fadaa-costs">{rows}<tr><th>{ICONS["cost"]} {total_word}</th>'
            f'<th class="num">{format_amount(pricing.total_cost(costs), lang)}</th></tr></table>')


def price_split_chart(lines: list[pricing.PriceLine], lang: str, _) -> widgets.Image:
    """One bar per price: what goes to costs, to the platform, and what is left (the margin)."""
    fig, ax = charts.new_figure(5.0, 1.0 + 0.6 * len(lines))
    ys = list(range(len(lines)))
    costs = [l.cost for l in lines]
    shares = [l.platform for l in lines]
    margins = [max(l.margin, 0) for l in lines]
    losses = [min(l.margin, 0) for l in lines]
    ax.barh(ys, costs, color=COLOURS["cost"], label=_("Costs"))
    ax.barh(ys, shares, left=costs, color=COLOURS["platform"], label=_("Platform's share"))
    ax.barh(ys, margins, left=[c + s for c, s in zip(costs, shares)], color=COLOURS["margin"],
            label=_("Margin"))
    if any(losses):
        ax.barh(ys, losses, color=COLOURS["loss"], label=_("Loss"))
    ax.set_yticks(ys, [f"{l.name[:22]} · {format_amount(l.price, lang)}" for l in lines])
    ax.invert_yaxis()  # the first product on top, as in the table
    ax.set_xlabel("DH")
    ax.set_title(_("Where the price goes"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3 - 0.1 / len(lines)), ncol=3, fontsize=8, frameon=False)
    if lang == "ar":
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    return charts.image_widget(fig)


def example_costs_view(lesson: Lesson) -> widgets.HTML:
    return widgets.HTML(costs_table(examples.example_cushion(lesson.lang), lesson.lang, lesson._))


def example_price_view(lesson: Lesson) -> widgets.VBox:
    """The same cushion at the price that just covers everything, and at a rounded-up price."""
    cushion = examples.example_cushion(lesson.lang)
    lines = [pricing.price_line(cushion, examples.EXAMPLE_PLATFORM, examples.example_covering_price()),
             pricing.price_line(cushion, examples.EXAMPLE_PLATFORM, examples.EXAMPLE_SELLING_PRICE)]
    return widgets.VBox([widgets.HTML(sheet_table(lines, lesson.lang, lesson._)),
                         price_split_chart(lines, lesson.lang, lesson._)])


def sheet_table(lines: list[pricing.PriceLine], lang: str, _) -> str:
    words = {k: html.escape(v) for k, v in {
        "product": _("Product"), "cost": _("Cost of one piece"), "price": _("Selling price"),
        "platform": _("Platform's share"), "margin": _("Margin")}.items()}
    head = (f'<tr><th>{words["product"]}</th><th>{ICONS["cost"]} {words["cost"]}</th>'
            f'<th>🏷️ {words["price"]}</th><th>{ICONS["platform"]} {words["platform"]}</th>'
            f'<th>{ICONS["margin"]} {words["margin"]}</th></tr>')
    rows = "".join(f'<tr><td>{html.escape(l.name)}</td><td class="num">{format_amount(l.cost, lang)}</td>'
                   f'<td class="num"><b>{format_amount(l.price, lang)}</b></td>'
                   f'<td class="num">{format_amount(l.platform, lang)}</td>'
                   f'<td class="num">{format_amount(l.margin, lang)}</td></tr>' for l in lines)
    return f'<table class="fadaa-price-sheet">{head}{rows}</table>'


class PriceCalculator(widgets.VBox):
    """Her platform's rates and her products: the price of each as she types, then her price sheet."""

    DATA_KEY = "price_sheet"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        saved = lesson.kept(self.DATA_KEY, {})
        self.products: list[pricing.ProductCosts] = []
        for data in saved.get("products", []):
            try:
                self.products.append(pricing.ProductCosts.from_json(data))
            except (pricing.PricingError, TypeError):
                continue  # a line saved by hand that no longer reads: leave it out, keep the rest
        rates = saved.get("platform", {})

        self.platform_name = text_field(_("Your platform"), rates.get("name", ""), _("e.g. the name of the site"),
                                        icon=ICONS["platform"])
        self.commission = number_field(_("Commission (%)"), rates.get("commission"), "%", icon=ICONS["platform"])
        self.fixed_fee = number_field(_("Fixed fee per sale"), rates.get("fixed_fee"), icon=ICONS["platform"])
        self.name = text_field(_("Product"), placeholder=_("e.g. a wool cushion"), icon="🏷️")
        self.materials = number_field(_("Materials"), icon=ICONS["materials"])
        self.hours = number_field(_("Hours"), placeholder="h", icon=ICONS["labour"])
        self.rate = number_field(_("Hourly rate"), placeholder=_("DH per hour"), icon=ICONS["labour"])
        self.packaging = number_field(_("Packaging"), icon=ICONS["packaging"])
        self.delivery = number_field(_("Delivery you pay"), icon=ICONS["delivery"])
        self.cod_fee = number_field(_("Cash on delivery fee"), icon=ICONS["cod_fee"])
        self.return_rate = number_field(_("Parcels that come back (%)"), placeholder="%", icon=ICONS["returns"])
        self.return_cost = number_field(_("Cost of one parcel that comes back"), icon=ICONS["returns"])
        self.profit = number_field(_("Profit wanted"), icon=ICONS["margin"])
        self.result = widgets.HTML()
        self.add = widgets.Button(description=_("Add to my price sheet"), icon="plus", button_style="success",
                                  layout=widgets.Layout(min_height="48px", width="auto"))
        self.add.add_class("fadaa-add-product")
        self.remove = widgets.Button(description=_("Remove the last product"), icon="trash",
                                     layout=widgets.Layout(min_height="48px", width="auto"))
        self.sheet = widgets.HTML()
        self.chart = widgets.Box()
        self.documents = widgets.HBox([
            lesson.document(fr="📄 Ma fiche de prix (PDF)", ar="📄 بطاقة أسعاري (PDF)",
                            filename=lesson.pick("fiche_de_prix", "bitaqat_al_asaar") + ".pdf", build=self.pdf),
            lesson.document(fr="📊 Ma fiche de prix (Excel)", ar="📊 بطاقة أسعاري (Excel)",
                            filename=lesson.pick("fiche_de_prix", "bitaqat_al_asaar") + ".xlsx", build=self.xlsx)],
            layout=widgets.Layout(flex_flow="row wrap"))

        fields = [self.platform_name, self.commission, self.fixed_fee, self.name, self.materials, self.hours,
                  self.rate, self.packaging, self.delivery, self.cod_fee, self.return_rate, self.return_cost,
                  self.profit]
        for field in fields[3:]:
            field.observe(lambda _c: self.preview(), names="value")
        for field in fields[:3]:  # new rates change every price of her sheet
            field.observe(lambda _c: (self.preview(), self._refresh(save=True)), names="value")
        self.add.on_click(lambda _b: self.add_product())
        self.remove.on_click(lambda _b: self.remove_last())
        rates_title, product_title = _("Your platform's rates"), _("One of your products")
        platform_box = widgets.VBox([widgets.HTML(f'<div class="fadaa-prompt">{html.escape(rates_title)}</div>'),
                                     *fields[:3]])
        product_box = widgets.VBox([widgets.HTML(f'<div class="fadaa-prompt">{html.escape(product_title)}</div>'),
                                    *fields[3:]])
        super().__init__([platform_box, product_box, self.result, widgets.HBox([self.add, self.remove]),
                          self.sheet, self.chart, self.documents])
        self.preview()
        self._refresh()

    # -- reading her figures
    def platform(self) -> pricing.Platform:
        return pricing.make_platform(self.platform_name.value, read_number(self.commission), read_number(self.fixed_fee))

    def product(self) -> pricing.ProductCosts:
        return pricing.make_costs(self.name.value or self._("My product"), read_number(self.materials), read_number(self.hours),
                                  read_number(self.rate), read_number(self.packaging), read_number(self.delivery), read_number(self.cod_fee),
                                  read_number(self.return_rate), read_number(self.return_cost), read_number(self.profit))

    def priced(self) -> tuple[pricing.ProductCosts, pricing.PriceLine]:
        platform, product = self.platform(), self.product()
        return product, pricing.price_line(product, platform)

    def preview(self) -> pricing.PriceLine | None:
        """The price of the product she is typing, at once; a clear word when a figure is wrong."""
        _ = self._
        lang = self.lesson.lang
        if not any(f.value.strip() for f in (self.materials, self.hours, self.packaging)):
            self.result.value = ""  # nothing typed yet: no table of zeros
            return None
        priced = read_or_say_why(self.priced, self.result, feedback_line("error", _("Please type a number, for example 1 250.")),
                                 lambda exc: feedback_line("error", error_text(exc, _)), pricing.PricingError)
        if priced is None:
            return None
        product, line = priced
        notes = {"no_hours": _("No hours? Your work is a cost too: count the hours, even roughly."),
                 "no_hourly_rate": _("Give your hour a value, so that your work is paid.")}
        covering_word, price_word, margin_word = _("Price that covers everything"), _("Selling price"), _("Margin")
        text = (f'<div class="fadaa-price-result">{costs_table(product, lang, _)}'
                f'<p>{html.escape(covering_word)}: <b class="num">{format_amount(line.covering, lang)}</b><br>'
                f'🏷️ {html.escape(price_word)}: <b class="num fadaa-big">{format_amount(line.price, lang)}</b><br>'
                f'{ICONS["margin"]} {html.escape(margin_word)}: <span class="num">{format_amount(line.margin, lang)}</span>'
                f' (<span class="num">{format_number(line.margin_percent, lang, 1)} %</span>)</p></div>')
        self.result.value = text + "".join(feedback_line("info", notes[w]) for w in pricing.warnings(product))
        return line

    # -- her sheet
    def add_product(self) -> None:
        if self.preview() is None:
            return
        self.products.append(self.product())
        for field in (self.name, self.materials, self.hours, self.packaging):
            field.value = ""
        self._refresh(save=True)

    def remove_last(self) -> None:
        if self.products:
            self.products.pop()
            self._refresh(save=True)

    def lines(self) -> list[pricing.PriceLine]:
        try:
            return pricing.price_sheet(self.products, self.platform())
        except (NotANumber, pricing.PricingError):
            return []

    def _refresh(self, save: bool = False) -> None:
        lang, lines = self.lesson.lang, self.lines()
        self.sheet.value = sheet_table(lines, lang, self._) if lines else ""
        self.chart.children = [price_split_chart(lines, lang, self._)] if lines else []
        if save:
            try:
                rates = self.platform().to_json()
            except (NotANumber, pricing.PricingError):
                rates = {}
            self.lesson.keep(self.DATA_KEY, {"platform": rates,
                                             "products": [p.to_json() for p in self.products]})

    # -- her documents
    def _sheet_products(self) -> list[pricing.ProductCosts]:
        if not self.products:
            raise ValueError("no product on the price sheet yet")
        return self.products

    def pdf(self) -> bytes:
        return price_sheet.pdf_bytes(self._sheet_products(), self.platform(), self.lesson.lang)

    def xlsx(self) -> bytes:
        return price_sheet.xlsx_bytes(self._sheet_products(), self.platform(), self.lesson.lang)
