"""Who can reach what behind the real JupyterHub: PIN login, locks, hashes, and isolation.

Each test drives the hub over HTTP (and a kernel websocket) the way a browser, or someone trying
their luck, would.
"""
from __future__ import annotations

import grp
import json
import re
import stat
import time
import uuid
from pathlib import Path

import nbformat
import pytest
import requests
from sqlalchemy import select
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from fadaa.hub.accounts import account, open_accounts, set_pin
from fadaa.hub.demo import COORDINATOR_PIN, LEARNER_PIN, TRAINER_PIN
from fadaa.hub.memory import tree, tree_pss

pytest_plugins = ["hub_fixtures"]
pytestmark = pytest.mark.slow
LESSON = ("bookkeeping_1", "cash_book.ipynb")  # the lesson the hub fixture releases
LESSON_PATH = f"voila/render/{LESSON[0]}/{LESSON[1]}"


def test_learner_logs_in_with_her_id_and_pin_and_lands_on_her_lessons_with_no_server_to_wait_for(hub):
    her, _phone, _lang = hub.learners(1)[0]
    session, response = hub.session(her, LEARNER_PIN)
    assert response.status_code == 302 and response.headers["Location"].endswith("/services/lessons/")
    home = hub.open_lessons(session)
    assert home.status_code == 200 and home.url == hub.lessons  # her home page is the landing page itself
    assert "fadaa-card" in home.text and "Traceback" not in home.text
    assert "kernelId" not in home.text and "<script" not in home.text  # sent without a kernel or a script
    assert f'href="/services/lessons/voila/render/{LESSON[0]}/{LESSON[1]}?lang=' in home.text
    assert "href=\"/hub/logout\"" in home.text  # a shared phone: she leaves by the hub's logout
    assert (hub.site.home(her) / LESSON[0] / LESSON[1]).is_file()  # fetched into her home as she arrived
    config = (hub.site.home(her) / "nbgrader_config.py").read_text()
    assert f"c.CourseDirectory.student_id = {her!r}" in config
    assert not hub.has_server(her)  # nothing was spawned for her


def test_a_lesson_opened_by_its_address_first_speaks_her_roster_language(hub):
    """Before her home ever showed: her roster's language is in her profile when she arrives."""
    her = next(student for student, _phone, lang in hub.learners(40)[5:] if lang == "ar")
    session = hub.login(her, LEARNER_PIN)
    lesson = hub.open_lessons(session, LESSON_PATH)  # no ?lang=, not through her home
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
    # locked: even her right PIN is refused now, and the page tells her in both languages to call her trainer
    locked = hub.session(her, LEARNER_PIN)[1]
    assert locked.status_code != 302
    page = locked.content.decode("utf-8")  # the page says utf-8 in its <meta>, as a browser reads it
    assert "appelez votre formatrice" in page and "اتصلي بالمكوّنة" in page
    set_pin(open_accounts(hub.site.accounts_db_url), her, "learners", "4321")
    assert hub.session(her, "4321")[1].status_code == 302


def test_pins_are_stored_as_salted_hashes_where_only_the_hub_reads_them(hub):
    engine = open_accounts(hub.site.accounts_db_url)
    with engine.connect() as conn:
        rows = conn.execute(select(account.c.username, account.c.pin_hash)).all()
    hashes = [pin_hash for _name, pin_hash in rows]
    assert all(h.startswith("scrypt$") for h in hashes)
    assert not any(pin in h for h in hashes for pin in (LEARNER_PIN, TRAINER_PIN, COORDINATOR_PIN))
    assert len(set(hashes)) == len(hashes)  # same demo PIN, different salt each time
    database = hub.site.course_root / "gradebook.db"  # trainers and the lesson service write it: no account there
    assert b"fadaa_account" not in database.read_bytes() and b"scrypt$" not in database.read_bytes()
    assert hub.site.state.stat().st_mode & 0o077 == 0


