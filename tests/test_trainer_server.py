"""The Content-Security-Policy each page of the trainer's server gets (hub/trainer_server.py)."""
from __future__ import annotations

import re

from fadaa.grading.config import load_config
from fadaa.hub.trainer_server import CONFIG, lab_policy, markup_in_formgrader_address, page_policy

BASE = "/user/formatrice/"


def scripts(policy: str) -> str:
    return re.search(r"script-src [^;]*", policy).group()


def test_jupyterlab_runs_no_inline_script_but_its_own_and_talks_to_its_server_only():
    lab = lab_policy()
    assert re.fullmatch(r"script-src 'self' 'unsafe-eval'( 'sha256-[A-Za-z0-9+/=]{44}')+", scripts(lab))
    for directive in ("connect-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"):
        assert directive in lab.split("; ")
    assert page_policy(f"{BASE}lab/tree/quick.ipynb", lab, BASE) == lab
    assert page_policy(f"{BASE}api/contents/x", lab, BASE) == lab


def test_formgrader_and_voila_pages_run_their_inline_scripts_and_nothing_else_changes():
    lab = lab_policy()
    for path in ("formgrader/manage_students", "formgrader/submissions/abc/", "formgrader/submissions/abc/next",
                 "formgrader/submissions/abc/prev_incorrect", "voila/render/source/quick/quick.ipynb"):
        policy = page_policy(BASE + path, lab, BASE)
        assert scripts(policy) == "script-src 'self' 'unsafe-inline'", path
        assert policy.replace(scripts(policy), "") == lab.replace(scripts(lab), "")


def test_files_of_a_submission_are_sandboxed_without_scripts():
    lab = lab_policy()
    assert page_policy(f"{BASE}formgrader/submissions/abc/notes.html", lab, BASE) == lab + "; sandbox"
    assert page_policy(f"{BASE}formgrader/submissions/abc/images/a.png", lab, BASE) == lab + "; sandbox"
    files = lab + "; sandbox allow-scripts"  # jupyter_server's own /files/ keep theirs
    assert page_policy(f"{BASE}files/feedback/h001/quick/quick.html", files, BASE) == files


def test_the_config_file_reads_as_jupyterhub_singleuser_reads_it():
    """JupyterHub's singleuser extension looks into ServerApp.tornado_settings: a lazy .update() value
    made it fail to load, and the hub gave up on the trainer's server."""
    config = load_config(CONFIG)
    assert "log_function" not in config.ServerApp.get("tornado_settings", {})
    assert config.ServerApp.tornado_settings["headers"]["Content-Security-Policy"] == lab_policy()
    assert config.ServerApp.jpserver_extensions == {"fadaa.hub.trainer_server": True}


def test_a_formgrader_address_holding_markup_is_refused():
    """nbgrader prints formgrader's ids from the address into its pages: no id holds markup."""
    assert markup_in_formgrader_address(f"{BASE}formgrader/manage_students/%3Cscript%3Ex%3C/script%3E", BASE)
    assert markup_in_formgrader_address(f"{BASE}formgrader/manage_students/h001/q%22%3E", BASE)
    assert not markup_in_formgrader_address(f"{BASE}formgrader/manage_students/lm000100/bookkeeping_1", BASE)
    assert not markup_in_formgrader_address(f"{BASE}lab/tree/%3Cnotes%3E.ipynb", BASE)  # JupyterLab escapes its own
