"""The cash book lesson's worked month: March 2026 of « Nour » (``fadaa.widgets.bookkeeping.nour``)."""
from __future__ import annotations

from fadaa.widgets.bookkeeping import nour

EXAMPLE_OPENING = nour.MARCH_OPENING


def example_month(lang: str) -> list:
    """The example entries with their labels in ``lang``."""
    return nour.march_entries(lang)