def _message(msg_type: str, content: dict) -> dict:
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "", "session": uuid.uuid4().hex,
                       "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}


def _cookies(session) -> str:
    return "; ".join(f"{c.name}={c.value}" for c in session.cookies)


def _kernel_url(hub, kernel_id: str, what: str = "") -> str:
    return f"{hub.lessons}api/kernels/{kernel_id}{what}"


def test_raw_execute_request_to_her_lesson_kernel_is_refused(hub):
    her, _phone, _lang = hub.learners(1)[0]
    session = hub.login(her, LEARNER_PIN)
    page = hub.open_lessons(session, f"{LESSON_PATH}?lang=fr")
    assert page.status_code == 200
    trophy = hub.site.home(her) / "executed.txt"
    ws_url = _kernel_url(hub, hub.kernel_id(page.text), "/channels").replace("http", "ws", 1)
    execute = _message("execute_request", {"code": f"open({str(trophy)!r}, 'w').write('x')", "silent": False,
                                           "store_history": False, "user_expressions": {}, "allow_stdin": False,
                                           "stop_on_error": True})
    info = _message("kernel_info_request", {})
    replies = []
    with connect(ws_url, additional_headers={"Cookie": _cookies(session)}, open_timeout=30) as ws:
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


def test_her_kernel_refuses_another_learner_websocket_rest_and_shutdown(hub):
    """Both are logged in to the same lesson service: B knows A's kernel id, and gets nowhere with it."""
    her, other = [row[0] for row in hub.learners(2)]
    session = hub.login(her, LEARNER_PIN)
    kernel = hub.kernel_id(hub.open_lessons(session, f"{LESSON_PATH}?lang=fr").text)
    intruder = hub.login(other, LEARNER_PIN)
    assert hub.open_lessons(intruder).status_code == 200  # she is a welcome user of the service herself
    ws_url = _kernel_url(hub, kernel, "/channels").replace("http", "ws", 1)
    with pytest.raises(Exception):
        with connect(ws_url, additional_headers={"Cookie": _cookies(intruder)}, open_timeout=30) as ws:
            ws.send(json.dumps(_message("kernel_info_request", {})))
            ws.recv(timeout=5)
    xsrf = {"X-XSRFToken": intruder.cookies.get("_xsrf", path="/services/lessons/") or ""}
    assert intruder.get(_kernel_url(hub, kernel), timeout=30).status_code == 403
    assert intruder.delete(_kernel_url(hub, kernel), headers=xsrf, timeout=30).status_code == 403
    assert intruder.post(f"{hub.lessons}voila/api/shutdown/{kernel}", headers=xsrf, timeout=30).status_code == 403
    assert intruder.post(f"{hub.lessons}api/kernels/{kernel}/restart", headers=xsrf, timeout=30).status_code in (403, 404, 405)
    assert session.get(_kernel_url(hub, kernel), timeout=30).status_code == 200  # hers still runs, and is hers


def test_a_learner_reaches_only_her_own_home_whatever_the_url_says(hub):
    her, other = [row[0] for row in hub.learners(2)]
    hub.open_lessons(hub.login(other, LEARNER_PIN))  # the neighbour's home is filled
    session = hub.login(her, LEARNER_PIN)
    hub.open_lessons(session)
    for path in (f"voila/render/../{other}/learner_home.ipynb", f"files/../{other}/documents/", f"voila/render/%2e%2e/{other}/learner_home.ipynb",
                 f"voila/render/{other}/learner_home.ipynb", f"voila/render/..%2f{other}/{LESSON[0]}/{LESSON[1]}",
                 "voila/api/contents/", "voila/tree", "voila/tree/feedback", "voila/files/nbgrader_config.py",
                 f"voila/files/{LESSON[0]}/{LESSON[1]}", "voila/files/../course/gradebook.db",
                 "voila/render/.fadaa/profile.json", "voila/render/nbgrader_config.py",
                 "formgrader", "lab", "api/contents", "api/kernels", "tree"):
        response = session.get(hub.lessons + path, timeout=60)
        assert response.status_code in (403, 404), path
        assert other not in response.text, path
    # the hub's API tells her nothing about others
    assert session.get(f"{hub.url}/hub/api/users", timeout=30).status_code == 403
    assert session.get(f"{hub.url}/hub/api/users/{other}", timeout=30).status_code in (403, 404)


