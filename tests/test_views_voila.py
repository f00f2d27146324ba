"""The three views through real Voilà over HTTP in French and Arabic, and the dashboard and her home in
a real headless Chromium, on a small demo course built here (the variables the hub's spawner sets)."""
from __future__ import annotations

import html
import json
import re
import shutil

import pytest
import requests

from fadaa.grading import exchange
from fadaa.server.serve import voila_environment
from fadaa.demo import history as demo
from fadaa.core.i18n import gettext_for
from conftest import REPO, running_voila, screenshot
from course_fixtures import COURSE_ID

pytestmark = pytest.mark.slow
OUTPUT_SCRIPT = re.compile(r'<script type="application/vnd.voila.cell-output\+json">\s*(.*?)\s*</script>', re.S)
TITLES = {"learner_home": "My training", "trainer_desk": "Trainer's desk",
          "coordinator_dashboard": "Progress of the cohorts"}


@pytest.fixture(scope="module")
def views_server(tmp_path_factory, empty_gradebook):
    """Voilà over a learner's home holding the three notebooks, the course database beside it."""
    var = tmp_path_factory.mktemp("views_voila")
    root = var / "course"
    root.mkdir()
    shutil.copy(empty_gradebook, root / "gradebook.db")
    db_url = f"sqlite:///{root / 'gradebook.db'}"
    demo.add_history(db_url, COURSE_ID, prize_winners=3, projects=8, module_count=6)
    home = var / "home"
    exchange.write_learner_config(home, COURSE_ID, var / "exchange", demo.learner_with_a_pass(db_url, COURSE_ID))
    for name in TITLES:
        shutil.copy(REPO / "notebooks" / f"{name}.ipynb", home)
    (home / "documents").mkdir()
    (home / "documents" / "fiche_prix.pdf").write_bytes(b"%PDF-1.4 her price sheet")
    env = voila_environment()
    env.update(FADAA_COURSE_ROOT=str(root), FADAA_COURSE=COURSE_ID, FADAA_DB_URL=db_url,
               FADAA_PROFILE=str(var / "profile.json"), JUPYTER_DATA_DIR=str(var / "jupyter"))
    with running_voila(home, env, var / "voila.log") as base:
        yield base


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", list(TITLES))
def test_each_view_renders_in_her_language_and_direction(views_server, name, lang):
    response = requests.get(f"{views_server}/voila/render/{name}.ipynb?lang={lang}", timeout=180)
    assert response.status_code == 200
    assert "There was an error when executing cell" not in response.text
    outputs = [json.loads(m) for m in OUTPUT_SCRIPT.findall(response.text)]
    assert [o for o in outputs if o.get("output_type") == "error" or o.get("name") == "stderr"] == []
    header = " ".join(o.get("data", {}).get("text/html", "") for o in outputs)
    title = gettext_for(lang)(TITLES[name])
    assert title != TITLES[name] and f'<h1 class="fadaa-title">{html.escape(title)}</h1>' in header
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in header
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


@pytest.mark.browser
def test_the_dashboard_in_arabic_in_a_browser(views_server, page, tmp_path):
    page.goto(f"{views_server}/voila/render/coordinator_dashboard.ipynb?lang=ar", timeout=180_000)
    page.wait_for_selector(".fadaa-table", timeout=180_000)
    page.wait_for_selector(".fadaa-chart", timeout=60_000)
    assert page.eval_on_selector(".fadaa-view.widget-vbox", "el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("img.fadaa-chart, .fadaa-chart img").count() == 4
    body = page.inner_text("body")
    assert "تقدم الأفواج" in body and "الوحدات × المستفيدات" in body and "Traceback" not in body
    page.select_option(".widget-dropdown select >> nth=0", index=1)  # one cohort: the tables follow
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    screenshot(page, tmp_path, "dashboard-ar")


@pytest.mark.browser
def test_her_home_on_a_phone(views_server, page, tmp_path):
    page.goto(f"{views_server}/voila/render/learner_home.ipynb?lang=ar", timeout=180_000)
    page.wait_for_selector(".fadaa-card", timeout=180_000)
    assert page.eval_on_selector(".fadaa-view.widget-vbox", "el => getComputedStyle(el).direction") == "rtl"
    assert "✅ ناجح" in page.inner_text("body")
    certificate = page.locator("a.fadaa-certificate", has_text="شهادتي").first
    assert certificate.bounding_box()["height"] >= 44  # a thumb, not a mouse
    assert certificate.get_attribute("href").startswith("/hub/certificates/")  # the hub issues it
    assert page.eval_on_selector("body", "el => el.scrollWidth") <= 412  # one column, no sideways scroll
    screenshot(page, tmp_path, "learner-home-ar")
