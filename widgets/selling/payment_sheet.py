"""Her payment options sheet: one page she can show or send to a buyer before the buyer pays, in her
language (Arabic shaped, right to left, amounts kept left to right)."""
from __future__ import annotations

from datetime import date

from fadaa.core.documents.pdf import PdfDocument
from fadaa.core.i18n import RIGHT_TO_LEFT, format_number, gettext_for, isolate
from .payments import PaymentOptions
from .words import method_names


def percent_text(value: float, lang: str) -> str:
    """'30 %', kept left to right as one piece inside Arabic text."""
    text = format_number(value, "fr", 1) + "\u00a0%"
    return isolate(text) if lang in RIGHT_TO_LEFT else text


def left_to_right(text: str, lang: str) -> str:
    """A phone or an account number: groups of digits that must keep their order in Arabic too."""
    return isolate(text) if text and lang in RIGHT_TO_LEFT else text


def her_words(text: str, lang: str) -> str:
    """Her own words inside a sentence of the sheet, in their own direction: a wallet's number reads
    left to right, a name in Arabic right to left (a first-strong isolate)."""
    return f"\u2068{text}\u2069" if text and lang in RIGHT_TO_LEFT else text


def method_how(options: PaymentOptions, _, lang: str = "fr") -> dict[str, str]:
    """What a buyer does to pay each way, as the sheet tells her."""
    return {"cash_on_delivery": _("You pay the delivery person when the parcel arrives."),
            "transfer": _("You transfer the price to our account before we send the parcel."),
            "platform_card": _("You pay by card in our shop on {platform}.").format(
                platform=her_words(options.platform, lang) or "…"),
            "mobile_wallet": _("You pay from your phone: {wallet}.").format(wallet=her_words(options.wallet, lang) or "…")}


def pdf_bytes(options: PaymentOptions, lang: str, day: date | None = None) -> bytes:
    _ = gettext_for(lang)
    doc = PdfDocument(lang, _("How to pay us"))
    if options.seller:
        doc.heading(options.seller, size=14)
    if options.phone:
        doc.paragraph(_("{label}: {value}").format(label=_("Phone"), value=left_to_right(options.phone, lang)))
    names, how = method_names(_), method_how(options, _, lang)
    doc.table([_("Way to pay"), _("What you do")], [[names[m], how[m]] for m in options.methods], widths=[50, 120])
    if "transfer" in options.methods:
        doc.heading(_("Our account for a transfer"), size=12)
        doc.table([_("Account holder"), _("Bank"), _("Account number (RIB)")],
                  [[options.account_holder, options.bank, left_to_right(options.account_number, lang)]], widths=[55, 45, 70])
    if options.advance_percent:
        doc.paragraph(_("A piece made to order: an advance of {percent} of its price before we start.").format(
            percent=percent_text(options.advance_percent, lang)))
    if options.delivery_time:
        doc.paragraph(_("{label}: {value}").format(label=_("Delivery"), value=options.delivery_time))
    if options.return_rule:
        doc.paragraph(_("{label}: {value}").format(label=_("Returns"), value=options.return_rule))
    doc.paragraph(_("{label}: {value}").format(label=_("Date"), value=f"{(day or date.today()):%d/%m/%Y}"), size=9)
    return doc.to_bytes()
