"""Serving lessons with standalone Voilà and Fadaa's template.

Standalone Voilà (not the Jupyter server extension) because it refuses a browser's own
``execute_request``: a learner can use the lesson's widgets but cannot run code in its kernel.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = "fadaa"
LAB_ONLY_EXTENSIONS = ("@jupyter/nbgrader", "@jupyter-notebook/lab-extension",
                       "@voila-dashboards/jupyterlab-preview", "jupyterlab_pygments")


def jupyter_data_dir() -> Path:
    """The folder holding ``voila/templates/fadaa`` (the checkout's ``share/jupyter``)."""
    here = REPO / "share" / "jupyter"
    return here if (here / "voila" / "templates" / TEMPLATE).is_dir() else Path(sys.prefix) / "share" / "jupyter"


def voila_environment(base: dict | None = None) -> dict:
    env = dict(os.environ if base is None else base)
    data = str(jupyter_data_dir())
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (data, env.get("JUPYTER_PATH", "")) if p)
    # nbgrader and the kernels find the venv's tools (alembic, python) first
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def voila_command(root: Path, port: int, ip: str = "127.0.0.1") -> list[str]:
    """Voilà serving every lesson under ``root`` (a learner's home) on ``ip:port``."""
    return [sys.executable, "-m", "voila", *voila_args(root, port, ip)]


def voila_args(root: Path, port: int, ip: str = "127.0.0.1") -> list[str]:
    """Voilà's command line after the program name (the hub's launcher runs Voilà in its own process)."""
    return [
        str(root),
        f"--port={port}", f"--Voila.ip={ip}", "--no-browser",
        f"--template={TEMPLATE}", "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        # JupyterLab-only extensions fail to load in a Voilà page and only cost a phone bytes
        *[f"--VoilaConfiguration.extension_denylist={name}" for name in LAB_ONLY_EXTENSIONS],
    ]
