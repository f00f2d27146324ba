"""Who can reach what behind the real JupyterHub: PIN login, locks, hashes, and isolation.

Each test drives the hub over HTTP (and a kernel websocket) the way a browser, or someone trying
their luck, would.
"""
from __future__ import annotations

import json
import time
import uuid

import pytest
from sqlalchemy import select
from websockets.sync.client import connect

from fadaa.hub.accounts import account, open_accounts, set_pin
from fadaa.hub.demo import COORDINATOR_PIN, LEARNER_PIN, TRAINER_PIN

pytest_plugins = ["hub_fixtures"]
pytestmark = pytest.mark.slow
LESSON = ("bookkeeping_1", "cash_book.ipynb")  # the lesson the hub fixture releases
LESSON_PATH = f"voila/render/{LESSON[0]}/{LESSON[1]}"


def test_learner_logs_in_with_her_id_and_pin_and_lands_on_her_lessons(hub):
    her, _phone, _lang = hub.learners(1)[0]
    session = hub.login(her, LEARNER_PIN)
    home = hub.open_server(session, her)
    assert home.status_code == 200
    assert home.url.startswith(f"{hub.url}/user/{her}/")
    listing = session.get(f"{hub.url}/user/{her}/voila/api/contents/", timeout=60).json()
    assert LESSON[0] in [item["name"] for item in listing["content"]]  # fetched into her home at spawn time
    config = (hub.site.home(her) / "nbgrader_config.py").read_text()
    assert f"c.CourseDirectory.student_id = {her!r}" in config


def test_a_lesson_opened_by_its_address_first_speaks_her_roster_language(hub):
    """Before her home ever showed: her server started with her roster's language in her profile."""
    her = next(student for student, _phone, lang in hub.learners(40)[5:] if lang == "ar")
    session = hub.login(her, LEARNER_PIN)
    lesson = hub.open_server(session, her, LESSON_PATH)  # no ?lang=
    assert lesson.status_code == 200
    assert "fadaa-rtl" in lesson.text and "fadaa-ltr" not in lesson.text


def test_learner_logs_in_with_her_phone_number_written_her_way(hub):
    her, phone, _lang = hub.learners(4)[3]
    local = "0" + phone[4:5] + " " + " ".join(phone[i:i + 2] for i in range(5, 13, 2))  # +2126xxxxxxxx -> 06 xx xx xx xx
    session, response = hub.session(local, LEARNER_PIN)
    assert response.status_code == 302
    assert session.get(f"{hub.url}/hub/api/user", timeout=30).json()["name"] == her


def test_wrong_pins_lock_her_account_until_her_trainer_sets_a_new_one(hub):
    her, _phone, _lang = hub.learners(3)[2]
    for _ in range(5):
        assert hub.session(her, "0000")[1].status_code != 302
    # locked: even her right PIN is refused now
    assert hub.session(her, LEARNER_PIN)[1].status_code != 302
    set_pin(open_accounts(hub.site.db_url, hub.site.course_id), her, "learners", "4321")
    assert hub.session(her, "4321")[1].status_code == 302


def test_pins_are_stored_as_salted_hashes(hub):
    engine = open_accounts(hub.site.db_url, hub.site.course_id)
    with engine.connect() as conn:
        rows = conn.execute(select(account.c.username, account.c.pin_hash)).all()
    hashes = [pin_hash for _name, pin_hash in rows]
    assert all(h.startswith("scrypt$") for h in hashes)
    assert not any(pin in h for h in hashes for pin in (LEARNER_PIN, TRAINER_PIN, COORDINATOR_PIN))
    assert len(set(hashes)) == len(hashes)  # same demo PIN, different salt each time
    database = hub.site.course_root / "gradebook.db"
    assert LEARNER_PIN.encode() + b"\0" not in database.read_bytes()


def _message(msg_type: str, content: dict) -> dict:
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "", "session": uuid.uuid4().hex,
                       "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}


