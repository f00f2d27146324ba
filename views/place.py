"""Where a view finds the course and its database: the variables the hub's spawner sets.

The hub (``core/site.py``) gives every server and kernel ``FADAA_COURSE_ROOT``, ``FADAA_COURSE`` (the
course id), ``FADAA_DB_URL`` and ``FADAA_EXCHANGE``. Without them the views read the demo hub's
folder (``var/hub`` in the checkout), which is what ``make serve`` builds.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fadaa.grading.config import load_config
from fadaa.grading.progress import Progress, ProgressRules

DEMO_COURSE_ROOT = Path(__file__).resolve().parents[1] / "var" / "hub" / "course"


@dataclass(frozen=True)
class Place:
    course_root: Path
    course_id: str
    db_url: str
    exchange: Path | None

    @classmethod
    def from_environment(cls, env: dict | None = None) -> "Place":
        env = os.environ if env is None else env
        root = Path(env.get("FADAA_COURSE_ROOT", DEMO_COURSE_ROOT))
        exchange = env.get("FADAA_EXCHANGE")
        return cls(root, env.get("FADAA_COURSE", "fadaa"),
                   env.get("FADAA_DB_URL") or f"sqlite:///{root / 'gradebook.db'}",
                   Path(exchange) if exchange else None)

    def progress(self) -> Progress:
        """Progress with the course's own rules (pass marks, AGM rule) from its ``nbgrader_config.py``,
        naming modules by the titles of its lessons."""
        rules = ProgressRules(config=load_config(self.course_root / "nbgrader_config.py"))
        return Progress(self.db_url, self.course_id, rules, self.course_root / "source")

    def course(self):
        """The nbgrader course, for the trainer's buttons only: it is slower to open than a query."""
        from fadaa.grading.course import Course
        return Course(self.course_root, exchange=self.exchange, db_url=self.db_url)
