"""The site's settings (``fadaa.core.settings``): given in ``fadaa_config.py``, by a ``FADAA_*``
variable or left to their default, the hub's configuration, the views and ``fadaa`` see the same
site; ``fadaa --help-all`` lists every setting; the ``nbgrader_config.py`` Fadaa writes into homes
is read by nbgrader itself."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COURSE, REPO
from course_fixtures import ASSIGNMENT, COURSE_ID
from fadaa.core.settings import SiteSettings, variable

FADAA = Path(sys.executable).with_name("fadaa")
NBGRADER = Path(sys.executable).with_name("nbgrader")

# In a process of its own (the settings are read once per process): what the hub's configuration
# gives its login and its lesson service, what a view's Place reads, and what `fadaa` opens.
# The hub's configuration is loaded as an unprivileged hub would load it: as root it would hand the
# checkout to system users.
WHAT_EACH_SEES = """
import json
from traitlets.config import PyFileConfigLoader
from fadaa.core import system_users
system_users.privileged = lambda: False
hub = PyFileConfigLoader("jupyterhub_config.py", {hub_dir!r}).load_config()
service = next(s for s in hub.JupyterHub.services if s["name"] == "lessons")
from fadaa.views.place import Place
from fadaa.grading import cli
args = cli.build_parser().parse_args(["progress"])
print(json.dumps({{"hub login": hub.PinAuthenticator.db_url, "lesson service": service["environment"]["FADAA_DB_URL"],
                  "views": Place.from_settings().db_url, "fadaa": cli._course(args).db_url,
                  "culler": service["environment"]["FADAA_CULL_KERNELS_AFTER"]}}))
"""


def _seen(tmp_path: Path, config: str | None, env: dict[str, str]) -> dict[str, str]:
    var = tmp_path / "hub"
    (var / "course").mkdir(parents=True, exist_ok=True)
    shutil.copy(COURSE / "nbgrader_config.py", var / "course" / "nbgrader_config.py")
    folder = tmp_path / "jupyter-config"
    folder.mkdir(exist_ok=True)
    if config is not None:
        (folder / "fadaa_config.py").write_text(f"c = get_config()  # noqa: F821\n{config}\n")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FADAA_")}
    clean.update(JUPYTER_CONFIG_DIR=str(folder), FADAA_HUB_VAR=str(var), **env)
    done = subprocess.run([sys.executable, "-c", WHAT_EACH_SEES.format(hub_dir=str(REPO / "hub"))], env=clean,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("given", ["config file", "environment", "both", "default"])
def test_a_setting_reaches_the_hub_the_views_and_fadaa_alike(tmp_path, given):
    from_file, from_env = f"sqlite:///{tmp_path / 'file.db'}", f"sqlite:///{tmp_path / 'env.db'}"
    config = {"config file": f"c.SiteSettings.db_url = {from_file!r}\nc.SiteSettings.cull_kernels_after = 900",
              "both": f"c.SiteSettings.db_url = {from_file!r}"}.get(given)
    env = {"FADAA_DB_URL": from_env, "FADAA_CULL_KERNELS_AFTER": "1200"} if given in ("environment", "both") else {}
    seen = _seen(tmp_path, config, env)
    expected = {"config file": from_file, "environment": from_env, "both": from_env,  # the variable wins
                "default": f"sqlite:///{tmp_path / 'hub' / 'course' / 'gradebook.db'}"}[given]
    culling = {"config file": "900", "environment": "1200", "both": "1200", "default": "600"}[given]
    assert seen == {"hub login": expected, "lesson service": expected, "views": expected, "fadaa": expected,
                    "culler": culling}


def test_a_variable_that_does_not_fit_its_setting_is_refused_by_name(tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FADAA_")}
    done = subprocess.run([str(FADAA), "progress"], env={**clean, "FADAA_LESSON_SHARDS": "two"},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "FADAA_LESSON_SHARDS" in done.stderr and "'two'" in done.stderr


def test_fadaa_help_all_lists_every_site_setting_with_its_help_default_and_variable():
    page = subprocess.run([str(FADAA), "--help-all"], capture_output=True, text=True, check=True).stdout
    assert "usage: fadaa" in page and "roster" in page  # the commands first, as --help
    flat = " ".join(page.split())
    settings = SiteSettings.class_traits(config=True)
    assert len(settings) >= 17  # the thirteen variables, the hub's accounts and kernel culling
    for name, trait in settings.items():
        assert f"--SiteSettings.{name}=" in page
        assert " ".join(trait.help.split()) in flat, name
        assert f"Environment variable: {variable(name)}" in flat
    assert "--SiteSettings.hub_port=<Int> " in flat and "Default: 8000" in flat
    assert "--SiteSettings.cull_kernels_after=<Int>" in page


@pytest.mark.slow
def test_the_nbgrader_configurations_fadaa_writes_are_read_by_nbgrader(quick_course, tmp_path, db_url):
    from fadaa.grading import exchange
    from fadaa.grading.roster import Learner, import_roster, write_roster
    from fadaa.hub.homes import prepare_trainer
    from fadaa.core.site import Site

    # a site whose course is the quick course, with one learner and the lesson released
    site = Site(tmp_path, db_url_override=db_url)
    roster = write_roster([Learner("n1", "Naima Tazi", "Coop Nour", "LM", "souss-massa", "fr", None, "member")],
                          tmp_path / "roster.csv")
    import_roster(roster, db_url, COURSE_ID)
    quick_course.release(ASSIGNMENT)
    env = {**os.environ, "PATH": os.pathsep.join([str(NBGRADER.parent), os.environ["PATH"]])}

    trainer = tmp_path / "homes" / "t1"
    prepare_trainer(site, "t1", trainer)
    students = subprocess.run([str(NBGRADER), "db", "student", "list"], cwd=trainer, env=env,
                              capture_output=True, text=True, timeout=120)
    assert students.returncode == 0, students.stderr
    assert "n1 (Tazi, Naima)" in students.stdout, students.stdout  # from his config's course database

    learner = tmp_path / "homes" / "n1"
    exchange.write_learner_config(learner, COURSE_ID, site.exchange, "n1")
    fetched = subprocess.run([str(NBGRADER), "fetch_assignment", ASSIGNMENT], cwd=learner, env=env,
                             capture_output=True, text=True, timeout=120)
    assert fetched.returncode == 0, fetched.stderr
    assert (learner / ASSIGNMENT / "quick.ipynb").is_file()  # her config's exchange, course and folder
