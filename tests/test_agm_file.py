"""Her AGM file lives in her notebooks: each AGM and governance lesson keeps a copy, opens with the
one she saved last, and a learner whose older Fadaa kept it in ~/.fadaa/agm.json loses nothing."""
import json

from fadaa.widgets.agm import calendar_view, documents_view, records
from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.lesson import Lesson


def test_an_older_agm_json_is_carried_into_her_notebook_once(lessons, tmp_path):
    legacy = tmp_path / "profile" / "agm.json"  # beside her profile, where an older Fadaa kept it
    legacy.parent.mkdir(parents=True)
    legacy.write_text(json.dumps({"cooperative": {"name": "Tighza Argan", "members": 12},
                                  "moral": {"activities": "Argan 1200 L"}}), encoding="utf-8")
    two = lessons("agm_2", "documents.ipynb", "fr")
    agm = documents_view.AgmFile(two)
    assert documents_view.ConvocationForm(two, agm).card.name.value == "Tighza Argan"
    assert documents_view.MoralForm(two, agm).fields["activities"].value == "Argan 1200 L"
    kept = AnswerStore(two.notebook).load_data(records.DATA_KEY)
    assert kept["cooperative"] == {"name": "Tighza Argan", "members": 12}  # in her notebook at once

    legacy.write_text(json.dumps({"cooperative": {"name": "not read again"}}), encoding="utf-8")
    three = documents_view.AgmFile(lessons("agm_3", "the_day.ipynb", "fr"))
    assert three.get("cooperative")["name"] == "Tighza Argan"  # her notebooks hold it from now on
    assert legacy.is_file()  # left as it was


def test_each_lesson_opens_with_the_copy_she_saved_last(lessons):
    one = calendar_view.CalendarPlanner(lessons("agm_1", "calendar.ipynb", "ar"))
    one.card.name.value = "Tighza"
    two = documents_view.AgmFile(lessons("agm_2", "documents.ipynb", "ar"))
    assert two.get("cooperative")["name"] == "Tighza"  # carried from lesson 1
    two.update(cooperative={**two.get("cooperative"), "name": "Tighza Argan"})
    back = calendar_view.CalendarPlanner(lessons("agm_1", "calendar.ipynb", "ar"))
    assert back.card.name.value == "Tighza Argan"  # back in lesson 1: what she wrote last, in lesson 2
    assert not (one.lesson.notebook.parents[2] / "profile" / "agm.json").exists()  # nothing outside her notebooks


def test_a_preview_has_no_agm_file(lessons, tmp_path):
    legacy = tmp_path / "profile" / "agm.json"
    legacy.parent.mkdir(parents=True)
    legacy.write_text(json.dumps({"cooperative": {"name": "a trainer's own"}}), encoding="utf-8")
    agm = documents_view.AgmFile(Lesson({"fr": "t", "ar": "t"}, "fr"))
    assert agm.data == {}
    agm.update(cooperative={"name": "Nour"})  # kept for the page only
    assert agm.get("cooperative") == {"name": "Nour"}
