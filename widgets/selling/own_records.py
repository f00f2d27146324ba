"""What she kept in earlier selling lessons (her month of parcels from lesson 3, her listing from
lesson 2), read with ``lesson.earlier`` the way the bookkeeping lessons read her cash book.

A damaged or hand-edited notebook never stops a lesson: what does not read counts as not there yet.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from . import channels, listing

CHANNELS_NOTEBOOK = Path("selling_3") / "channels.ipynb"
LISTING_NOTEBOOK = Path("selling_2") / "listing.ipynb"
REFUSALS_KEY = "refusals"   # channels_view.RefusalCalculator.DATA_KEY
LISTING_KEY = "listing"     # listing_view.ListingChecker.DATA_KEY


def refusal_month_from(data: Any) -> channels.RefusalMonth | None:
    """Her month of parcels paid on delivery (lesson 3), or None."""
    try:
        return channels.make_month(**{k: data[k] for k in ("sent", "refused", "price", "delivery_out",
                                                           "delivery_back", "packaging")})
    except (KeyError, TypeError, channels.ChannelError):
        return None


def her_refusal_month(lesson) -> channels.RefusalMonth | None:
    return refusal_month_from(lesson.earlier(CHANNELS_NOTEBOOK, REFUSALS_KEY))


def listing_from(data: Any) -> dict | None:
    """Her listing (lesson 2): title, description and the checklist points she ticked, or None."""
    if not isinstance(data, dict):
        return None
    title, description = str(data.get("title") or "").strip(), str(data.get("description") or "").strip()
    if not (title or description):
        return None
    ticked = [k for k in data.get("ticked", []) if k in listing.KEYS] if isinstance(data.get("ticked"), list) else []
    return {"title": title[:200], "description": description[:2000], "ticked": ticked}


def her_listing(lesson) -> dict | None:
    return listing_from(lesson.earlier(LISTING_NOTEBOOK, LISTING_KEY))
