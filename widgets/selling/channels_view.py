"""Channels and getting paid on screen: the three ways to sell, and what refused parcels cost.

Thin over ``channels``: the sums are the rules'; this module lays them out.
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from .. import charts
from fadaa.core.checking import read_or_say_why
from fadaa.core.i18n import format_amount, format_number
from ..lesson import Lesson
from ..styles import scrolling
from . import channels, examples
from ..feedback_line import feedback_line
from ..forms import number_field, read_number

ICONS = {"marketplace": "🏬", "social": "📱", "own_shop": "🌐", "sent": "📦", "refused": "↩️",
         "price": "🏷️", "delivery_out": "🚚", "delivery_back": "🔙", "packaging": "🎁", "cash": "💵"}


def channels_table(lesson: Lesson) -> widgets.HTML:
    """The three ways to sell online, side by side: who brings buyers, what it costs, what it asks of her."""
    _ = lesson._
    head = [_("Marketplace"), _("Social networks and messaging"), _("Your own shop")]
    rows = [
        (_("Who brings the buyers"), [_("The platform"), _("You and your contacts"), _("You alone")]),
        (_("What it costs"), [_("Commission and fees on each sale"), _("Your time; paid adverts if you want"),
                              _("The site, the domain name, the payment service")]),
        (_("Your work"), [_("Listings, orders, parcels"), _("Answering every message, quickly"),
                          _("Everything: site, photos, payment, delivery")]),
        (_("Getting paid"), [_("The platform pays you after delivery"), _("Cash on delivery, or transfer"),
                             _("Cash on delivery, card or transfer")]),
    ]
    icons = [ICONS["marketplace"], ICONS["social"], ICONS["own_shop"]]
    head_html = "".join(f"<th>{i} {html.escape(h)}</th>" for i, h in zip(icons, head))
    body = "".join(f"<tr><th>{html.escape(label)}</th>" + "".join(f"<td>{html.escape(v)}</td>" for v in values)
                   + "</tr>" for label, values in rows)
    return widgets.HTML(scrolling(f'<table class="fadaa-channels"><tr><th></th>{head_html}</tr>{body}</table>'))


def month_table(month: channels.RefusalMonth, lang: str, _) -> str:
    lines = [
        (ICONS["sent"], _("Parcels sent"), format_number(month.sent, lang, 0)),
        (ICONS["refused"], _("Parcels refused"), format_number(month.refused, lang, 0)),
        (ICONS["price"], _("Price paid at the door"), format_amount(month.price, lang)),
        (ICONS["delivery_out"], _("Delivery to the buyer, per parcel"), format_amount(month.delivery_out, lang)),
        (ICONS["delivery_back"], _("Bringing a refused parcel back"), format_amount(month.delivery_back, lang)),
        (ICONS["packaging"], _("Packaging lost, per refused parcel"), format_amount(month.packaging, lang)),
    ]
    rows = "".join(f'<tr><td>{icon} {html.escape(label)}</td><td class="num">{value}</td></tr>'
                   for icon, label, value in lines)
    return f'<table class="fadaa-month">{rows}</table>'


def results_html(month: channels.RefusalMonth, lang: str, _) -> str:
    lines = [
        (_("Refused parcels, in percent"), format_number(channels.refusal_rate(month), lang, 1) + " %"),
        (_("Cost of one refused parcel"), format_amount(channels.cost_per_refusal(month), lang)),
        (_("What the refused parcels cost"), format_amount(channels.refusal_cost(month), lang)),
        (_("Cash collected at the door"), format_amount(channels.cash_collected(month), lang)),
        (_("Left after all deliveries"), format_amount(channels.left_after_delivery(month), lang)),
    ]
    rows = "".join(f'<tr><td>{html.escape(label)}</td><td class="num"><b>{value}</b></td></tr>' for label, value in lines)
    return f'<table class="fadaa-refusals">{rows}</table>'


def month_chart(month: channels.RefusalMonth, lang: str, _) -> widgets.Image:
    """Cash collected, what deliveries and refusals took from it, and what is left."""
    values = [channels.cash_collected(month), month.delivered * month.delivery_out, channels.refusal_cost(month),
              channels.left_after_delivery(month)]
    names = [_("Cash collected"), _("Deliveries"), _("Refused parcels"), _("Left")]
    colours = ["#1976d2", "#9e9e9e", "#c62828", "#2e7d32"]
    fig, ax = charts.new_figure(5.0, 2.6)
    xs = list(range(len(values)))
    ax.bar(xs, values, color=colours)
    ax.set_xticks(xs, [n for n in names], fontsize=8)
    ax.set_ylabel("DH")
    ax.set_title(_("Your month of cash on delivery"))
    if lang == "ar":
        ax.invert_xaxis()
    return charts.image_widget(fig)


def example_month_view(lesson: Lesson) -> widgets.HTML:
    return widgets.HTML(month_table(examples.EXAMPLE_MONTH, lesson.lang, lesson._))


def error_text(exc: channels.ChannelError, _) -> str:
    return {"more_refused_than_sent": _("More parcels refused than sent? Check the two numbers."),
            "not_whole": _("Parcels are counted in whole numbers."),
            "negative": _("A number cannot be below 0."),
            "too_large": _("This figure is too large. Check it.")}.get(exc.reason,
                                                                       _("Please type a number, for example 1 250."))


class RefusalCalculator(widgets.VBox):
    """Her own month of parcels paid on delivery: what refusals cost her, as she types."""

    DATA_KEY = "refusals"
    FIELDS = ("sent", "refused", "price", "delivery_out", "delivery_back", "packaging")

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        saved = lesson.kept(self.DATA_KEY, {})
        labels = {"sent": _("Parcels sent in a month"), "refused": _("Parcels refused"),
                  "price": _("Average price at the door"), "delivery_out": _("Delivery, per parcel"),
                  "delivery_back": _("Return, per refused parcel"), "packaging": _("Packaging lost, per refusal")}
        self.fields = {k: number_field(labels[k], saved.get(k), "" if k in ("sent", "refused") else "DH", icon=ICONS[k])
                       for k in self.FIELDS}
        self.result = widgets.HTML()
        self.chart = widgets.Box()
        for field in self.fields.values():
            field.observe(lambda _c: self._refresh(save=True), names="value")
        super().__init__([*self.fields.values(), self.result, self.chart])
        self._refresh()

    def month(self) -> channels.RefusalMonth:
        return channels.make_month(*(read_number(self.fields[k]) for k in self.FIELDS))

    def _refresh(self, save: bool = False) -> None:
        _ = self._
        if not self.fields["sent"].value.strip():
            self.result.value, self.chart.children = "", []
            return
        month = read_or_say_why(self.month, self.result, feedback_line("error", _("Please type a number, for example 1 250.")),
                                lambda exc: feedback_line("error", error_text(exc, _)), channels.ChannelError)
        if month is None:
            return
        self.result.value = results_html(month, self.lesson.lang, _)
        self.chart.children = [month_chart(month, self.lesson.lang, _)]
        if save:
            self.lesson.keep(self.DATA_KEY, {k: getattr(month, k) for k in self.FIELDS})