def test_her_documents_download_from_her_home_only_and_never_as_a_page_of_the_site(hub):
    her, other = [row[0] for row in hub.learners(9)[7:9]]
    hub.open_lessons(hub.login(other, LEARNER_PIN))
    secret = hub.site.home(other) / "documents" / "fiche_prix.pdf"
    secret.parent.mkdir(exist_ok=True)
    secret.write_bytes(b"%PDF- not hers")
    session = hub.login(her, LEARNER_PIN)
    hub.open_lessons(session)
    mine = hub.site.home(her) / "documents" / "cahier de caisse.xlsx"
    mine.parent.mkdir(exist_ok=True)
    mine.write_bytes(b"PK her cash book")
    (mine.parent / "voisine.pdf").symlink_to(secret)
    home = hub.open_lessons(session).text
    assert 'href="/services/lessons/files/documents/cahier%20de%20caisse.xlsx"' in home
    download = session.get(f"{hub.lessons}files/documents/cahier%20de%20caisse.xlsx", timeout=30)
    assert download.status_code == 200 and download.content == b"PK her cash book"
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["Content-Security-Policy"] == "sandbox"  # a feedback page cannot run as the site
    for path in ("files/documents/voisine.pdf", f"files/%2e%2e/{other}/documents/fiche_prix.pdf",
                 f"files/documents/..%2f..%2f{other}/documents/fiche_prix.pdf", "files/nbgrader_config.py",
                 "files/.fadaa/profile.json", f"files/{LESSON[0]}/{LESSON[1]}", f"certificate/{LESSON[0]}.pdf"):
        response = session.get(hub.lessons + path, timeout=30)
        assert response.status_code == 404 and b"not hers" not in response.content, path


def test_she_chooses_the_language_she_listens_in_and_gets_the_steps_sound_and_nothing_else_of_the_course(hub):
    her = hub.learners(11)[10][0]
    session = hub.login(her, LEARNER_PIN)
    home = hub.open_lessons(session, "?spoken=ary").text  # she chooses Darija on her home
    assert 'href="?spoken=shi"' in home and 'href="?spoken=ary" lang="ary" aria-current="true"' in home
    # remembered where her lessons' kernels read it (widgets.i18n.choose_spoken)
    assert json.loads((hub.site.home(her) / ".fadaa" / "profile.json").read_text())["spoken"] == "ary"
    played = session.get(f"{hub.lessons}step-audio/{LESSON[0]}/audio/cash_book/01.fr.draft.ogg", timeout=30)
    assert played.status_code == 200 and played.content[:4] == b"OggS"
    assert played.headers["Content-Type"].startswith("audio/ogg")
    part = session.get(f"{hub.lessons}step-audio/{LESSON[0]}/audio/cash_book/01.fr.draft.ogg",
                       headers={"Range": "bytes=0-99"}, timeout=30)
    assert part.status_code == 206 and len(part.content) == 100  # what Safari's player asks for
    for path in (f"step-audio/{LESSON[0]}/{LESSON[1]}", f"step-audio/{LESSON[0]}/audio/cash_book/01.fr.draft.json",
                 "step-audio/../gradebook.db", "step-audio/..%2f..%2fgradebook.db", "step-audio/nbgrader_config.py"):
        assert session.get(hub.lessons + path, timeout=30).status_code in (403, 404), path
    # and nobody the hub has not let in
    assert requests.get(f"{hub.lessons}step-audio/{LESSON[0]}/audio/cash_book/01.fr.draft.ogg",
                        allow_redirects=False, timeout=30).status_code in (302, 401, 403)


