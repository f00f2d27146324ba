"""Certificates through the real hub: she downloads hers, anyone checks it at /hub/verify without
logging in (valid: her name, the module, the date; an altered or revoked code: not valid), and
the page in French and Arabic on a phone in Chromium, with scripts off."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import requests

from fadaa.grading.names import ModuleTitles
from fadaa.grading.roster import learners
from fadaa.hub.demo import LEARNER_PIN
from conftest import PHONE, pdf_text, screenshot
from course_fixtures import record_pass

pytest_plugins = ["hub_fixtures"]
pytestmark = pytest.mark.slow

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


def her_certificate(hub, index: int) -> tuple[object, requests.Session, str]:
    """(her roster row, her logged-in session, her certificate's code): one of the demo's learners
    near the end of the roster (the other hub tests use the first ones), passed and downloaded."""
    her = hub.learners(100)[index][0]
    record_pass(hub.site.db_url, hub.site.course_id, her, hub.lesson[0])
    session = hub.login(her, LEARNER_PIN)
    home = hub.open_lessons(session).text  # her home, from the lesson service, links to the hub's certificate
    assert f'href="/hub/certificates/{hub.lesson[0]}.pdf"' in home
    response = session.get(certificate_url(hub), timeout=120)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    code = CODE.search(text).group()
    assert f"{hub.url}/hub/verify/{code.replace('-', '')}" in text  # the address its QR code holds
    return learners(hub.site.db_url, hub.site.course_id).set_index("student_id").loc[her], session, code


def certificate_url(hub) -> str:
    return f"{hub.url}/hub/certificates/{hub.lesson[0]}.pdf"


def verify(hub, code: str, lang: str = "fr") -> str:
    """The verification page as anyone gets it: no cookie, no login."""
    response = requests.get(f"{hub.url}/hub/verify/{code}?lang={lang}", timeout=30, allow_redirects=False)
    assert response.status_code == 200
    return response.text


def altered(code: str) -> str:
    return code[:5] + ("X" if code[5] != "X" else "Y") + code[6:]


def test_anyone_checks_her_certificate_and_a_forged_or_revoked_one_is_not_valid(hub):
    her, session, code = her_certificate(hub, -1)
    name = her["name"]
    title = ModuleTitles.read(hub.site.course_root / "source").both(hub.lesson[0])
    assert CODE.search(pdf_text(session.get(certificate_url(hub), timeout=120).content)).group() == code  # same code

    page = verify(hub, code)
    assert "Certificat valide" in page and name in page and title["fr"] in page and "20 novembre 2026" in page
    assert her.cooperative not in page and "points" not in page  # nothing more than the certificate's facts
    arabic = verify(hub, code.lower().replace("-", ""), "ar")  # as typed in a hurry: the same certificate
    assert 'dir="rtl"' in arabic and "شهادة صحيحة" in arabic and title["ar"] in arabic and "20 نونبر 2026" in arabic
    forged = verify(hub, altered(code))
    assert "Non valide" in forged and name not in forged
    # the form sends what she typed and lands on the code's own page
    typed = requests.get(f"{hub.url}/hub/verify", params={"code": code.lower().replace("-", " "), "lang": "fr"},
                         timeout=30)
    assert typed.url == f"{hub.url}/hub/verify/{code}?lang=fr" and "Certificat valide" in typed.text

    revoke = subprocess.run([sys.executable, "-m", "fadaa.grading.cli", "--lang", "fr", "certificate",
                             "--hub-db-url", hub.site.accounts_db_url, "revoke", code],
                            capture_output=True, text=True, timeout=60)
    assert revoke.returncode == 0, revoke.stderr
    page = verify(hub, code)
    assert "Non valide : ce certificat a été retiré." in page and name not in page
    withdrawn = session.get(certificate_url(hub), timeout=120)  # no fresh copy of a withdrawn one
    assert withdrawn.status_code == 410 and "Ce certificat a été retiré." in withdrawn.content.decode()


def test_only_a_learner_who_passed_gets_a_certificate(hub):
    anyone = requests.get(certificate_url(hub), timeout=30, allow_redirects=False)
    assert anyone.status_code == 302 and "/hub/login" in anyone.headers["Location"]
    not_yet = hub.login(hub.learners(100)[-3][0], LEARNER_PIN)
    refused = not_yet.get(certificate_url(hub), timeout=120)
    assert refused.status_code == 404 and "لا شهادة بعد" in refused.content.decode()


@pytest.mark.browser
def test_the_verification_page_on_a_phone_in_french_and_arabic_without_scripts(hub, browser, tmp_path):
    her, _session, code = her_certificate(hub, -2)
    name = her["name"]
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{hub.url}/hub/verify?lang=ar", timeout=60_000)
        assert page.eval_on_selector("html", "el => getComputedStyle(el).direction") == "rtl"
        page.fill("#code", code.lower())
        page.click("button[type=submit]")
        page.wait_for_selector("#verdict.valid", timeout=30_000)
        assert name in page.inner_text("#verdict") and "نونبر" in page.inner_text("#verdict")
        assert page.eval_on_selector("body", "el => el.scrollWidth") <= PHONE["width"]  # no sideways scroll
        screenshot(page, tmp_path, "verify-valid-ar")

        page.click("a[lang=fr]")  # the other language, same code
        page.wait_for_selector("#verdict.valid", timeout=30_000)
        assert page.eval_on_selector("html", "el => getComputedStyle(el).direction") == "ltr"
        assert "Certificat valide" in page.inner_text("#verdict")
        screenshot(page, tmp_path, "verify-valid-fr")

        page.goto(f"{hub.url}/hub/verify/{altered(code)}?lang=fr", timeout=60_000)
        assert "Non valide" in page.inner_text("#verdict") and name not in page.inner_text("body")
        screenshot(page, tmp_path, "verify-forged-fr")
    finally:
        context.close()
