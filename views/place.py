"""Where a view finds the course and its database: the site's settings (``fadaa.core.settings``).

The hub hands its settings to every server and kernel (``FADAA_COURSE_ROOT``, ``FADAA_COURSE``,
``FADAA_DB_URL``, ``FADAA_EXCHANGE``...). Without them the views read the demo hub's folder
(``var/hub`` in the checkout), which is what ``make serve`` builds.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fadaa.core.settings import SiteSettings, site_settings
from fadaa.grading.config import load_config
from fadaa.grading.progress import Progress, ProgressRules

@dataclass(frozen=True)
class Place:
    course_root: Path
    course_id: str
    db_url: str
    exchange: Path | None

    @classmethod
    def from_settings(cls, settings: SiteSettings | None = None) -> "Place":
        """The course the settings name (default: this process's, ``site_settings()``)."""
        settings = settings or site_settings()
        root = settings.course_folder()
        return cls(root, settings.course, settings.db_url or f"sqlite:///{root / 'gradebook.db'}",
                   Path(settings.exchange) if settings.exchange else None)

    def progress(self) -> Progress:
        """Progress with the course's own rules (pass marks, AGM rule) from its ``nbgrader_config.py``,
        naming modules by the titles of its lessons."""
        rules = ProgressRules(config=load_config(self.course_root / "nbgrader_config.py"))
        return Progress(self.db_url, self.course_id, rules, self.course_root / "source")

    def course(self):
        """The nbgrader course, for the trainer's buttons only: it is slower to open than a query."""
        from fadaa.grading.course import Course
        return Course(self.course_root, exchange=self.exchange, db_url=self.db_url)