def test_her_roster_names_the_language_she_listens_in_until_she_chooses_another(hub, tmp_path):
    from fadaa.grading.roster import import_roster, learners
    her = learners(hub.site.db_url, hub.site.course_id).iloc[17]
    roster = tmp_path / "roster.csv"  # as Excel writes it: BOM, semicolons, CRLF
    roster.write_bytes("\r\n".join([
        "Identifiant;Nom;Coopérative;Cohorte;Région;Langue;Téléphone;Rôle;Langue parlée",
        f"{her.student_id};{her['name']};{her.cooperative};{her.cohort};{her.region};{her.lang};{her.phone or ''};"
        f"{her.role};Tachelhit"]).encode("utf-8-sig"))
    assert import_roster(roster, hub.site.db_url, hub.site.course_id).updated == [her.student_id]
    session = hub.login(her.student_id, LEARNER_PIN)
    home = hub.open_lessons(session).text  # her home offers her roster's language, chosen
    assert 'href="?spoken=shi" lang="shi" aria-current="true"' in home
    # kept where her lessons' kernels read it (core.i18n.choose_spoken), she not having chosen
    profile = json.loads((hub.site.home(her.student_id) / ".fadaa" / "profile.json").read_text())
    assert profile["roster_spoken"] == "shi" and "spoken" not in profile
    home = hub.open_lessons(session, "?spoken=ary").text  # her own choice wins over the roster's
    assert 'href="?spoken=ary" lang="ary" aria-current="true"' in home
    assert 'href="?spoken=ary" lang="ary" aria-current="true"' in hub.open_lessons(session).text  # remembered


def test_a_learner_holds_a_few_kernels_at_most_and_her_oldest_is_closed(hub):
    her = hub.learners(6)[5][0]
    session = hub.login(her, LEARNER_PIN)
    kernels = [hub.kernel_id(hub.open_lessons(session, f"{LESSON_PATH}?lang=fr").text) for _ in range(4)]
    running = [session.get(_kernel_url(hub, kernel), timeout=30).status_code for kernel in kernels]
    assert running == [404, 200, 200, 200]


def test_the_lesson_service_and_its_kernels_do_not_run_as_root(hub):
    her = hub.learners(7)[6][0]
    page = hub.open_lessons(hub.login(her, LEARNER_PIN), f"{LESSON_PATH}?lang=fr")
    assert page.status_code == 200
    service, *kernels = tree(hub.lesson_service_pid())  # the service, its zygote and the kernels
    owner = Path(f"/proc/{service}").stat().st_uid
    assert owner != 0
    assert kernels and all(Path(f"/proc/{pid}").stat().st_uid == owner for pid in kernels)
    for secret in ("cookie_secret", "jupyterhub.sqlite"):
        assert (hub.site.state / secret).stat().st_mode & 0o077 == 0, secret
    assert hub.site.state.stat().st_mode & 0o077 == 0
    exchange = hub.site.exchange.stat()
    assert exchange.st_mode & 0o007 == 0 and exchange.st_mode & stat.S_ISVTX  # not world-writable; sticky
    assert grp.getgrgid(exchange.st_gid).gr_name == "fadaa-course"


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
    assert "coordinator_dashboard" in hub.open_lessons(session).url
    # formgrader's grade API lives only on trainers' servers: the service has none, the trainer's refuses her
    response = session.put(f"{hub.url}/user/formatrice/formgrader/api/grade/any", json={"manual_score": 10},
                           timeout=60)
    assert response.status_code == 403
    assert session.get(f"{hub.lessons}formgrader/api/assignments", timeout=60).status_code == 404


