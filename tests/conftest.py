"""Shared fixtures: a real nbgrader course in a temporary folder, lesson execution, servers."""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytest_plugins = ["course_fixtures"]  # quick_course, empty_gradebook, db_url, released_lesson

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "courses" / "fadaa"

# nbgrader shells out to `alembic` and kernels must be this venv's Python: put its bin/ first.
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def lesson_notebooks() -> list[Path]:
    return sorted((COURSE / "source").glob("*/*.ipynb"))


def solution_answers(notebook: Path) -> dict[str, object]:
    """grade_id -> the trainer's answer: each solution region run after the setup cell's imports, so
    an answer is what the kit's rule computes (``closing_balance = cash_book.example_closing_balance()``),
    the same value generation writes into the hidden test; a free text is its cell."""
    import ast
    import re

    names: dict = {}
    answers = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade_id") == "setup":
            imports = [n for n in ast.parse(cell.source).body if isinstance(n, (ast.Import, ast.ImportFrom))]
            exec(compile(ast.Module(imports, []), str(notebook), "exec"), names)
        elif meta.get("solution") and cell.cell_type == "markdown":
            answers[meta["grade_id"]] = cell.source
        elif meta.get("solution"):
            exec(re.search(r"### BEGIN SOLUTION\n(.*?)\n### END SOLUTION", cell.source, re.S).group(1), names)
            answers[meta["grade_id"]] = names[meta["grade_id"]]
    return answers


def error_outputs(nb: nbformat.NotebookNode) -> list[str]:
    """Every error or stderr output of an executed notebook, as text."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"{out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                found.append(out.get("text", ""))
    return found


def execute_lesson(notebook: Path, lang: str, workdir: Path, timeout: int = 120, hers: bool = False,
                   then: str = "", backwards: bool = False) -> nbformat.NotebookNode:
    """Run a lesson top to bottom as Voilà would for ``?lang=``, in a copy inside ``workdir``, then
    go through every step as she would (steps are built when she first reaches them), or from the
    last to the first (a lesson reopened where she was builds that step before the earlier ones),
    then run ``then``. With ``hers``, the copy is her notebook: the lesson reads and saves her answers in it."""
    copy = workdir / notebook.name
    shutil.copy(notebook, copy)
    nb = nbformat.read(copy, as_version=4)
    order = "reversed(range(len(lesson.navigator.steps)))" if backwards else "range(len(lesson.navigator.steps))"
    nb.cells.append(nbformat.v4.new_code_cell(f"for index in {order}:\n    lesson.navigator.go(index)"))
    if then:
        nb.cells.append(nbformat.v4.new_code_cell(then))
    env = {**os.environ, "QUERY_STRING": f"lang={lang}", "FADAA_PROFILE": str(workdir / "profile.json")}
    if hers:
        env["SCRIPT_NAME"] = f"/voila/render/{copy.name}"  # how Voilà names the notebook it serves
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    client.execute(env=env)  # the kernel gets the request's environment, as Voilà gives it
    return nb


@pytest.fixture
def course(tmp_path):
    """A fresh copy of the Fadaa course with its own exchange and SQLite gradebook."""
    from fadaa.grading.course import Course

    root = tmp_path / "course"
    shutil.copytree(COURSE, root, ignore=shutil.ignore_patterns("gradebook.db", "release", "submitted",
                                                                 "autograded", "feedback"))
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    return Course(root, exchange=exchange)


@pytest.fixture
def learner_home(tmp_path, course):
    """Make a learner's home for ``student_id`` with her nbgrader configuration."""
    from fadaa.grading import exchange

    def make(student_id: str) -> Path:
        home = tmp_path / "home" / student_id
        exchange.write_learner_config(home, course.course_id, Path(course.config.Exchange.root), student_id)
        return home

    return make


@contextlib.contextmanager
def running_voila(home: Path, env: dict, log_path: Path):
    """Real standalone Voilà (``voila_command``, Fadaa's template) serving ``home`` on a free port
    of 127.0.0.1, until the block ends; yields its base URL. Its output goes to ``log_path``."""
    from fadaa.server.running import free_port, running
    from fadaa.server.serve import voila_command

    port = free_port()
    with running(voila_command(home, port), port, env, log_path, timeout=60) as base:
        yield base


@contextlib.contextmanager
def running_trainer_server(course_root: Path, var: Path, token: str, env: dict | None = None):
    """A trainer's JupyterLab (with nbgrader's formgrader) over ``course_root``, started as the hub
    starts his (``--config=fadaa.hub.trainer_server.CONFIG``), on a free port of 127.0.0.1 until
    the block ends, with ``env`` added to its environment; yields its base URL. Its log is
    ``var/server.log``."""
    import subprocess
    import time
    import urllib.request

    from fadaa.server.running import free_port
    from fadaa.hub.trainer_server import CONFIG

    port = free_port()
    env = {**os.environ, "HOME": str(var), "JUPYTER_CONFIG_DIR": str(var / "config"),
           "JUPYTER_RUNTIME_DIR": str(var / "runtime"), **(env or {})}
    root = ["--allow-root"] if os.geteuid() == 0 else []
    command = [str(Path(sys.executable).parent / "jupyter-lab"), f"--config={CONFIG}", "--no-browser", *root,
               "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={course_root}"]
    base = f"http://127.0.0.1:{port}"
    with open(var / "server.log", "w") as log:
        server = subprocess.Popen(command, cwd=course_root, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError((var / "server.log").read_text()) from None
                    time.sleep(0.5)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory):
    """Voilà serving a learner's home with every lesson fetched through nbgrader's exchange (what
    ``python -m fadaa.demo.learner`` runs). Yields (base_url, home)."""
    from fadaa.demo.learner import build, demo_environment

    var = tmp_path_factory.mktemp("voila")
    _course, home = build(var)
    with running_voila(home, demo_environment(var, var / "profile.json"), var / "voila.log") as base:
        yield base, home


# -- a real headless Chromium (Debian's), one for the whole session: Playwright's sync API allows
#    only one running instance per process, so every browser test shares this one.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 412, "height": 860}


# a microphone that plays a beep, which pages may use without asking her
FAKE_MICROPHONE = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="session")
def playwright_driver():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it with apt-get where it can)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def microphone_browser(playwright_driver):
    """Chromium with a fake microphone that pages may use: a learner who records."""
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + FAKE_MICROPHONE)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()


# direction marks and isolates (Arabic documents isolate amounts so they read "1 250 DH")
BIDI_MARKS = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f"))


def pdf_text(data: bytes, keep_lines: bool = False) -> str:
    """A PDF's text as a reader sees it: direction marks dropped, every run of spaces (no-break and
    thin ones too: str.split takes them) as one space, and line breaks too unless ``keep_lines``."""
    from pypdf import PdfReader
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    lines = [" ".join(line.translate(BIDI_MARKS).split()) for line in text.splitlines()]
    return "\n".join(lines) if keep_lines else " ".join(" ".join(lines).split())


def screenshot(page, tmp_path: Path, name: str) -> Path:
    """Saved in the test's temp dir, and under var/screenshots when FADAA_SCREENSHOTS is set."""
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("FADAA_SCREENSHOTS"):
        keep = REPO / "var" / "screenshots"
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, keep / path.name)
    return path
