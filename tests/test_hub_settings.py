"""The site's settings reach what the hub starts: kernel culling given in the site's
``fadaa_config.py`` is what the lesson service's kernel manager culls with."""
from __future__ import annotations

import time

import pytest

from fadaa.hub.demo import LEARNER_PIN

pytest_plugins = ["hub_fixtures"]
pytestmark = pytest.mark.slow


def test_kernel_culling_from_the_sites_configuration_reaches_the_lesson_services_kernel_manager(hub):
    her = hub.learners(20)[19][0]  # no other test logs in as her
    session = hub.login(her, LEARNER_PIN)
    page = hub.open_lessons(session, f"voila/render/{hub.lesson[0]}/{hub.lesson[1]}?lang=fr")
    assert page.status_code == 200 and hub.kernel_id(page.text)  # a kernel started: its manager culls
    after, every = hub.kernel_culling
    said = f"Culling kernels with idle durations > {after} seconds at {every} second intervals"
    deadline = time.monotonic() + 30
    while said not in hub.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert said in hub.log.read_text()
    assert "Culling kernels with idle durations > 600 seconds" not in hub.log.read_text()