def test_a_trainers_terminal_is_not_root_and_cannot_read_the_hubs_secrets_or_learners_homes(hub):
    trainer = hub.login("formatrice", TRAINER_PIN)
    lab = hub.open_server(trainer, "formatrice", "lab")
    assert lab.status_code == 200
    assert "connect-src 'self'" in lab.headers["Content-Security-Policy"]  # hub/trainer_server.py, through the hub
    xsrf = {"X-XSRFToken": trainer.cookies.get("_xsrf", path="/user/formatrice/") or ""}
    name = trainer.post(f"{hub.url}/user/formatrice/api/terminals", headers=xsrf, timeout=60).json()["name"]
    her = hub.learners(1)[0][0]
    hub.open_lessons(hub.login(her, LEARNER_PIN))  # her home exists
    probes = [f"cat {hub.site.state / 'cookie_secret'}", f"cat {hub.site.state / 'jupyterhub.sqlite'}",
              f"ls {hub.site.home(her)}"]
    ws_url = f"{hub.url}/user/formatrice/terminals/websocket/{name}".replace("http", "ws", 1)
    output = ""
    with connect(ws_url, additional_headers={"Cookie": _cookies(trainer)}, open_timeout=30) as ws:
        ws.send(json.dumps(["stdin", "echo UID=$(id -u); " + "; ".join(probes) + "; echo DONE-$((6*7))\r"]))
        deadline = time.monotonic() + 30
        while "DONE-42" not in output and time.monotonic() < deadline:
            try:
                kind, *text = json.loads(ws.recv(timeout=deadline - time.monotonic()))
            except TimeoutError:
                break
            if kind == "stdout":
                output += "".join(text)
    assert int(re.search(r"UID=(\d+)", output).group(1)) != 0
    assert output.count("Permission denied") == len(probes)
    assert (hub.site.state / "cookie_secret").read_text().strip() not in output


def test_past_one_machine_each_learner_always_goes_to_the_same_lesson_service_replica():
    """hub/values.yaml registers one hub service per replica of hub/lesson-service.yaml; the hub's
    landing and the replicas agree on which one serves her, and spread a class over all of them."""
    import yaml
    from fadaa.hub.routes import service_for

    values = yaml.safe_load((Path(__file__).resolve().parents[1] / "hub" / "values.yaml").read_text())
    manifests = list(yaml.safe_load_all((Path(__file__).resolve().parents[1] / "hub" / "lesson-service.yaml").read_text()))
    shards = int(values["hub"]["extraEnv"]["FADAA_LESSON_SHARDS"])
    replicas = next(m for m in manifests if m["kind"] == "StatefulSet")["spec"]["replicas"]
    assert shards == replicas
    names = [f"lm{i:06d}" for i in range(200)]
    chosen = [service_for(name, shards) for name in names]
    assert chosen == [service_for(name, shards) for name in names]  # the same one every time
    assert set(chosen) == {f"lessons-{i}" for i in range(shards)}
    assert min(chosen.count(s) for s in set(chosen)) > 200 / shards / 2  # a class is spread
    assert service_for("lm000001") == "lessons"  # one machine: the one service


@pytest.mark.parametrize("protocol, frame", [
    ("v1.kernel.websocket.jupyter.org", (2**40).to_bytes(8, "little") + bytes(64)),  # 72 bytes claiming 2**40 parts
    (None, (2**31).to_bytes(4, "big") + bytes(68)),  # the older binary format, 2**31 buffers
])
def test_a_malformed_kernel_frame_closes_the_socket_and_the_service_carries_on(hub, protocol, frame):
    her = hub.learners(12)[11][0]
    session = hub.login(her, LEARNER_PIN)
    kernel = hub.kernel_id(hub.open_lessons(session, f"{LESSON_PATH}?lang=fr").text)
    service = hub.lesson_service_pid()
    before = tree_pss(service)
    ws_url = _kernel_url(hub, kernel, "/channels").replace("http", "ws", 1)
    with connect(ws_url, additional_headers={"Cookie": _cookies(session)}, open_timeout=30,
                 subprotocols=[protocol] if protocol else None) as ws:
        ws.send(frame)
        with pytest.raises(ConnectionClosed):  # closed by the service (what it sent before is let through)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                ws.recv(timeout=deadline - time.monotonic())
    assert tree_pss(service) - before < 100 * 2**20
    assert hub.open_lessons(session).status_code == 200  # everyone else's pages still come


