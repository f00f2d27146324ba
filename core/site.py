"""Where a hub's data lives: one folder holding the course, the exchange, the homes and the hub's own state.

``make serve`` uses ``var/hub`` in the checkout; the tests use a temporary folder. The site comes
from the site's settings (``fadaa.core.settings``), and reaches every spawned server through
environment variables.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fadaa.core.home_layout import home_in
from fadaa.core.settings import SiteSettings, site_settings


@dataclass(frozen=True)
class Site:
    var: Path
    course_id: str = "fadaa"
    db_url_override: str | None = None  # PostgreSQL at scale; SQLite in the course folder otherwise
    # "service": learners and coordinators share the lesson service; "servers": a server each (the
    # way before it, kept so that benchmarks/bench_classroom.py can compare the two)
    lessons: str = "service"
    # lesson service replicas (Kubernetes): each learner always goes to the same one
    lesson_shards: int = 1

    @property
    def course_root(self) -> Path:
        return self.var / "course"

    @property
    def exchange(self) -> Path:
        return self.var / "exchange"

    @property
    def homes(self) -> Path:
        return self.var / "homes"

    @property
    def state(self) -> Path:
        """The hub's own state: cookie secret, hub database, accounts. Only the hub opens it."""
        return self.var / "jupyterhub"

    @property
    def accounts_db_url(self) -> str:
        return f"sqlite:///{self.state / 'accounts.sqlite'}"

    @property
    def db_url(self) -> str:
        return self.db_url_override or f"sqlite:///{self.course_root / 'gradebook.db'}"

    def home(self, username: str) -> Path:
        return home_in(self.homes, username)

    @classmethod
    def from_settings(cls, settings: SiteSettings | None = None) -> "Site":
        """The site the settings name (default: this process's, ``site_settings()``)."""
        settings = settings or site_settings()
        return cls(Path(settings.hub_var).resolve(), settings.course, settings.db_url or None,
                   settings.lessons, settings.lesson_shards)

    def environment(self) -> dict[str, str]:
        """What the hub, its servers and their kernels need to find the course (and the course's
        ``nbgrader_config.py`` reads the exchange from ``FADAA_EXCHANGE``)."""
        return {"FADAA_HUB_VAR": str(self.var), "FADAA_COURSE": self.course_id, "FADAA_DB_URL": self.db_url,
                "FADAA_COURSE_ROOT": str(self.course_root), "FADAA_EXCHANGE": str(self.exchange),
                "FADAA_LESSONS": self.lessons, "FADAA_LESSON_SHARDS": str(self.lesson_shards)}
