"""What each person's server is, chosen from her hub group when it starts (the spawner's ``pre_spawn_hook``).

- ``learners``: standalone Voilà over her home (``voila_app``), never a Jupyter server: Voilà
  standalone refuses a browser's own ``execute_request``, so she can use a lesson's widgets but
  cannot run code. Her home is filled first: her ``nbgrader_config.py`` (course, exchange, her id
  = her hub name) and every released lesson she does not have yet, fetched through nbgrader.
- ``trainers``: JupyterLab (``jupyterhub-singleuser``) over the course folder, with nbgrader's
  formgrader, nbgrader's ``JupyterHubAuthPlugin`` and the language packs (French by default).
- ``coordinators``: standalone Voilà over a home holding the coordinator dashboard.

Every server runs as the hub's own OS user (``SimpleLocalProcessSpawner``) in its own home folder:
the hub's authentication and Voilà's refusal of code are what keep people apart on one machine;
on Kubernetes each server is its own pod (see ``hub/README.md``).
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
from pathlib import Path

from fadaa.grading import exchange
from fadaa.grading.roster import learners
from fadaa.grading.serve import REPO
from fadaa.widgets.i18n import remember_language

from .accounts import GROUPS
from .site import Site

NOTEBOOKS = REPO / "notebooks"
LEARNER_HOME = "learner_home.ipynb"
DASHBOARD = "coordinator_dashboard.ipynb"
TRAINER_LOCALE = "fr_FR"
PROFILE = Path(".fadaa") / "profile.json"  # in each home: her language choices (fadaa.widgets.i18n)

# A kernel nobody has used for 10 minutes is shut down. A page's script shuts its kernel down when
# she leaves the page; this frees the kernels of pages that never said goodbye (a phone that lost
# its connection or was put away). Busy kernels are kept.
KERNEL_CULLING = ["--MappingKernelManager.cull_idle_timeout=600", "--MappingKernelManager.cull_interval=60",
                  "--MappingKernelManager.cull_connected=True", "--MappingKernelManager.cull_busy=False"]


class NoRole(RuntimeError):
    """The user is in none of the groups that say which server she gets."""


def group_of(group_names: list[str]) -> str:
    for group in GROUPS:
        if group in group_names:
            return group
    raise NoRole("This account is in no Fadaa group (learners, trainers, coordinators).")


def released(site: Site) -> list[str]:
    """Lessons in the exchange's outbound folder: released by a trainer, ready to fetch."""
    outbound = site.exchange / site.course_id / "outbound"
    return sorted(p.name for p in outbound.iterdir() if p.is_dir()) if outbound.is_dir() else []


def _copy_app(name: str, home: Path) -> bool:
    """Put the Voilà app ``notebooks/<name>`` in ``home`` (fresh from the checkout each start)."""
    source = NOTEBOOKS / name
    if source.is_file():
        shutil.copy(source, home / name)
    return (home / name).is_file()


def prepare_learner(site: Site, username: str, home: Path) -> str:
    """Her nbgrader configuration, her roster's language and the released lessons she lacks;
    returns her landing URL."""
    exchange.write_learner_config(home, site.course_id, site.exchange, username)
    # a lesson opened by its address, before her home ever showed, opens in her language too
    for lang in learners(site.db_url, site.course_id, student_id=username).lang:
        remember_language(lang, home / PROFILE, key="roster_lang")
    for assignment in released(site):
        if not (home / assignment).exists():
            exchange.fetch(home, assignment)
    return f"/voila/render/{LEARNER_HOME}" if _copy_app(LEARNER_HOME, home) else "/"


def prepare_trainer(site: Site, username: str, home: Path) -> str:
    """His nbgrader configuration (the course, the shared exchange, hub groups for course access)
    and JupyterLab in French until he picks another language."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {site.course_id!r}\n"
        f"c.CourseDirectory.root = {str(site.course_root)!r}\n"
        f"c.CourseDirectory.db_url = {site.db_url!r}\n"
        f"c.Exchange.root = {str(site.exchange)!r}\n"
        "c.Authenticator.plugin_class = 'nbgrader.auth.JupyterHubAuthPlugin'\n", encoding="utf-8")
    settings = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "translation-extension"
    if not (settings / "plugin.jupyterlab-settings").exists():
        settings.mkdir(parents=True, exist_ok=True)
        (settings / "plugin.jupyterlab-settings").write_text(json.dumps({"locale": TRAINER_LOCALE}))
    return "/lab"


def prepare_coordinator(site: Site, username: str, home: Path) -> str:
    home.mkdir(parents=True, exist_ok=True)
    return f"/voila/render/{DASHBOARD}" if _copy_app(DASHBOARD, home) else "/"


PREPARE = {"learners": prepare_learner, "trainers": prepare_trainer, "coordinators": prepare_coordinator}


def server_command(group: str, home: Path) -> list[str]:
    if group == "trainers":
        singleuser = str(Path(sys.executable).parent / "jupyterhub-singleuser")
        # the local default runs every server as the hub's user, root included on a bare machine
        root = ["--allow-root"] if os.geteuid() == 0 else []
        return [singleuser, *root, *KERNEL_CULLING]
    return [sys.executable, "-m", "fadaa.hub.voila_app", str(home), *KERNEL_CULLING]


async def pre_spawn_hook(spawner) -> None:
    """Fill her home, then say which server to start, where it lands, and what it may find."""
    site = Site.from_environment()
    group = group_of([g.name for g in spawner.user.groups])
    home = Path(spawner.home_dir)
    # nbgrader's fetch is blocking file work: keep the hub answering everyone else meanwhile
    spawner.default_url = await asyncio.to_thread(PREPARE[group], site, spawner.user.name, home)
    spawner.cmd = server_command(group, home)
    spawner.notebook_dir = str(site.course_root if group == "trainers" else home)
    spawner.environment = {**spawner.environment, **site.environment(),
                           "FADAA_PROFILE": str(home / PROFILE)}


def main(argv: list[str] | None = None) -> int:
    """``python -m fadaa.hub.spawn <group>``: fill this server's own home, from inside it.

    On Kubernetes the hub cannot reach the volumes of users' pods; the pod runs this first
    (``hub/values.yaml``), with the same site settings from its environment.
    """
    group = (sys.argv[1:] if argv is None else argv)[0]
    PREPARE[group](Site.from_environment(), os.environ["JUPYTERHUB_USER"], Path(os.environ["HOME"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
