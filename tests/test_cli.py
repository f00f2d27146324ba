"""The ``fadaa`` command as a trainer uses it, on a real course directory and gradebook."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from fadaa.grading import exchange
from fadaa.grading.cli import main
from fadaa.grading.roster import Learner, write_roster
from fadaa.core.answer_store import AnswerStore
from course_fixtures import ASSIGNMENT, submit_copy

FADAA = Path(sys.executable).with_name("fadaa")


def test_help_explains_every_command():
    top = subprocess.run([str(FADAA), "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("roster", "assign", "collect", "autograde", "feedback", "activity", "progress", "export",
                    "backup", "restore", "remind"):
        assert command in top
        page = subprocess.run([str(FADAA), command, "--help"], capture_output=True, text=True, check=True).stdout
        assert "usage: fadaa" in page
    assert "--accept-valid-rows" in subprocess.run([str(FADAA), "roster", "import", "--help"],
                                                   capture_output=True, text=True, check=True).stdout


def people():
    return [Learner(sid, name, "Coop Nour", "LM", "souss-massa", lang, None, role)
            for sid, name, lang, role in (("n1", "Naima Tazi", "fr", "president"), ("n2", "مريم العلوي", "ar", "treasurer"),
                                          ("n3", "Hafsa Ouali", "fr", "member"))]


@pytest.mark.slow
def test_a_trainer_runs_a_module_from_roster_to_export(quick_course, tmp_path, capsys):
    course = ["--course", str(quick_course.root), "--exchange", str(quick_course.config.Exchange.root)]
    bad = tmp_path / "bad.csv"
    bad.write_text("id;nom;coopérative;cohorte;région;langue\r\nn9;Zineb;Coop;LM;Atlantis;fr\r\n", encoding="utf-8-sig")
    assert main([*course, "roster", "import", str(bad)]) == 1
    assert "ligne 2 : Région inconnue Atlantis" in capsys.readouterr().err

    assert main([*course, "roster", "import", str(write_roster(people(), tmp_path / "roster.csv"))]) == 0
    assert "3 apprenantes ajoutées" in capsys.readouterr().out
    assert main([*course, "roster", "list", "--csv"]) == 0
    assert "مريم العلوي" in capsys.readouterr().out

    assert main([*course, "assign", ASSIGNMENT, "--cohort", "Nobody", "--due", "2030-01-01"]) == 1
    assert "Nobody" in capsys.readouterr().err
    assert main([*course, "assign", ASSIGNMENT, "--cohort", "LM", "--due", "2030-01-01"]) == 0
    assert "(3 apprenantes), à rendre le 2030-01-01 23:59" in capsys.readouterr().out

    home = tmp_path / "home" / "n1"  # n1 hands in through the exchange, as the lesson's button does
    exchange.write_learner_config(home, quick_course.course_id, quick_course.config.Exchange.root, "n1")
    AnswerStore(exchange.fetch(home, ASSIGNMENT) / "quick.ipynb").save("answer", 42)
    exchange.submit(home, ASSIGNMENT)
    assert main([*course, "collect", ASSIGNMENT]) == 0
    assert "1 rendus relevés" in capsys.readouterr().out
    submit_copy(quick_course, "n2", raw="not a notebook")  # a broken upload beside it
    assert main([*course, "--lang", "ar", "autograde", ASSIGNMENT, "--workers", "2"]) == 1  # one was not graded
    out = capsys.readouterr().out
    assert "n2: دفتر ليس بصيغة JSON صالحة" in out and "الإرسالات المنقطة: 1 من أصل 2" in out

    assert main([*course, "feedback", ASSIGNMENT]) == 0
    assert (quick_course.root / "feedback" / "n1" / ASSIGNMENT / "quick.html").exists()
    assert list(Path(quick_course.config.Exchange.root).glob("*/feedback/*.html"))  # released to learners

    assert main([*course, "progress", "--view", "by_module"]) == 0
    out = capsys.readouterr().out
    assert "Avancement par module" in out and "Réussi" in out

    for name in ("progress.xlsx", "progress.pdf", "cooperatives.csv"):
        assert main([*course, "export", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0
    sheet = pd.read_excel(tmp_path / "progress.xlsx", sheet_name="by_module")
    assert sheet.set_index("Module").loc[ASSIGNMENT, ["Réussi", "Ouvert"]].tolist() == [1, 2]
    assert main([*course, "export", str(tmp_path / "progress.odt")]) == 2


def test_a_due_date_without_time_is_the_end_of_that_day():
    from fadaa.grading.cli import _date

    assert _date("2026-12-31") == dt.datetime(2026, 12, 31, 23, 59, 59)
    assert _date("2026-12-31T18:00") == dt.datetime(2026, 12, 31, 18, 0)
