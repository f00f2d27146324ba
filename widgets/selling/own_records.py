"""What she kept in earlier selling lessons, read from her copies of those notebooks (her month of
parcels from lesson 3, her listing from lesson 2), the way the bookkeeping lessons read her cash book.

A damaged or hand-edited notebook never stops a lesson: what does not read counts as not there yet.
"""
from __future__ import annotations

import logging
from pathlib import Path

from fadaa.core.answer_store import AnswerStore
from ..bookkeeping.own_records import sibling_notebook
from . import channels, listing

log = logging.getLogger(__name__)

CHANNELS_NOTEBOOK = Path("selling_3") / "channels.ipynb"
LISTING_NOTEBOOK = Path("selling_2") / "listing.ipynb"
REFUSALS_KEY = "refusals"   # channels_view.RefusalCalculator.DATA_KEY
LISTING_KEY = "listing"     # listing_view.ListingChecker.DATA_KEY


def _data(notebook: Path | None, key: str) -> dict:
    if notebook is None:
        return {}
    try:
        data = AnswerStore(notebook).load_data(key, {})
    except Exception:  # noqa: BLE001 - an unreadable notebook only means it is not there yet
        log.warning("could not read %s in %s", key, notebook, exc_info=True)
        return {}
    return data if isinstance(data, dict) else {}


def _own(lesson) -> Path | None:
    return lesson.store.path if getattr(lesson, "store", None) else None


def refusal_month_from(notebook: Path | None) -> channels.RefusalMonth | None:
    """Her month of parcels paid on delivery (lesson 3), or None."""
    data = _data(notebook, REFUSALS_KEY)
    try:
        return channels.make_month(**{k: data[k] for k in ("sent", "refused", "price", "delivery_out",
                                                           "delivery_back", "packaging")})
    except (KeyError, TypeError, channels.ChannelError):
        return None


def her_refusal_month(lesson) -> channels.RefusalMonth | None:
    return refusal_month_from(sibling_notebook(_own(lesson), CHANNELS_NOTEBOOK))


def listing_from(notebook: Path | None) -> dict | None:
    """Her listing (lesson 2): title, description and the checklist points she ticked, or None."""
    data = _data(notebook, LISTING_KEY)
    title, description = str(data.get("title") or "").strip(), str(data.get("description") or "").strip()
    if not (title or description):
        return None
    ticked = [k for k in data.get("ticked", []) if k in listing.KEYS] if isinstance(data.get("ticked"), list) else []
    return {"title": title[:200], "description": description[:2000], "ticked": ticked}


def her_listing(lesson) -> dict | None:
    return listing_from(sibling_notebook(_own(lesson), LISTING_NOTEBOOK))
