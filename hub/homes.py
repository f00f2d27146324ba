"""What each person's home folder holds, filled before she first needs it.

- a learner's: her ``nbgrader_config.py`` (course, exchange, her id = her hub name), her roster's
  language in her profile, every released lesson she does not have yet (fetched through nbgrader)
  and her home page;
- a coordinator's: the coordinator dashboard;
- a trainer's: his ``nbgrader_config.py`` (the course folder, the shared exchange, hub groups for
  course access) and JupyterLab in French until he picks another language.

The lesson service fills learners' and coordinators' homes when they arrive; the spawner fills
trainers' (and, with a server per learner, learners') before their server starts.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from fadaa.core.home_layout import config_of, profile_of
from fadaa.grading import exchange
from fadaa.grading.config import write_config
from fadaa.grading.roster_lookup import language_of
from fadaa.core.i18n import remember_language

from fadaa.core.paths import REPO
from fadaa.core.site import Site

NOTEBOOKS = REPO / "notebooks"
LEARNER_HOME = "learner_home.ipynb"
DASHBOARD = "coordinator_dashboard.ipynb"
TRAINER_LOCALE = "fr_FR"


def released(site: Site) -> list[str]:
    """Lessons in the exchange's outbound folder: released by a trainer, ready to fetch."""
    outbound = site.exchange / site.course_id / "outbound"
    return sorted(p.name for p in outbound.iterdir() if p.is_dir()) if outbound.is_dir() else []


def _copy_app(name: str, home: Path) -> bool:
    """Put the Voilà app ``notebooks/<name>`` in ``home`` (fresh from the checkout each time)."""
    source = NOTEBOOKS / name
    if source.is_file():
        shutil.copy(source, home / name)
    return (home / name).is_file()


def _own_folder(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o700)  # hers alone: on one machine other people's servers run as other users


def prepare_learner(site: Site, username: str, home: Path) -> str:
    """Her nbgrader configuration, her roster's language and the released lessons she lacks;
    returns her landing page, relative to where her pages are served."""
    _own_folder(home)
    exchange.write_learner_config(home, site.course_id, site.exchange, username)
    # a lesson opened by its address, before her home ever showed, opens in her language too
    lang = language_of(site.db_url, username)
    if lang:
        remember_language(lang, profile_of(home), key="roster_lang")
    for assignment in released(site):
        if not (home / assignment).exists():
            exchange.fetch(home, assignment)
    return f"voila/render/{LEARNER_HOME}" if _copy_app(LEARNER_HOME, home) else ""


def prepare_trainer(site: Site, username: str, home: Path) -> str:
    _own_folder(home)
    write_config(config_of(home), {
        "CourseDirectory": {"course_id": site.course_id, "root": str(site.course_root), "db_url": site.db_url,
                            # files nbgrader writes stay writable by the other trainers of the course
                            # (nbgrader's shared-course setting)
                            "groupshared": True},
        "Exchange": {"root": str(site.exchange)},
        "Authenticator": {"plugin_class": "nbgrader.auth.JupyterHubAuthPlugin"}})
    settings = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "translation-extension"
    if not (settings / "plugin.jupyterlab-settings").exists():
        settings.mkdir(parents=True, exist_ok=True)
        (settings / "plugin.jupyterlab-settings").write_text(json.dumps({"locale": TRAINER_LOCALE}))
    return "lab"


def prepare_coordinator(site: Site, username: str, home: Path) -> str:
    _own_folder(home)
    return f"voila/render/{DASHBOARD}" if _copy_app(DASHBOARD, home) else ""


PREPARE = {"learners": prepare_learner, "trainers": prepare_trainer, "coordinators": prepare_coordinator}
