"""Getting paid on screen: the four ways side by side, what cash on delivery costs her, and her
payment options sheet. Thin over ``payments``: the sums and checks are the rules'."""
from __future__ import annotations

import html

import ipywidgets as widgets

from fadaa.core.checking import read_or_say_why
from ..feedback_line import feedback_line
from fadaa.core.i18n import format_amount
from ..lesson import Lesson
from ..styles import scrolling
from . import channels, examples, payment_examples, payment_sheet, payments
from .channels_view import month_table
from ..forms import number_field, read_number, text_field
from .own_records import her_refusal_month
from .words import method_names

ICONS = {"cash_on_delivery": "💵", "transfer": "🏦", "platform_card": "💳", "mobile_wallet": "📱",
         "fee": "🧾", "advance": "🤝", "seller": "🏷️", "phone": "📞", "delivery_time": "🚚", "return_rule": "↩️"}


def methods_table(lesson: Lesson) -> widgets.HTML:
    """The four ways to be paid: when the money reaches her, what it costs, whom to ask."""
    _ = lesson._
    names = method_names(_)
    rows = {
        "cash_on_delivery": (_("After delivery, when the courier pays you back"),
                             _("The courier's fee on each parcel, and the refused parcels (lesson 3)"),
                             _("Your courier: its fee and when it pays you")),
        "transfer": (_("Before you send the parcel"), _("What your bank charges, if anything"),
                     _("Your bank")),
        "platform_card": (_("When the platform pays you, on its own schedule"),
                          _("The platform's commission and fees (lesson 1)"),
                          _("The platform's seller conditions")),
        "mobile_wallet": (_("Ask your bank or your operator"), _("Ask your bank or your operator"),
                          _("Your bank or your operator")),
    }
    head = "".join(f"<th>{html.escape(h)}</th>" for h in
                   ("", _("When the money reaches you"), _("What it costs you"), _("Check with")))
    body = "".join(f"<tr><th>{ICONS[m]} {html.escape(names[m])}</th>"
                   + "".join(f"<td>{html.escape(v)}</td>" for v in rows[m]) + "</tr>" for m in payments.METHODS)
    return widgets.HTML(scrolling(f'<table class="fadaa-payment-ways"><tr>{head}</tr>{body}</table>'))


def cod_results_html(month: channels.RefusalMonth, fee: float, lang: str, _) -> str:
    lines = [
        (ICONS["fee"], _("Courier's fees on the parcels paid for"), format_amount(payments.cod_fees(month, fee), lang)),
        ("↩️", _("What the refused parcels cost"), format_amount(channels.refusal_cost(month), lang)),
        ("💸", _("Cash on delivery cost you, this month"), format_amount(payments.cod_month_cost(month, fee), lang)),
        ("📦", _("Per parcel paid for"), format_amount(payments.cod_cost_per_sale(month, fee), lang)),
        ("📊", _("In percent of the cash collected"),
         payment_sheet.percent_text(payments.cod_share_of_sales(month, fee), lang)),
    ]
    rows = "".join(f'<tr><td>{icon} {html.escape(label)}</td><td class="num"><b>{value}</b></td></tr>'
                   for icon, label, value in lines)
    return f'<table class="fadaa-cod-cost">{rows}</table>'


def example_cod_view(lesson: Lesson) -> widgets.HTML:
    """Lesson 3's month of parcels, with the courier's fee of the example."""
    _ = lesson._
    word = _("Courier fee per parcel paid at the door")
    fee = (f'<p>{ICONS["fee"]} {html.escape(word)}: '
           f'<b class="num">{format_amount(payment_examples.EXAMPLE_COD_FEE, lesson.lang)}</b></p>')
    return widgets.HTML(month_table(examples.EXAMPLE_MONTH, lesson.lang, _) + fee)


