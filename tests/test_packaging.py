"""The project installs the same way with pip and with conda."""
import re
import tomllib

import yaml

from conftest import REPO


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    pip_side = dict(_name_and_spec(r) for r in project["dependencies"] + project["optional-dependencies"]["test"])
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    conda_side = dict(_name_and_spec(d) for d in env["dependencies"] if isinstance(d, str))
    del conda_side["python"], conda_side["pip"]  # the interpreter and installer, not packages
    assert conda_side == pip_side
