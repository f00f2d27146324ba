"""The site's settings in one place: where its data lives, its ports, its lesson service, its culling.

``SiteSettings`` is a traitlets ``Configurable``, read once per process (``site_settings()``) by the
hub's configuration, the views (``Place``) and ``fadaa`` (``fadaa --help-all`` lists them). Each
setting is, the last one found winning:

1. its default;
2. a ``fadaa_config.py`` in a Jupyter configuration folder (``jupyter --paths``, e.g.
   ``/etc/jupyter/fadaa_config.py``): ``c.SiteSettings.hub_port = 8000``;
3. the environment variable ``FADAA_<NAME>`` (``FADAA_HUB_PORT``). The variables come last because
   they are how the hub hands the settings it read to every server, service and kernel it starts,
   and how Kubernetes' values and the tests give a site: a file on the machine must not undo them.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Mapping

from jupyter_core.paths import jupyter_config_path
from traitlets import Bool, Enum, Integer, TraitError, Unicode
from traitlets.config import Config, Configurable, PyFileConfigLoader

from .paths import REPO

CONFIG_FILE = "fadaa_config.py"
# what the hub alone may know: never handed to the servers, services and kernels it starts
HUB_ONLY = {"accounts_db_url"}


def variable(name: str) -> str:
    """The environment variable of a setting: ``hub_port`` is ``FADAA_HUB_PORT``."""
    return f"FADAA_{name.upper()}"


class SiteSettings(Configurable):
    """One Fadaa site: set in ``fadaa_config.py`` (``c.SiteSettings.<name> = ...``) or by the
    environment variable FADAA_<NAME> (``FADAA_HUB_PORT=8000``), which wins."""

    hub_var = Unicode(str(REPO / "var" / "hub"), help=(
        "The folder holding the site's data: course, exchange, homes and the hub's own state "
        "(default: var/hub in the checkout).")).tag(config=True)
    course = Unicode("fadaa", help="The nbgrader course id.").tag(config=True)
    course_root = Unicode("", help=(
        "The nbgrader course folder the views and fadaa read (empty: <hub_var>/course). The hub's "
        "is always <hub_var>/course, and it sets this for everything it starts.")).tag(config=True)
    db_url = Unicode("", help=(
        "The course database (gradebook and roster), e.g. postgresql+psycopg://... at scale "
        "(empty: SQLite, gradebook.db in the course folder).")).tag(config=True)
    exchange = Unicode("", help=(
        "The nbgrader exchange folder the views and fadaa use (empty: the one the course's "
        "nbgrader_config.py names). The hub's is always <hub_var>/exchange, and it sets this for "
        "everything it starts.")).tag(config=True)
    accounts_db_url = Unicode("", help=(
        "The hub's own database of PIN accounts and issued certificates, which no user's server "
        "gets (empty: SQLite in <hub_var>/jupyterhub).")).tag(config=True)
    lessons = Enum(("service", "servers"), "service", help=(
        "'service': learners and coordinators share the lesson service; 'servers': a Voila "
        "server each (the way before it, kept so that benchmarks/bench_classroom.py compares "
        "the two).")).tag(config=True)
    lesson_shards = Integer(1, min=1, help=(
        "Replicas of the lesson service (Kubernetes); each learner always goes to the same "
        "one.")).tag(config=True)
    hub_port = Integer(8000, help="The port people reach the hub on (127.0.0.1).").tag(config=True)
    hub_api_port = Integer(8081, help="The hub's own API port (127.0.0.1).").tag(config=True)
    proxy_api_port = Integer(8001, help="The proxy's API port (127.0.0.1).").tag(config=True)
    lessons_port = Integer(8002, help="The lesson service's port (127.0.0.1).").tag(config=True)
    public_url = Unicode("", help=(
        "Where people reach the hub, e.g. https://fadaa.example.ma, for the QR code on "
        "certificates (empty: the address the learner's browser used).")).tag(config=True)
    cull_servers_after = Integer(3600, help=(
        "Seconds of no activity after which a trainer's server is stopped.")).tag(config=True)
    # A page's script shuts its kernel down when she leaves the page; culling frees the kernels of
    # pages that never said goodbye (a phone that lost its connection or was put away).
    cull_kernels_after = Integer(600, help=(
        "Seconds after which a kernel nobody used is shut down (a phone that lost its connection "
        "or was put away), in the lesson service and every server.")).tag(config=True)
    cull_kernels_every = Integer(60, help="Seconds between two checks for idle kernels.").tag(config=True)
    cull_connected_kernels = Bool(True, help=(
        "Shut an idle kernel down even while a page is still connected to it.")).tag(config=True)
    cull_busy_kernels = Bool(False, help="Shut down idle kernels that are still running code.").tag(config=True)

    def course_folder(self) -> Path:
        return Path(self.course_root or Path(self.hub_var) / "course")

    @classmethod
    def class_get_trait_help(cls, trait, inst=None, helptext=None) -> str:
        """traitlets' help of a setting, with the environment variable that sets it."""
        helptext = helptext or f"{trait.help}\nEnvironment variable: {variable(trait.name)}"
        return super().class_get_trait_help(trait, inst, helptext)

    def environment(self) -> dict[str, str]:
        """The settings as the environment variables the hub gives what it starts (an empty one is
        left out: the course's ``nbgrader_config.py`` reads ``FADAA_EXCHANGE`` when it is there)."""
        return {variable(name): str(getattr(self, name))
                for name in self.trait_names(config=True) if name not in HUB_ONLY and getattr(self, name) != ""}

    def kernel_culling(self) -> list[str]:
        """Jupyter Server's command-line options that cull kernels as these settings say."""
        return [f"--MappingKernelManager.cull_idle_timeout={self.cull_kernels_after}",
                f"--MappingKernelManager.cull_interval={self.cull_kernels_every}",
                f"--MappingKernelManager.cull_connected={self.cull_connected_kernels}",
                f"--MappingKernelManager.cull_busy={self.cull_busy_kernels}"]


def load(env: Mapping[str, str] | None = None, folders: list[str] | None = None) -> SiteSettings:
    """The settings from ``fadaa_config.py`` in ``folders`` (default: Jupyter's configuration path,
    the first folder winning as Jupyter's own applications do), then ``env`` (default: this
    process's environment). A variable that does not fit its setting is refused, naming it."""
    env = os.environ if env is None else env
    config = Config()
    for folder in reversed(jupyter_config_path() if folders is None else folders):
        if (Path(folder) / CONFIG_FILE).is_file():
            config.merge(PyFileConfigLoader(CONFIG_FILE, str(folder)).load_config())
    try:
        settings = SiteSettings(config=config)
    except TraitError as error:
        raise ValueError(f"{CONFIG_FILE}: {error}") from None
    for name, trait in settings.traits(config=True).items():
        given = env.get(variable(name))
        if given:  # an empty variable (a placeholder in Kubernetes' values) is no setting
            try:
                setattr(settings, name, trait.from_string(given))
            except (TraitError, ValueError) as error:
                raise ValueError(f"{variable(name)}: {given!r} does not fit: {error}") from None
    return settings


@functools.cache
def site_settings() -> SiteSettings:
    """This process's settings, read once."""
    return load()