def error_text(exc: ValueError, _) -> str:
    reason = getattr(exc, "reason", "")
    return {"negative": _("A number cannot be below 0."),
            "too_large": _("This figure is too large. Check it."),
            "percent_over_100": _("An advance is at most 100 % of the price.")}.get(
        reason, _("Please type a number, for example 1 250."))


class CodCost(widgets.VBox):
    """Her month of parcels from lesson 3, and the courier's fee she types: what cash on delivery costs her."""

    DATA_KEY = "cod_fee"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        self.month = her_refusal_month(lesson)
        saved = lesson.kept(self.DATA_KEY, None)
        self.fee = number_field(_("Courier fee, per parcel"),
                                saved if isinstance(saved, (int, float)) else None, icon=ICONS["fee"])
        self.result = widgets.HTML()
        if self.month is None:
            intro = feedback_line("info", _("Not yet: lesson 3 keeps your month of parcels. Here is the example month; "
                                            "do lesson 3 with your own figures, then come back."))
            shown = examples.EXAMPLE_MONTH
        else:
            intro = feedback_line("saved", _("Your month of parcels, from lesson 3:"))
            shown = self.month
        self.fee.observe(lambda _c: self._refresh(save=True), names="value")
        super().__init__([widgets.HTML(intro + month_table(shown, lesson.lang, _)), self.fee, self.result])
        self._refresh()

    def shown_month(self) -> channels.RefusalMonth:
        return self.month or examples.EXAMPLE_MONTH

    def _refresh(self, save: bool = False) -> None:
        _ = self._
        if not self.fee.value.strip():
            self.result.value = ""
            return
        fee = read_or_say_why(lambda: payments.courier_fee(read_number(self.fee)), self.result,
                              feedback_line("error", _("Please type a number, for example 1 250.")),
                              lambda exc: feedback_line("error", error_text(exc, _)), payments.PaymentError)
        if fee is None:
            return
        self.result.value = cod_results_html(self.shown_month(), fee, self.lesson.lang, _)
        if save:
            self.lesson.keep(self.DATA_KEY, fee)


class AdvanceCalculator(widgets.VBox):
    """A piece made to order: the advance she asks, as she types its price and the share."""

    def __init__(self, lesson: Lesson):
        _ = self._ = lesson._
        self.lesson = lesson
        self.price = number_field(_("Price of the piece"), icon="🏷️")
        self.percent = number_field(_("Advance (%)"), placeholder="%", icon=ICONS["advance"])
        self.result = widgets.HTML()
        for field in (self.price, self.percent):
            field.observe(lambda _c: self._refresh(), names="value")
        super().__init__([self.price, self.percent, self.result])

    def _refresh(self) -> None:
        _ = self._
        if not (self.price.value.strip() and self.percent.value.strip()):
            self.result.value = ""
            return
        amount = read_or_say_why(lambda: payments.advance(read_number(self.price), read_number(self.percent)), self.result,
                                 feedback_line("error", _("Please type a number, for example 1 250.")),
                                 lambda exc: feedback_line("error", error_text(exc, _)), payments.PaymentError)
        if amount is not None:
            word = _("Advance to ask before you start")
            self.result.value = (f'<p>{ICONS["advance"]} {html.escape(word)}: '
                                 f'<b class="num fadaa-big">{format_amount(amount, self.lesson.lang)}</b></p>')


def missing_names(_) -> dict[str, str]:
    return {"seller": _("Your name or your cooperative's"), "phone": _("A phone number buyers can call"),
            "methods": _("At least one way to pay"),
            "transfer_details": _("For a transfer: the account holder and the account number"),
            "platform": _("For a card: the platform's name"), "wallet": _("For a mobile wallet: which one, which number"),
            "delivery_time": _("Your delivery time"), "return_rule": _("Your rule for returns")}


