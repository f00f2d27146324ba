"""Where her things are in her home: the one layout that the lesson kit, nbgrader's exchange, the
hub and her home page all read.

A home is ``<homes>/<her hub name>/``, which is also nbgrader's ``Exchange.assignment_dir`` for her:

- ``nbgrader_config.py``: the course, the exchange and her id (``grading.exchange`` writes it);
- ``<assignment>/<lesson>.ipynb``: her copy of each lesson, where nbgrader's fetch puts it, so a
  later lesson finds an earlier one's notebook beside its own folder;
- ``documents/``: what her lessons made for her;
- ``.fadaa/profile.json``: her language choices.
"""
from __future__ import annotations

from pathlib import Path

LEARNER_CONFIG = "nbgrader_config.py"
DOCUMENTS = "documents"
PROFILE = Path(".fadaa") / "profile.json"


def home_in(homes: Path, name: str) -> Path:
    """The home of ``name`` (her hub name) among the site's homes."""
    return Path(homes) / name


def assignment_of(notebook: Path) -> Path:
    """The assignment folder her lesson's notebook is in (its name is the nbgrader assignment)."""
    return Path(notebook).resolve().parent


def home_of(notebook: Path) -> Path:
    """Her home, from one of her lessons' notebooks."""
    return assignment_of(notebook).parent


def earlier_lesson(notebook: Path | None, relative: Path | str) -> Path | None:
    """Her copy of the lesson ``relative`` (e.g. ``bookkeeping_1/cash_book.ipynb``) in the home of
    ``notebook``, if she has it."""
    if notebook is None:
        return None
    path = home_of(notebook) / relative
    return path if path.is_file() else None


def documents_of(home: Path) -> Path:
    return Path(home) / DOCUMENTS


def config_of(home: Path) -> Path:
    """Her ``nbgrader_config.py``."""
    return Path(home) / LEARNER_CONFIG


def profile_of(home: Path) -> Path:
    return Path(home) / PROFILE
