"""Loading nbgrader configuration the Jupyter way: an ``nbgrader_config.py`` file plus overrides."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from jupyter_core.paths import jupyter_config_path
from traitlets.config import Config, PyFileConfigLoader

NBGRADER_CONFIG = "nbgrader_config.py"


def load_config(config_file: str | Path | None = None, overrides: Mapping[str, Mapping] | None = None) -> Config:
    """The traitlets ``Config`` nbgrader's own apps would read, from ``config_file``'s folder.

    First the ``nbgrader_config.py`` of Jupyter's configuration folders (``/etc/jupyter``, the
    environment's, ``JUPYTER_CONFIG_PATH``...), where a site sets what holds for all, such as the
    exchange it uses (``c.ExchangeFactory``, ngshare for one): the hub writes each learner's own file
    again at every login, so her file cannot carry it. Then ``config_file`` (if it exists), then
    ``overrides`` on top, shaped like ``{"Exchange": {"root": "/tmp/x"}}`` for ``c.Exchange.root``.
    """
    config = Config()
    for folder in reversed(jupyter_config_path()):  # the most general first, as nbgrader loads them
        if (Path(folder) / NBGRADER_CONFIG).is_file():
            config.merge(PyFileConfigLoader(NBGRADER_CONFIG, folder).load_config())
    if config_file and Path(config_file).is_file():
        path = Path(config_file).resolve()
        config.merge(PyFileConfigLoader(path.name, str(path.parent)).load_config())
    for section, values in (overrides or {}).items():
        for key, value in values.items():
            config[section][key] = value
    return config


class FromHere(str):
    """A path from the configuration file's own folder, written as such: the file still finds it when
    the site is moved (``fadaa restore`` into another folder or machine)."""

    def __repr__(self) -> str:
        return f"os.path.normpath(os.path.join(here, {str(self)!r}))"


def write_config(path: Path, values: Mapping[str, Mapping[str, object]]) -> Path:
    """Write ``values`` (shaped as ``load_config`` takes them: ``{"Exchange": {"root": "/srv/x"}}``)
    as an ``nbgrader_config.py`` that nbgrader, and ``load_config``, read back the same."""
    lines = [f"c.{section}.{key} = {value!r}" for section, settings in values.items()
             for key, value in settings.items()]
    relative = any(isinstance(value, FromHere) for settings in values.values() for value in settings.values())
    head = ["import os", "c = get_config()  # noqa: F821",
            "here = os.path.dirname(os.path.abspath(__file__))"] if relative else ["c = get_config()  # noqa: F821"]
    path.write_text("\n".join([*head, *lines]) + "\n", encoding="utf-8")
    return path
