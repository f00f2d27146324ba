"""Trainers' servers (and, with ``FADAA_LESSONS=servers``, one per learner): what each runs, as whom.

- ``trainers``: JupyterLab (``jupyterhub-singleuser``) over the course folder, with nbgrader's
  formgrader, nbgrader's ``JupyterHubAuthPlugin`` and the language packs (French by default).
- ``learners`` and ``coordinators`` get no server: the lesson service serves their pages
  (``lesson_service``). With ``FADAA_LESSONS=servers`` (how it was before, kept so that
  ``benchmarks/bench_classroom.py`` can measure both) each gets standalone Voilà over her home.

``FadaaSpawner`` is JupyterHub's ``LocalProcessSpawner`` with Fadaa's homes: when the hub runs as
root, a trainer's server runs as his own system user (``system_users.trainer_user``) and a
learner's as the lesson service's user; otherwise everything runs as the hub's user, which cannot
switch. On Kubernetes each server is its own pod (see ``hub/README.md``).
"""
from __future__ import annotations

import asyncio
import os
import pwd
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Unicode

from fadaa.core import system_users
from fadaa.core.settings import site_settings
from fadaa.core.site import Site

from .groups import group_of
from .trainer_server import CONFIG as TRAINER_CONFIG


class NoServerOfHerOwn(RuntimeError):
    """Learners and coordinators use the lesson service, not a server each."""


def server_command(group: str, home: Path) -> list[str]:
    culling = site_settings().kernel_culling()
    if group == "trainers":
        singleuser = str(Path(sys.executable).parent / "jupyterhub-singleuser")
        # formgrader sanitised and a Content-Security-Policy on every page (hub/trainer_server.py)
        return [singleuser, f"--config={TRAINER_CONFIG}", *culling]
    return [sys.executable, "-m", "fadaa.hub.voila_app", str(home), *culling]


class FadaaSpawner(LocalProcessSpawner):
    system_user = Unicode(help="The system user the server runs as (empty: the hub's own).")

    @property
    def site(self) -> Site:
        return Site.from_settings()

    @property
    def home_dir(self) -> Path:
        return self.site.home(self.user.name)

    async def start(self):
        site = self.site
        group = group_of([g.name for g in self.user.groups])
        if group != "trainers" and site.lessons == "service":
            raise NoServerOfHerOwn(f"{self.user.name}'s lessons are served at /services/lessons/, not by a server of her own.")
        # imported here, not with the hub's configuration: nbgrader, pandas and the kit stay out of
        # the hub's process until a server is started
        from fadaa.core.home_layout import profile_of

        from .homes import PREPARE

        home = self.home_dir
        if system_users.privileged():
            self.system_user = (system_users.trainer_user(self.user.name) if group == "trainers"
                                else system_users.SERVICE_USER)
            await asyncio.to_thread(system_users.ensure_user, self.system_user, None,
                                    "/bin/bash" if group == "trainers" else "/usr/sbin/nologin")
        # nbgrader's fetch is blocking file work: keep the hub answering everyone else meanwhile
        self.default_url = "/" + await asyncio.to_thread(PREPARE[group], site, self.user.name, home)
        if self.system_user:
            entry = pwd.getpwnam(self.system_user)
            await asyncio.to_thread(system_users.chown_tree, home, entry.pw_uid, entry.pw_gid)
        self.cmd = server_command(group, home)
        self.notebook_dir = str(site.course_root if group == "trainers" else home)
        self.environment = {**self.environment, **site.environment(), "FADAA_PROFILE": str(profile_of(home))}
        return await super().start()

    def make_preexec_fn(self, name):
        home = str(self.home_dir)
        switch = set_user_setuid(self.system_user, chdir=False) if self.system_user else None

        def preexec():
            os.umask(0o002)  # nbgrader's shared course: what one trainer writes, the others can change
            if switch:
                switch()
            os.chdir(home)

        return preexec

    def user_env(self, env):
        env["USER"] = self.system_user or self.user.name
        env["HOME"] = str(self.home_dir)
        env["SHELL"] = "/bin/bash"
        return env


def main(argv: list[str] | None = None) -> int:
    """``python -m fadaa.hub.spawn <group>``: fill this server's own home, from inside it.

    On Kubernetes the hub cannot reach the volumes of users' pods; the pod runs this first
    (``hub/values.yaml``), with the same site settings from its environment.
    """
    from .homes import PREPARE

    group = (sys.argv[1:] if argv is None else argv)[0]
    PREPARE[group](Site.from_settings(), os.environ["JUPYTERHUB_USER"], Path(os.environ["HOME"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
