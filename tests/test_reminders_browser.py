"""Extra time and reminders through their pages in a real headless Chromium: the trainer gives a late
learner more time on his desk (French), and the coordinator's reminder button (Arabic) no longer
names her. The pages run in Voilà over the late class, as the hub's spawner sets them up."""
from __future__ import annotations

import base64
import io
import shutil

import pandas as pd
import pytest

from fadaa.server.serve import voila_environment
from conftest import COURSE, REPO, running_voila, screenshot
from course_fixtures import COURSE_ID
from late_class import LATER, late_class

pytestmark = [pytest.mark.slow, pytest.mark.browser]
LOADING = 180_000  # ms: a Voilà page runs its notebook first, slowly on a busy machine


@pytest.fixture
def late_pages(tmp_path, empty_gradebook):
    """Voilà over a home holding the dashboard and the desk; the course's lessons give the titles."""
    root = shutil.copytree(COURSE, tmp_path / "course")
    shutil.copy(empty_gradebook, root / "gradebook.db")
    db_url = f"sqlite:///{root / 'gradebook.db'}"
    late_class(db_url, tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    for name in ("coordinator_dashboard", "trainer_desk"):
        shutil.copy(REPO / "notebooks" / f"{name}.ipynb", home)
    env = voila_environment()
    env.update(FADAA_COURSE_ROOT=str(root), FADAA_COURSE=COURSE_ID, FADAA_DB_URL=db_url,
               FADAA_PROFILE=str(tmp_path / "profile.json"), JUPYTER_DATA_DIR=str(tmp_path / "jupyter"))
    with running_voila(home, env, tmp_path / "voila.log") as base:
        yield base


def sms_reminders(page, base: str) -> pd.DataFrame:
    """The dashboard in Arabic, its SMS button tapped, the CSV of its download link read back."""
    page.goto(f"{base}/voila/render/coordinator_dashboard.ipynb?lang=ar", timeout=LOADING)
    page.wait_for_selector(".fadaa-reminders-sms .fadaa-document", timeout=LOADING)
    page.click(".fadaa-reminders-sms .fadaa-document")
    link = page.wait_for_selector(".fadaa-reminders-sms a.fadaa-download", timeout=60_000)
    data = base64.b64decode(link.get_attribute("href").split(",", 1)[1])
    return pd.read_csv(io.BytesIO(data), dtype=str)


def test_extra_time_on_the_desk_takes_her_off_the_dashboards_reminders(late_pages, page, tmp_path):
    before = sms_reminders(page, late_pages)
    assert "عائشة أوعلي" in set(before.name) and before.phone.str.startswith("+212").all()
    page.wait_for_selector(".fadaa-no-phone table", timeout=60_000)
    assert "نعيمة الوزاني" in page.inner_text(".fadaa-no-phone")  # no number: listed, not dropped
    assert page.eval_on_selector(".fadaa-no-phone", "el => getComputedStyle(el).direction") == "rtl"
    page.locator(".fadaa-reminders-sms").scroll_into_view_if_needed()
    screenshot(page, tmp_path, "dashboard-reminders-ar")

    page.goto(f"{late_pages}/voila/render/trainer_desk.ipynb?lang=fr", timeout=LOADING)
    page.wait_for_selector(".fadaa-extend", timeout=LOADING)
    page.select_option(".fadaa-extension-who select", label="👤 عائشة أوعلي (ou)")
    page.select_option(".fadaa-extension-module select", label="Le cahier de caisse")
    page.fill(".fadaa-extension-due input", LATER.strftime("%Y-%m-%d"))
    page.click(".fadaa-extend")
    page.wait_for_selector("text=nouvelle date limite pour عائشة أوعلي", timeout=60_000)
    assert "📘 Ouvert" in page.locator("tr", has_text="عائشة أوعلي").inner_text()  # no longer ⏰ late
    assert page.locator(".fadaa-extend").bounding_box()["height"] >= 44  # a thumb, on his phone too
    screenshot(page, tmp_path, "desk-extension-fr")

    after = sms_reminders(page, late_pages)
    assert "عائشة أوعلي" not in set(after.name) and set(after.name) == set(before.name) - {"عائشة أوعلي"}
