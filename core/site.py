"""Where a hub's data lives: one folder holding the course, the exchange, the homes and the hub's own state.

``make serve`` uses ``var/hub`` in the checkout; the tests use a temporary folder. The same
settings reach ``jupyterhub_config.py`` and every spawned server through environment variables.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fadaa.core.paths import REPO

# A kernel nobody has used for 10 minutes is shut down. A page's script shuts its kernel down when
# she leaves the page; this frees the kernels of pages that never said goodbye (a phone that lost
# its connection or was put away). Busy kernels are kept.
KERNEL_CULLING = ["--MappingKernelManager.cull_idle_timeout=600", "--MappingKernelManager.cull_interval=60",
                  "--MappingKernelManager.cull_connected=True", "--MappingKernelManager.cull_busy=False"]


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
        return self.homes / username

    @classmethod
    def from_environment(cls, env: dict | None = None) -> "Site":
        env = os.environ if env is None else env
        lessons = env.get("FADAA_LESSONS", "service")
        if lessons not in ("service", "servers"):
            raise ValueError(f"FADAA_LESSONS must be 'service' or 'servers', not {lessons!r}")
        return cls(Path(env.get("FADAA_HUB_VAR", REPO / "var" / "hub")).resolve(),
                   env.get("FADAA_COURSE", "fadaa"), env.get("FADAA_DB_URL") or None, lessons,
                   int(env.get("FADAA_LESSON_SHARDS", 1)))

    def environment(self) -> dict[str, str]:
        """What the hub, its servers and their kernels need to find the course (and the course's
        ``nbgrader_config.py`` reads the exchange from ``FADAA_EXCHANGE``)."""
        return {"FADAA_HUB_VAR": str(self.var), "FADAA_COURSE": self.course_id, "FADAA_DB_URL": self.db_url,
                "FADAA_COURSE_ROOT": str(self.course_root), "FADAA_EXCHANGE": str(self.exchange),
                "FADAA_LESSONS": self.lessons, "FADAA_LESSON_SHARDS": str(self.lesson_shards)}
