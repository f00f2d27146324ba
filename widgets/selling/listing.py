"""A good listing: the checklist she scores her own listing against, and quick checks of her title
and description. Plain Python, tested without Jupyter.

Marketplaces check listings before they go online (a clear title, a description, good photos), and
buyers who pay on delivery refuse parcels that do not look like the photo: every point of the
checklist is about being found and being believed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

# (key, group): one point each. The groups are what the lesson's steps are about.
CHECKLIST: tuple[tuple[str, str], ...] = (
    ("title_clear", "text"),        # the title says what it is and what it is made of
    ("description", "text"),        # how it is made, by whom, what it is for
    ("dimensions", "text"),         # sizes with their unit (cm), weight if it matters
    ("materials", "text"),          # the materials, natural dyes, ...
    ("photo_light", "photos"),      # daylight, no flash
    ("photo_background", "photos"), # a plain, tidy background
    ("photo_angles", "photos"),     # several angles: front, back, side
    ("photo_detail", "photos"),     # a close-up of the work, and one that shows the size
    ("delivery_time", "buyer"),     # a delivery time she can keep (made to order: say so)
    ("care", "buyer"),              # how to clean and keep it
)
KEYS = tuple(key for key, _group in CHECKLIST)
READY, ALMOST, TO_IMPROVE = "ready", "almost", "to_improve"


class UnknownItem(KeyError):
    """A checklist key that does not exist (a tampered saved answer)."""


@dataclass(frozen=True)
class Score:
    points: int
    total: int
    missing: tuple[str, ...]  # in checklist order: what to fix first

    @property
    def level(self) -> str:
        """Ready from 8 points in 10, almost from 5: the missing items say what to do next."""
        share = self.points / self.total
        return READY if share >= 0.8 else ALMOST if share >= 0.5 else TO_IMPROVE


def score(ticked: Iterable[str]) -> Score:
    """One point for every checklist item her listing has; the missing ones, in checklist order."""
    ticked = set(ticked)
    unknown = ticked - set(KEYS)
    if unknown:
        raise UnknownItem(sorted(unknown)[0])
    return Score(len(ticked), len(KEYS), tuple(k for k in KEYS if k not in ticked))


# -- quick checks of what she typed
TITLE_MIN_WORDS = 3
TITLE_MAX_CHARS = 80        # what a phone shows on one or two lines
DESCRIPTION_MIN_WORDS = 25  # enough for how, by whom, with what, what size

_WORD = re.compile(r"\w+", re.UNICODE)
_DIMENSION = re.compile(
    r"\d+([.,]\d+)?\s*(x|×|\*)?\s*\d*([.,]\d+)?\s*(cm|mm|m|kg|g|ml|l|سم|مم|م|متر|سنتيمتر|كلغ|كغ|غ|غرام|مل|لتر)(?!\w)",
    re.IGNORECASE | re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(text or "")


def has_dimensions(text: str) -> bool:
    """A size or weight with its unit: '120 x 80 cm', '30 سم', '250 ml'."""
    return bool(_DIMENSION.search(text or ""))


def title_problems(title: str) -> list[str]:
    """What to fix in a title, as short codes; an empty list means the title reads well."""
    title = (title or "").strip()
    if not title:
        return ["empty"]
    problems = []
    if len(words(title)) < TITLE_MIN_WORDS:
        problems.append("too_short")
    if len(title) > TITLE_MAX_CHARS:
        problems.append("too_long")
    latin = [c for c in title if c.isalpha() and c.isascii()]
    if len(latin) >= 4 and all(c.isupper() for c in latin):
        problems.append("all_capitals")
    if re.search(r"[!?]{2,}", title):
        problems.append("shouting")
    return problems


def description_problems(description: str) -> list[str]:
    """What a description still lacks, as short codes."""
    description = (description or "").strip()
    if not description:
        return ["empty"]
    problems = []
    if len(words(description)) < DESCRIPTION_MIN_WORDS:
        problems.append("too_short")
    if not has_dimensions(description):
        problems.append("no_dimensions")
    return problems


def suggested_ticks(title: str, description: str) -> set[str]:
    """The checklist items her text already shows; the photos and honesty items only she can tick."""
    found = set()
    if not title_problems(title):
        found.add("title_clear")
    description_gaps = description_problems(description)
    if "empty" not in description_gaps and "too_short" not in description_gaps:
        found.add("description")
    if has_dimensions(description):
        found.add("dimensions")
    return found