def test_logging_out_takes_her_own_form_not_a_link_from_anywhere(hub):
    """A link or an image on any site pointing at /hub/logout used to log her out mid-lesson."""
    her = hub.learners(13)[12][0]
    session = hub.login(her, LEARNER_PIN)
    page = session.get(f"{hub.url}/hub/logout", timeout=30)  # what a link, or an <img>, does
    text = page.content.decode("utf-8")
    assert page.status_code == 200 and 'id="fadaa-logout"' in text and "تسجيل الخروج" in text
    assert session.get(f"{hub.url}/hub/api/user", timeout=30).status_code == 200  # still logged in
    assert session.post(f"{hub.url}/hub/logout", timeout=30).status_code == 403  # a form from elsewhere: no token
    assert session.get(f"{hub.url}/hub/api/user", timeout=30).status_code == 200
    token = re.search(r'name="_xsrf" value="([^"]+)"', text).group(1)
    session.post(f"{hub.url}/hub/logout", data={"_xsrf": token}, timeout=30)  # her own tap on the button
    assert session.get(f"{hub.url}/hub/api/user", timeout=30).status_code in (401, 403)


def test_the_hubs_error_pages_speak_french_and_arabic_with_one_button_to_go_on(hub):
    her = hub.login(hub.learners(14)[13][0], LEARNER_PIN)
    down = her.get(f"{hub.url}/hub/error/503", timeout=30).content.decode("utf-8")  # the proxy's page for a server that does not answer
    assert "ne répond pas" in down and "لا تستجيب" in down and "Try restarting" not in down
    assert re.search(r'id="fadaa-go-on"[^>]*href="/hub/"', down)  # back to her page: the hub restarts the service itself
    trainer = hub.login("formatrice", TRAINER_PIN)
    down = trainer.get(f"{hub.url}/hub/error/503", timeout=30).content.decode("utf-8")
    assert re.search(r'id="fadaa-go-on"[^>]*href="/hub/spawn/formatrice"', down)  # his own server, started again
    missing = her.get(f"{hub.url}/hub/no-such-page", timeout=30)
    assert missing.status_code == 404
    assert "existe pas" in missing.content.decode("utf-8") and "هذه الصفحة غير موجودة" in missing.content.decode("utf-8")


def test_a_kernel_that_eats_memory_is_stopped_before_it_starves_the_class(hub):
    """A page whose kernel grows past the service's limit (1 GB of its own) loses its kernel within
    seconds; the service and her other pages go on."""
    her = hub.learners(15)[14][0]
    session = hub.login(her, LEARNER_PIN)
    assert hub.open_lessons(session).status_code == 200
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("hog = b'x' * 1_400_000_000")]),
                   hub.site.home(her) / "hog.ipynb")  # a trainer's page gone wrong: learners cannot run code
    greedy = hub.kernel_id(hub.open_lessons(session, "voila/render/hog.ipynb").text)
    lesson = hub.kernel_id(hub.open_lessons(session, f"{LESSON_PATH}?lang=fr").text)
    deadline = time.monotonic() + 30
    while session.get(_kernel_url(hub, greedy), timeout=30).status_code != 404:
        assert time.monotonic() < deadline, "the greedy kernel still runs"
        time.sleep(1)
    assert session.get(_kernel_url(hub, lesson), timeout=30).status_code == 200
    assert "more than 1024 MB" in hub.log.read_text()
