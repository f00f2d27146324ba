"""Her trainer's feedback on a module, once the trainer has released it through nbgrader.

nbgrader's ``fetch_feedback`` copies the released feedback pages into
``<her home>/<module>/feedback/<timestamp>/<lesson>.html``. Her home shows her results and her
trainer's comments (``grading.results``) only for modules whose feedback she has, so nothing
reaches her before the trainer releases it.
"""
from __future__ import annotations

from pathlib import Path

from nbgrader.exchange import ExchangeError

from fadaa.grading import exchange


def fetch_feedback(home: Path, module: str) -> list[Path]:
    """Fetch what the trainer released for ``module`` into her home; her feedback pages, newest first."""
    try:
        folder = exchange.fetch_feedback(home, module)
    except ExchangeError:
        folder = home / module / "feedback"  # nothing released yet: the pages she already has still count
    return sorted(folder.glob("*/*.html"), reverse=True)
