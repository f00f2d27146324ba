"""Fadaa's page script (frontend/): what a phone fetches, icons without a font, a clear message
when the page cannot reach its kernel, a note in place of a widget it does not carry, and a server
that will not start without the script."""
from __future__ import annotations

import re

import nbformat
import pytest
import requests

from fadaa.server.serve import check_page_script, page_script
from fadaa.widgets.steps import BACK_NEXT_ICONS
from conftest import REPO, lesson_notebooks, screenshot

ICON = re.compile(r'icon="([a-z-]+)"')
SCRIPT = re.compile(r'<script([^>]*)\ssrc="([^"]+)"')


def test_every_button_icon_a_view_uses_has_its_emoji():
    """Font Awesome is not sent to phones: an icon without a rule here would show nothing."""
    css = (REPO / "frontend" / "src" / "lesson.css").read_text()
    used = {name for folder in ("widgets", "views") for path in (REPO / folder).rglob("*.py")
            for name in ICON.findall(path.read_text())}
    assert used, "no view asks for an icon: the pattern no longer matches the views' code"
    used |= set(BACK_NEXT_ICONS)
    assert {name for name in used if f".fa-{name}::before" not in css} == set()


def test_serving_without_the_built_script_says_how_to_build_it(tmp_path):
    with pytest.raises(SystemExit, match="make serve"):
        check_page_script(tmp_path / "fadaa-lesson.js")
    check_page_script(page_script())  # make built it before the tests


@pytest.mark.slow
def test_a_lesson_page_asks_for_one_small_script_early(voila_server):
    """The page's only script is Fadaa's, deferred from <head> so a phone fetches it while the
    kernel runs the notebook; with its style sheet it stays well under the 1 MB of a first visit."""
    base, _home = voila_server
    notebook = lesson_notebooks()[0]
    page = requests.get(f"{base}/voila/render/{notebook.parent.name}/{notebook.name}", timeout=180).text
    head = page[:page.index("</head>")]
    scripts = SCRIPT.findall(page)
    assert len(scripts) == 1 and "fadaa-lesson.js?v=" in scripts[0][1] and "defer" in scripts[0][0]
    assert scripts[0][1] in head
    styles = re.findall(r'<link rel="stylesheet" type="text/css" href="([^"]+)"', head)
    assert len(styles) == 1 and "fadaa-lesson.css?v=" in styles[0]
    sent = 0
    for url in (scripts[0][1], styles[0]):
        response = requests.get(base + url.replace("&amp;", "&"), headers={"Accept-Encoding": "gzip"}, timeout=60)
        assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
        # hashed in its address: a repeat visit takes it from the cache without asking
        assert int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1)) >= 365 * 24 * 3600
        sent += int(response.headers["Content-Length"])
    assert sent < 450_000


@pytest.mark.slow
@pytest.mark.browser
def test_a_page_that_cannot_reach_its_kernel_asks_her_to_reload(voila_server, page, tmp_path):
    """No endless spinner: with the kernel's websocket refused, the message shows, in both languages."""
    base, _home = voila_server
    page.route_web_socket(re.compile(r".*/api/kernels/.*"), lambda socket: socket.close())
    page.goto(f"{base}/voila/render/bookkeeping_1/cash_book.ipynb?lang=ar", timeout=180_000)
    page.wait_for_selector(".fadaa-page-failure", state="visible", timeout=90_000)
    message = page.inner_text(".fadaa-page-failure")
    assert "Rechargez" in message and "أعيدي تحميلها" in message
    assert page.locator("#loading").count() == 0  # the spinner is gone
    screenshot(page, tmp_path, "page-failure")


@pytest.mark.slow
@pytest.mark.browser
def test_a_widget_the_page_does_not_carry_is_named_and_the_rest_works(voila_server, page, tmp_path):
    """A trainer's page with an Output widget (not in Fadaa's script): a note stands in its place,
    and the page's other widgets show and answer."""
    base, home = voila_server
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import ipywidgets as w\n"
        "button = w.Button(description='Bonjour')\n"
        "button.add_class('kept')\n"
        "button.on_click(lambda b: setattr(b, 'description', 'Merci'))\n"
        "w.VBox([button, w.Output()])")])
    nbformat.write(notebook, home / "trainer_output_widget.ipynb")
    page.goto(f"{base}/voila/render/trainer_output_widget.ipynb", timeout=180_000)
    page.wait_for_selector(".fadaa-unsupported", timeout=90_000)
    page.click(".kept")
    page.wait_for_selector(".kept >> text=Merci", timeout=30_000)
    assert not page.locator(".fadaa-page-failure").is_visible()
    screenshot(page, tmp_path, "unsupported-widget")

