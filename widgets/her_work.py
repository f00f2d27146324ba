"""What she kept in another of her lessons, read from her copy of its notebook: the one reader that
every later lesson uses (the AGM lessons read her year summary, the funding checklist her cash book).

Her lessons sit side by side in her home (``core.home_layout``). A lesson she has not done, or a
damaged or hand-edited notebook, never stops the lesson reading it: what cannot be read is not
there yet. Plain Python, no widgets.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fadaa.core.answer_store import AnswerStore
from fadaa.core.home_layout import earlier_lesson

log = logging.getLogger(__name__)


def kept_in(notebook: Path | None, key: str, default: Any = None) -> Any:
    """What ``notebook`` keeps under ``key`` (``AnswerStore.save_data``); ``default`` when there is no
    notebook, nothing kept there, or it cannot be read."""
    if notebook is None:
        return default
    try:
        return AnswerStore(notebook).load_data(key, default)
    except Exception:  # noqa: BLE001 - an unreadable notebook only means she types it again
        log.warning("could not read %s in %s", key, notebook, exc_info=True)
        return default


def earlier(own: Path | None, lesson: Path | str, key: str, default: Any = None) -> Any:
    """What she kept under ``key`` in her lesson ``lesson`` (``"bookkeeping_4/year_summary.ipynb"``),
    seen from the lesson whose notebook is ``own``."""
    return kept_in(earlier_lesson(own, lesson), key, default)
