"""Loading nbgrader configuration the Jupyter way: an ``nbgrader_config.py`` file plus overrides."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from traitlets.config import Config, PyFileConfigLoader


def load_config(config_file: str | Path | None = None, overrides: Mapping[str, Mapping] | None = None) -> Config:
    """The traitlets ``Config`` from ``config_file`` (if it exists), with ``overrides`` merged on top.

    ``overrides`` looks like ``{"Exchange": {"root": "/tmp/x"}}``: the shape of ``c.Exchange.root``.
    """
    config = Config()
    if config_file and Path(config_file).is_file():
        path = Path(config_file).resolve()
        config.merge(PyFileConfigLoader(path.name, str(path.parent)).load_config())
    for section, values in (overrides or {}).items():
        for key, value in values.items():
            config[section][key] = value
    return config
