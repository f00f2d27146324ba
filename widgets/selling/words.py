"""The selling module's words, in her language: a listing's checklist and its levels, the costs of
one piece, the ways a buyer pays. Plain Python (gettext only): her price sheet, listing sheet and
payment sheet name things as the lessons' screens do, without importing a view."""
from __future__ import annotations

from . import listing


def item_names(_) -> dict[str, str]:
    """What each checklist point asks, in a few words."""
    return {
        "title_clear": _("A clear title: what it is, what it is made of"),
        "description": _("A description: how it is made, by whom, what it is for"),
        "dimensions": _("The sizes with their unit (cm), the weight if it matters"),
        "materials": _("The materials"),
        "photo_light": _("Photos in daylight, without flash"),
        "photo_background": _("A plain, tidy background"),
        "photo_angles": _("Several angles: front, back, side"),
        "photo_detail": _("A close-up of the work, and a photo that shows the size"),
        "delivery_time": _("A delivery time you can keep (made to order: say so)"),
        "care": _("How to clean and keep it"),
    }


def level_names(_) -> dict[str, str]:
    return {listing.READY: _("Ready to publish"), listing.ALMOST: _("Almost ready"),
            listing.TO_IMPROVE: _("To improve before publishing")}


def part_names(_) -> dict[str, str]:
    return {"materials": _("Materials"), "labour": _("Work (hours × rate)"), "packaging": _("Packaging"),
            "delivery": _("Delivery"), "cod_fee": _("Cash on delivery fee"), "returns": _("Returns")}


def method_names(_) -> dict[str, str]:
    return {"cash_on_delivery": _("Cash on delivery"), "transfer": _("Bank transfer"),
            "platform_card": _("Card, through a platform"), "mobile_wallet": _("Mobile wallet")}