def test_raw_execute_request_to_her_lesson_kernel_is_refused(hub):
    her, _phone, _lang = hub.learners(1)[0]
    session = hub.login(her, LEARNER_PIN)
    page = hub.open_server(session, her, f"{LESSON_PATH}?lang=fr")
    assert page.status_code == 200
    trophy = hub.site.home(her) / "executed.txt"
    cookies = "; ".join(f"{c.name}={c.value}" for c in session.cookies if c.name.startswith("jupyterhub-user"))
    ws_url = hub.url.replace("http", "ws") + f"/user/{her}/api/kernels/{hub.kernel_id(page.text)}/channels"
    execute = _message("execute_request", {"code": f"open({str(trophy)!r}, 'w').write('x')", "silent": False,
                                           "store_history": False, "user_expressions": {}, "allow_stdin": False,
                                           "stop_on_error": True})
    info = _message("kernel_info_request", {})
    replies = []
    with connect(ws_url, additional_headers={"Cookie": cookies}, open_timeout=30) as ws:
        ws.send(json.dumps(execute))
        ws.send(json.dumps(info))  # widgets' own messages still get through: the channel works
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:
            try:
                replies.append(json.loads(ws.recv(timeout=deadline - time.monotonic())))
            except TimeoutError:
                break
    answered = {m["parent_header"].get("msg_id") for m in replies}
    assert info["header"]["msg_id"] in answered
    assert execute["header"]["msg_id"] not in answered
    assert not trophy.exists()


def test_her_kernel_websocket_refuses_someone_else(hub):
    her, other = [row[0] for row in hub.learners(2)]
    page = hub.open_server(hub.login(her, LEARNER_PIN), her, f"{LESSON_PATH}?lang=fr")
    intruder = hub.login(other, LEARNER_PIN)
    cookies = "; ".join(f"{c.name}={c.value}" for c in intruder.cookies)
    ws_url = hub.url.replace("http", "ws") + f"/user/{her}/api/kernels/{hub.kernel_id(page.text)}/channels"
    with pytest.raises(Exception):
        with connect(ws_url, additional_headers={"Cookie": cookies}, open_timeout=30) as ws:
            ws.send(json.dumps(_message("kernel_info_request", {})))
            ws.recv(timeout=5)


def test_learner_cannot_open_another_learners_server_files_or_feedback(hub):
    her, other = [row[0] for row in hub.learners(2)]
    assert hub.open_server(hub.login(other, LEARNER_PIN), other).status_code == 200  # her neighbour's server runs
    session = hub.login(her, LEARNER_PIN)
    hub.open_server(session, her)
    for path in ("", f"{LESSON_PATH}?lang=fr", "voila/api/contents/", "voila/tree/feedback",
                 f"voila/render/feedback/{LESSON[0]}/{LESSON[1]}"):
        response = session.get(f"{hub.url}/user/{other}/{path}", timeout=60)
        assert response.status_code == 403, path
    # the hub's API tells her nothing about others
    assert session.get(f"{hub.url}/hub/api/users", timeout=30).status_code == 403
    assert session.get(f"{hub.url}/hub/api/users/{other}", timeout=30).status_code in (403, 404)


def test_learner_reads_no_notebook_or_config_file_even_on_her_own_server(hub):
    her = hub.learners(1)[0][0]
    session = hub.login(her, LEARNER_PIN)
    hub.open_server(session, her)
    for path in ("voila/files/nbgrader_config.py", f"voila/files/{LESSON[0]}/{LESSON[1]}",
                 "voila/files/../course/gradebook.db", "formgrader", "lab", "api/contents", "tree"):
        response = session.get(f"{hub.url}/user/{her}/{path}", timeout=60)
        assert response.status_code in (403, 404), path


def test_learner_and_coordinator_cannot_reach_formgrader_or_the_gradebook(hub):
    trainer = hub.login("formatrice", TRAINER_PIN)
    assert "formgrader" in hub.open_server(trainer, "formatrice", "formgrader").url
    her = hub.learners(1)[0][0]
    for login, pin in ((her, LEARNER_PIN), ("coordination", COORDINATOR_PIN)):
        session = hub.login(login, pin)
        for path in ("formgrader", "formgrader/api/assignments", "lab", "files/gradebook.db", "api/contents/"):
            assert session.get(f"{hub.url}/user/formatrice/{path}", timeout=60).status_code == 403, (login, path)


def test_coordinator_cannot_change_grades(hub):
    hub.open_server(hub.login("formatrice", TRAINER_PIN), "formatrice")  # formgrader is up and running
    session = hub.login("coordination", COORDINATOR_PIN)
    hub.open_server(session, "coordination")
    # formgrader's grade API lives only on trainers' servers: hers has none, the trainer's refuses her
    response = session.put(f"{hub.url}/user/formatrice/formgrader/api/grade/any", json={"manual_score": 10},
                           timeout=60)
    assert response.status_code == 403
    assert session.get(f"{hub.url}/user/coordination/formgrader/api/assignments", timeout=60).status_code == 404