class PaymentOptionsForm(widgets.VBox):
    """Her payment options: what she accepts and what a buyer needs to pay her; kept, and printed as a sheet."""

    DATA_KEY = "payment_options"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        saved = payments.PaymentOptions.from_json(lesson.kept(self.DATA_KEY, {}))
        names = method_names(_)
        self.boxes = {m: widgets.Checkbox(value=m in saved.methods, description=f"{ICONS[m]} {names[m]}", indent=False,
                                          layout=widgets.Layout(width="100%")) for m in payments.METHODS}
        for box in self.boxes.values():
            box.add_class("fadaa-checklist-box")
        self.texts = {
            "seller": text_field(_("Your name or your cooperative's"), saved.seller, icon=ICONS["seller"]),
            "phone": text_field(_("Phone"), saved.phone, "06 …", icon=ICONS["phone"]),
            "account_holder": text_field(_("Account holder"), saved.account_holder, icon=ICONS["transfer"]),
            "bank": text_field(_("Bank"), saved.bank, icon=ICONS["transfer"]),
            "account_number": text_field(_("Account number (RIB)"), saved.account_number, icon=ICONS["transfer"]),
            "platform": text_field(_("Platform that takes the card"), saved.platform, icon=ICONS["platform_card"]),
            "wallet": text_field(_("Mobile wallet"), saved.wallet, _("which one, which number"),
                                 icon=ICONS["mobile_wallet"]),
            "delivery_time": text_field(_("Delivery time"), saved.delivery_time, _("e.g. 3 to 5 days"),
                                        icon=ICONS["delivery_time"]),
            "return_rule": text_field(_("Your rule for returns"), saved.return_rule,
                                      _("e.g. unused, in its packaging, return paid by the buyer"),
                                      icon=ICONS["return_rule"]),
        }
        self.advance = number_field(_("Advance on orders (%)"),
                                    saved.advance_percent or None, "%", icon=ICONS["advance"])
        self.feedback = widgets.HTML()
        name = lesson.pick("moyens_de_paiement", "turuq_al_daf")
        self.document = lesson.document(fr="💳 Ma fiche des moyens de paiement (PDF)",
                                        ar="💳 بطاقة طرق الدفع (PDF)", filename=f"{name}.pdf", build=self.pdf)
        for widget in [*self.boxes.values(), *self.texts.values(), self.advance]:
            widget.observe(lambda _c: self._refresh(save=True), names="value")
        prompt = _("Tick the ways you accept:")
        super().__init__([self.texts["seller"], self.texts["phone"],
                          widgets.HTML(f'<div class="fadaa-prompt">{html.escape(prompt)}</div>'), *self.boxes.values(),
                          *(self.texts[k] for k in ("account_holder", "bank", "account_number", "platform", "wallet",
                                                    "delivery_time", "return_rule")),
                          self.advance, self.feedback, self.document])
        self._refresh()

    def options(self) -> payments.PaymentOptions:
        return payments.make_options(methods=[m for m, box in self.boxes.items() if box.value],
                                     advance_percent=read_number(self.advance),
                                     **{k: field.value for k, field in self.texts.items()})

    def _refresh(self, save: bool = False) -> None:
        _ = self._
        options = read_or_say_why(self.options, self.feedback,
                                  feedback_line("error", _("Please type a number, for example 1 250.")),
                                  lambda exc: feedback_line("error", error_text(exc, _)), payments.PaymentError)
        if options is None:
            return
        gaps = payments.missing(options)
        names = missing_names(_)
        if gaps:
            self.feedback.value = feedback_line("info", _("A buyer will still ask:") + " "
                                                + "; ".join(names[g] for g in gaps))
        else:
            self.feedback.value = feedback_line("right", _("Your sheet answers what a buyer asks before paying."))
        if save:
            self.lesson.keep(self.DATA_KEY, options.to_json())

    def pdf(self) -> bytes:
        options = self.options()
        if not options.methods:
            raise ValueError("no way to pay ticked yet")
        return payment_sheet.pdf_bytes(options, self.lesson.lang)
